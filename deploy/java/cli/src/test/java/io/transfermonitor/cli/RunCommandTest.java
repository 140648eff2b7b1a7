package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code run} against a cluster that is not there, and options that do not apply to one. */
class RunCommandTest {

  @Test
  void shouldSayWithinSecondsThatTheClusterIsUnreachableAndKeepTrying() throws Exception {
    // given: a port nothing listens on
    int closed = closedPort();
    String address = "127.0.0.1:" + closed;
    StringWriter out = new StringWriter();
    CommandLine cli = TransferMonitor.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));

    // when
    Thread run =
        new Thread(
            () ->
                cli.execute(
                    "run",
                    "-b",
                    address,
                    "--schema-registry-url",
                    "http://127.0.0.1:" + closed,
                    "--metrics-port",
                    "-1"));
    run.start();

    // then: the address and the cause, and again a few seconds later
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(out.toString())
                      .contains(
                          "cannot reach Kafka at "
                              + address
                              + ": "
                              + address
                              + " connection refused")
                      .contains("trying again every 3 s"));
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(out.toString().split("cannot reach Kafka", -1)).hasSizeGreaterThan(2));
    } finally {
      run.interrupt();
      run.join(10_000);
    }
    assertThat(run.isAlive()).isFalse();
  }

  @Test
  void shouldGiveUpOnAnUnreachableClusterAfterMaxWait() throws Exception {
    // given: a port nothing listens on
    String address = "127.0.0.1:" + closedPort();
    long start = System.nanoTime();

    // when
    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                CliRun.of(
                    "run",
                    "-b",
                    address,
                    "--schema-registry-url",
                    "http://" + address,
                    "--metrics-port",
                    "-1",
                    "--max-wait",
                    "2"));

    // then: tried, then a clear message and a non-zero exit
    assertThat(run.out()).contains("cannot reach Kafka at " + address);
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
    assertThat(run.err())
        .contains("run: cannot reach Kafka at " + address + " within 2 s (--max-wait)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void shouldSayTheMaxWaitAndItsDefaultInHelp() {
    assertThat(CliRun.of("run", "--help").out())
        .contains("--max-wait=SECONDS")
        .contains("(default 300)");
  }

  @Test
  void shouldRefuseADataDirThatAnExternalClusterWouldIgnore() {
    CliRun run =
        CliRun.of(
            "run",
            "-b",
            "127.0.0.1:9",
            "--schema-registry-url",
            "http://127.0.0.1:9",
            "--data-dir",
            "somewhere");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("bad setting --data-dir")
        .contains("the monitor's state goes to tm.state.dir (TM_STATE_DIR)");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
