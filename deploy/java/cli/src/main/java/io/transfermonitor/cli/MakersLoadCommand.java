package io.transfermonitor.cli;

import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.producers.ReferencePlan;
import io.transfermonitor.producers.components.ComponentReferenceTopics;
import io.transfermonitor.producers.components.MakersCsv;
import io.transfermonitor.producers.components.ReferenceContents;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor makers load FILE}: reads a makers table (CSV {@code
 * maker,country,aliases}) and publishes it to the compacted topic {@code <prefix>reference.makers},
 * key = canonical maker: new and changed makers, and a tombstone for each maker of the same table
 * ({@code --source}) that the file no longer holds. Every row it cannot use is listed with its line
 * and reason. A file that yields no maker publishes nothing: it would remove the whole table.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes a makers table (CSV: maker,country,aliases; aliases separated by ';') to the"
          + " makers topic (reference.makers).",
      "A component finding naming a maker or one of its aliases (compared without case,"
          + " punctuation or repeated spaces) is filed under the table's maker and country; with no"
          + " entry the finding's own stand. A row without a maker, with a country that is none, or"
          + " naming a maker or alias an earlier row names is reported with its line and left out.",
      "Only what changed is published; a maker the same table (--source) no longer holds is"
          + " removed."
    })
public class MakersLoadCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The table, a CSV file.")
  Path file;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description =
          "The table's name, kept on each maker and named in the alerts it decides; a later load of"
              + " the same name replaces it (default: the file's name).")
  String source;

  @Option(names = "--dry-run", description = "Read and check the file only; publish nothing.")
  boolean dryRun;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      defaultValue = "makers-report.csv",
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
    ReferenceContents<MakerRecord> contents = MakersCsv.read(file, source);
    ReferenceFileReport.write(contents, report);
    ReferenceFileReport.print(out, contents, "makers", report);
    ReferenceFileReport.printCounts(
        out,
        "countries",
        contents.records(),
        m -> Objects.requireNonNullElse(m.getCountry(), "no country"));
    if (!ReferenceFileReport.toPublish(out, contents, "makers", "maker", dryRun)) {
      return 0;
    }
    Settings settings = options.settings();
    ReferenceTopic topic = ReferenceTopic.of(settings, settings.topics().makers());
    ReferencePlan<MakerRecord> plan =
        topic.publish(
            "makers",
            props ->
                ComponentReferenceTopics.publishMakers(props, topic.name(), contents.records()));
    topic.printPublished(out, plan.describe(), plan.removed());
    return 0;
  }
}
