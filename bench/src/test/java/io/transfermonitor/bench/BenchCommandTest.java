package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.cli.TransferMonitor;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark's command line: the CLI's settings options, checks and exit codes. */
class BenchCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = TransferMonitor.commandLine(new BenchCommand());
    cli.setCommandName("transfer-monitor bench");
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldTakeTheSettingsOptionsOfEveryCommand() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .startsWith("Usage: transfer-monitor bench")
        .contains("--config=FILE", "-b, --bootstrap-servers", "--schema-registry-url=URL");
  }

  @Test
  void shouldStopOnABadSettingWithOneLineAndExitCode2() {
    int exit = run("--bootstrap-servers", "broker-without-port");

    assertThat(exit).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(err.toString().strip())
        .isEqualTo(
            "transfer-monitor bench: bad setting --bootstrap-servers"
                + " (kafka.bootstrap.servers): 'broker-without-port' is not host:port[,host:port...]");
  }

  @Test
  void shouldAskForARegistryWithAClusterBeforeStartingAnything() {
    int exit = run("-b", "127.0.0.1:1", "--events", "10");

    assertThat(exit).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(err.toString().strip())
        .startsWith("transfer-monitor bench: a schema registry URL is required with a cluster")
        .contains("--schema-registry-url")
        .doesNotContain("\n");
  }

  @Test
  void shouldRefuseAnEmptyWorkload() {
    int exit = run("--events", "0");

    assertThat(exit).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(err.toString()).contains("--events", "must be >= 1");
  }

  @Test
  void shouldRefuseANegativeNumberOfSyntheticDesignations() {
    int exit = run("--designations", "-1");

    assertThat(exit).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(err.toString()).contains("--designations must be >= 0");
  }

  @Test
  void shouldOfferTheProfileAndTheSyntheticDesignations() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("--profile", "--designations=N", "monitor-pass.jfr");
  }
}
