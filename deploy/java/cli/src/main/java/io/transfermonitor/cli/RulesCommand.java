package io.transfermonitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code transfer-monitor rules}: managing the monitoring rules on the compacted rules topic. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Manages the rules the monitor applies (limits, levels, bans), live.",
    subcommands = {
      RulesApplyCommand.class,
      RulesRemoveCommand.class,
      RulesRecountCommand.class,
      CommandLine.HelpCommand.class
    })
public class RulesCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
