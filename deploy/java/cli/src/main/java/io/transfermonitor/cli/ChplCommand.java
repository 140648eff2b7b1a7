package io.transfermonitor.cli;

import io.transfermonitor.cli.format.AvroJson;
import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.PriorityListEntry;
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
    Settings settings = options.settings();
    String topic = settings.topics().chpl();
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    Map<String, PriorityListEntry> codes;
    try {
      codes = ComponentReferenceTopics.readPriorityList(props, topic, READ_TIMEOUT);
    } catch (IllegalStateException | KafkaException e) {
      throw new UnavailableException(
          "cannot read " + topic + " on " + props.get("bootstrap.servers") + ": " + e.getMessage(),
          e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      codes.values().forEach(c -> out.println(AvroJson.line(c)));
    } else {
      out.println(String.format(Locale.ROOT, ROW, "HS CODE", "TIER", "DATE", "LIST: WHAT"));
      codes.values().stream()
          .sorted((a, b) -> a.getHsCode().compareTo(b.getHsCode()))
          .forEach(
              c ->
                  out.println(
                      String.format(
                          Locale.ROOT,
                          ROW,
                          c.getHsCode(),
                          c.getTier(),
                          Objects.requireNonNullElse(c.getListDate(), "-"),
                          c.getList()
                              + ": "
                              + Objects.requireNonNullElse(c.getDescription(), "-"))));
      out.printf(Locale.ROOT, "%,d HS codes on %s%n", codes.size(), topic);
    }
    out.flush();
    return 0;
  }
}
