package io.transfermonitor.cli;

import io.transfermonitor.cli.format.AvroJson;
import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.vessels.VesselTopic;
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
 * {@code transfer-monitor vessels}: the vessel register as it stands, read from the compacted
 * register topic ({@code <prefix>reference.vessels}) to its end; {@code vessels load} publishes a
 * register to it.
 */
@Command(
    name = "vessels",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the vessel register on the register topic (reference.vessels): IMO number, MMSI,"
          + " name, flag, type, deadweight, owner and the register each came from.",
      "'vessels load FILE' publishes a register."
    },
    subcommands = {VesselsLoadCommand.class, CommandLine.HelpCommand.class})
public class VesselsCommand implements Callable<Integer> {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final String ROW = "%-12s %-9s %-22s %-4s %-22s %8s  %-32s %s";

  @Option(names = "--json", description = "One JSON object per vessel and line.")
  boolean json;

  @Mixin SettingsOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Settings settings = options.settings();
    String topic = settings.topics().vessels();
    Map<String, Object> props =
        settings.clientProperties(LocalDefaults.BOOTSTRAP, LocalDefaults.REGISTRY);
    Reachability.require(props, Optional.of(LocalDefaults.registryUrl(settings)));
    Map<String, VesselRecord> vessels;
    try {
      vessels = VesselTopic.read(props, topic, READ_TIMEOUT);
    } catch (IllegalStateException | KafkaException e) {
      throw new UnavailableException(
          "cannot read " + topic + " on " + props.get("bootstrap.servers") + ": " + e.getMessage(),
          e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      vessels.values().forEach(v -> out.println(AvroJson.line(v)));
    } else {
      out.println(
          String.format(
              Locale.ROOT,
              ROW,
              "IMO",
              "MMSI",
              "NAME",
              "FLAG",
              "TYPE",
              "DWT (t)",
              "OWNER",
              "SOURCE"));
      vessels.values().forEach(v -> out.println(row(v)));
      out.printf(Locale.ROOT, "%,d vessels on %s%n", vessels.size(), topic);
    }
    out.flush();
    return 0;
  }

  private static String row(VesselRecord v) {
    return String.format(
        Locale.ROOT,
        ROW,
        orDash(v.getImo()),
        orDash(v.getMmsi()),
        orDash(v.getName()),
        orDash(v.getFlag()),
        orDash(v.getShipType()),
        v.getDeadweightTonnes() == null
            ? "-"
            : String.format(Locale.ROOT, "%,.0f", v.getDeadweightTonnes()),
        orDash(v.getOwner()),
        orDash(v.getSource()));
  }

  private static String orDash(String value) {
    return Objects.requireNonNullElse(value, "-");
  }
}
