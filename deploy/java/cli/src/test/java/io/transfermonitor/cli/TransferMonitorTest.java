package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TransferMonitorTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = TransferMonitor.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldListItsCommandsInHelp() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("stack", "topics", "alerts");
  }

  @Test
  void shouldTellInHelpThatTheBenchmarkRunsThroughTheLauncher() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("bench", "./transfer-monitor bench --help");
  }

  @Test
  void shouldOfferHelpOnEveryCommand() {
    for (String[] command :
        new String[][] {
          {"stack", "--help"}, {"topics", "create", "--help"}, {"alerts", "--help"}
        }) {
      out.getBuffer().setLength(0);
      assertThat(run(command)).as(String.join(" ", command)).isZero();
      assertThat(out.toString()).startsWith("Usage: transfer-monitor " + command[0]);
    }
  }

  @Test
  void shouldStopOnABadSettingWithOneLineAndExitCode2() {
    int exit = run("topics", "create", "--bootstrap-servers", "broker-without-port");

    assertThat(exit).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(err.toString().strip())
        .isEqualTo(
            "transfer-monitor topics create: bad setting --bootstrap-servers"
                + " (kafka.bootstrap.servers): 'broker-without-port' is not host:port[,host:port...]");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void shouldStopOnABadPartitionCountBeforeContactingKafka() {
    int exit = run("topics", "create", "--partitions", "0");

    assertThat(exit).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(err.toString()).contains("--partitions", "'0' must be at least 1");
  }

  @Test
  void shouldRefuseAStackPortOutOfRange() {
    int exit = run("stack", "--port", "70000");

    assertThat(exit).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(err.toString().strip())
        .contains("brokerPort must be 0..65535, was 70000")
        .doesNotContain("\n");
  }

  @Test
  void shouldPrintItsVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("transfer-monitor ").contains("Kafka 4.4.0");
  }
}
