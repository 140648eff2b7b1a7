package io.transfermonitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code transfer-monitor ais}: ship positions and voyage data from AIS. */
@Command(
    name = "ais",
    mixinStandardHelpOptions = true,
    description =
        "Reads AIS (NMEA logs or CSVs of decoded positions) into the monitor, and runs its"
            + " detectors over a file of positions (detect, score).",
    subcommands = {
      AisIngestCommand.class,
      AisDetectCommand.class,
      AisScoreCommand.class,
      CommandLine.HelpCommand.class
    })
public class AisCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
