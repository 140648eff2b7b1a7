package io.transfermonitor.cli;

import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.producers.components.ComponentReferenceTopics;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor chpl}: the priority list of HS codes as it stands, read from its
 * compacted topic ({@code <prefix>reference.chpl}) to its end; {@code chpl load} publishes a list.
 */
@Command(
    name = "chpl",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the priority list of HS codes (the Common High Priority List) on its topic"
          + " (reference.chpl): code, tier, the list and its date, what the code covers.",
      "'chpl load FILE' publishes a list."
    },
    subcommands = {ChplLoadCommand.class, CommandLine.HelpCommand.class})
public class ChplCommand implements Callable<Integer> {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final String ROW = "%-8s %-4s %-10s %s";

  @Option(names = "--json", description = "One JSON object per HS code and line.")
  boolean json;

  @Mixin SettingsOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ReferenceTopic topic =
        ReferenceTopic.of(options.settings(), options.settings().topics().chpl());
    Map<String, PriorityListEntry> codes =
        topic.read(
            props -> ComponentReferenceTopics.readPriorityList(props, topic.name(), READ_TIMEOUT));
    topic.list(
        spec.commandLine().getOut(),
        json,
        codes.values().stream().sorted(Comparator.comparing(PriorityListEntry::getHsCode)).toList(),
        String.format(Locale.ROOT, ROW, "HS CODE", "TIER", "DATE", "LIST: WHAT"),
        c ->
            String.format(
                Locale.ROOT,
                ROW,
                c.getHsCode(),
                c.getTier(),
                Objects.requireNonNullElse(c.getListDate(), "-"),
                c.getList() + ": " + Objects.requireNonNullElse(c.getDescription(), "-")),
        "HS codes");
    return 0;
  }
}
