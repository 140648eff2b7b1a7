package io.transfermonitor.cli;

import io.transfermonitor.cli.format.AvroJson;
import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.producers.components.ComponentReferenceTopics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
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
    Settings settings = options.settings();
    String topic = settings.topics().makers();
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    Map<String, MakerRecord> makers;
    try {
      makers = ComponentReferenceTopics.readMakers(props, topic, READ_TIMEOUT);
    } catch (IllegalStateException | KafkaException e) {
      throw new UnavailableException(
          "cannot read " + topic + " on " + props.get("bootstrap.servers") + ": " + e.getMessage(),
          e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      makers.values().forEach(m -> out.println(AvroJson.line(m)));
    } else {
      out.println(String.format(Locale.ROOT, ROW, "MAKER", "COUNTRY", "SOURCE", "ALIASES"));
      makers.values().stream()
          .sorted((a, b) -> a.getMaker().compareTo(b.getMaker()))
          .forEach(
              m ->
                  out.println(
                      String.format(
                          Locale.ROOT,
                          ROW,
                          m.getMaker(),
                          Objects.requireNonNullElse(m.getCountry(), "-"),
                          m.getSource(),
                          m.getAliases().isEmpty() ? "-" : String.join("; ", m.getAliases()))));
      out.printf(Locale.ROOT, "%,d makers on %s%n", makers.size(), topic);
    }
    out.flush();
    return 0;
  }
}
