package io.transfermonitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code transfer-monitor designations}: the designated parties on the designations topic. */
@Command(
    name = "designations",
    mixinStandardHelpOptions = true,
    description = "Manages the designated parties the monitor screens against, live.",
    subcommands = {DesignationsLoadCommand.class, CommandLine.HelpCommand.class})
public class DesignationsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
