package io.transfermonitor.cli;

import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.producers.ReferencePlan;
import io.transfermonitor.producers.components.ComponentReferenceTopics;
import io.transfermonitor.producers.components.PriorityListCsv;
import io.transfermonitor.producers.components.ReferenceContents;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor chpl load FILE}: reads a priority list of HS codes with their tiers (the
 * Common High Priority List, CSV {@code hs_code,tier,description}) and publishes it to the
 * compacted topic {@code <prefix>reference.chpl}, key = HS subheading ({@code 8542.31}): new and
 * changed codes, and a tombstone for each code of the same list ({@code --list}) that the file no
 * longer holds. Every row it cannot use is listed with its line and reason. A file that yields no
 * code publishes nothing: it would remove the whole list.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes a priority list of HS codes with their tiers (the Common High Priority List,"
          + " CSV: hs_code,tier,description) to the priority list topic (reference.chpl).",
      "The list's name and date come from the file's '# list:' and '# date:' lines, or --list and"
          + " --date. A code of the wrong shape, an unknown tier (1, 2, 3.A, 3.B, 4.A, 4.B) or a"
          + " code given twice is reported with its line and left out.",
      "Only what changed is published; a code the same list no longer holds is removed. A changed"
          + " tier applies to the findings the monitor reads from then on."
    })
public class ChplLoadCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The list, a CSV file.")
  Path file;

  @Option(
      names = "--list",
      paramLabel = "NAME",
      description =
          "The list's name, kept on each code; a later load of the same name replaces it"
              + " (default: the file's '# list:' line, else its name).")
  String list;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The date of the list's version (default: the file's '# date:' line).")
  String date;

  @Option(names = "--dry-run", description = "Read and check the file only; publish nothing.")
  boolean dryRun;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      defaultValue = "chpl-report.csv",
      description =
          "Where rejected rows are listed: CSV, or JSON Lines for a .jsonl name (default:"
              + " ${DEFAULT-VALUE}).")
  Path report;

  @Mixin SettingsOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    ReferenceContents<PriorityListEntry> contents = PriorityListCsv.read(file, list, date);
    ReferenceFileReport.write(contents, report);
    ReferenceFileReport.print(out, contents, "HS codes", report);
    ReferenceFileReport.printCounts(out, "tiers", contents.records(), PriorityListEntry::getTier);
    if (!ReferenceFileReport.toPublish(out, contents, "HS codes", "HS code", dryRun)) {
      return 0;
    }
    Settings settings = options.settings();
    ReferenceTopic topic = ReferenceTopic.of(settings, settings.topics().chpl());
    ReferencePlan<PriorityListEntry> plan =
        topic.publish(
            "the priority list",
            props ->
                ComponentReferenceTopics.publishPriorityList(
                    props, topic.name(), contents.records()));
    topic.printPublished(out, plan.describe(), plan.removed());
    return 0;
  }
}
