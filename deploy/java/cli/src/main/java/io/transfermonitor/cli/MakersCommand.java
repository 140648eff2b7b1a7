package io.transfermonitor.cli;

import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.MakerRecord;
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
 * {@code transfer-monitor makers}: the makers table as it stands, read from its compacted topic
 * ({@code <prefix>reference.makers}) to its end; {@code makers load} publishes a table.
 */
@Command(
    name = "makers",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the makers table on its topic (reference.makers): each maker as cases file it, its"
          + " country, the other names findings give it and the table it came from.",
      "'makers load FILE' publishes a table."
    },
    subcommands = {MakersLoadCommand.class, CommandLine.HelpCommand.class})
public class MakersCommand implements Callable<Integer> {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final String ROW = "%-32s %-7s %-20s %s";

  @Option(names = "--json", description = "One JSON object per maker and line.")
  boolean json;

  @Mixin SettingsOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ReferenceTopic topic =
        ReferenceTopic.of(options.settings(), options.settings().topics().makers());
    Map<String, MakerRecord> makers =
        topic.read(props -> ComponentReferenceTopics.readMakers(props, topic.name(), READ_TIMEOUT));
    topic.list(
        spec.commandLine().getOut(),
        json,
        makers.values().stream().sorted(Comparator.comparing(MakerRecord::getMaker)).toList(),
        String.format(Locale.ROOT, ROW, "MAKER", "COUNTRY", "SOURCE", "ALIASES"),
        m ->
            String.format(
                Locale.ROOT,
                ROW,
                m.getMaker(),
                Objects.requireNonNullElse(m.getCountry(), "-"),
                m.getSource(),
                m.getAliases().isEmpty() ? "-" : String.join("; ", m.getAliases())),
        "makers");
    return 0;
  }
}
