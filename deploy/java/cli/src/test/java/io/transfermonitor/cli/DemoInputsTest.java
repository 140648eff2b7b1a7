package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} checks what it was given before it starts a broker: a mistake costs no wait. What is
 * asserted is that nothing was started (no broker, no data directory), not a time, which a loaded
 * machine would make flaky.
 */
class DemoInputsTest {

  @TempDir Path dir;

  @Test
  void shouldRefuseAMissingScenarioFileBeforeStartingAnything() {
    // when
    CliRun run =
        CliRun.of(
            "demo",
            "--once",
            "--scenario",
            dir.resolve("missing.jsonl").toString(),
            "--data-dir",
            dir.resolve("data").toString());

    // then
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(run.err())
        .contains("bad setting --scenario: no such file: " + dir.resolve("missing.jsonl"));
    assertThat(run.out()).doesNotContain("Embedded Kafka");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void shouldNameDashboardPortWhenTheDashboardsPortIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      // given: something holds the port
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      String port = String.valueOf(taken.getLocalPort());

      // when
      CliRun run =
          CliRun.of("demo", "--dashboard-port", port, "--data-dir", dir.resolve("data").toString());

      // then
      assertThat(run.out()).doesNotContain("Embedded Kafka");
      assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
      assertThat(run.err())
          .contains("port " + port + " on 127.0.0.1 is already in use (the dashboard)")
          .contains("--dashboard-port");
      assertThat(dir.resolve("data")).doesNotExist();
    }
  }
}
