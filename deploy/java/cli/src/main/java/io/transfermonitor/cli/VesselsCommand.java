package io.transfermonitor.cli;

import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.vessels.VesselTopic;
import java.time.Duration;
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
    ReferenceTopic topic =
        ReferenceTopic.of(options.settings(), options.settings().topics().vessels());
    Map<String, VesselRecord> vessels =
        topic.read(props -> VesselTopic.read(props, topic.name(), READ_TIMEOUT));
    topic.list(
        spec.commandLine().getOut(),
        json,
        vessels.values(),
        String.format(
            Locale.ROOT, ROW, "IMO", "MMSI", "NAME", "FLAG", "TYPE", "DWT (t)", "OWNER", "SOURCE"),
        VesselsCommand::row,
        "vessels");
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
