package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command that needs the cluster says within seconds what is wrong with the address it was given,
 * and which setting to fix, instead of waiting out a client's minute-long timeout and then blaming
 * the security settings.
 */
class ConnectionErrorsTest {

  private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cases list",
        "alerts",
        "topics create",
        "designations load LIST",
        "rules apply RULES",
        "rules remove some-rule",
        "rules recount some-rule",
        "vessels",
        "vessels load REGISTER",
        "ais ingest NMEA"
      })
  void shouldSayAtOnceThatTheConnectionWasRefused(String command) throws IOException {
    // given: a port nothing listens on
    String address = "127.0.0.1:" + closedPort();

    // when
    long start = System.nanoTime();
    CliRun run = CliRun.of(args(command, address, "http://" + address));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // then
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
    assertThat(run.err())
        .contains("cannot reach Kafka at " + address + ": " + address + " connection refused")
        .contains("check --bootstrap-servers (kafka.bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS")
        .doesNotContain("security");
    assertThat(took).isLessThan(FEW_SECONDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cases list", "alerts", "designations load LIST"})
  void shouldSayAnUnknownHostAtOnce(String command) {
    // when: a host name that cannot resolve (.invalid is reserved for that)
    long start = System.nanoTime();
    CliRun run = CliRun.of(args(command, "no-such-broker.invalid:9092", "http://127.0.0.1:8081"));

    // then
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
    assertThat(run.err())
        .contains("cannot reach Kafka at no-such-broker.invalid:9092")
        .contains("unknown host no-such-broker.invalid")
        .contains("check --bootstrap-servers");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FEW_SECONDS);
  }

  private static String[] args(String command, String bootstrap, String registry) {
    List<String> args = new ArrayList<>();
    for (String word : command.split(" ")) {
      args.add(
          switch (word) {
            case "LIST" -> ScreenCommandTest.SAMPLE_LIST;
            case "RULES" -> ProjectFiles.of("deploy/config/rules.yaml").toString();
            case "REGISTER" ->
                ProjectFiles.of("producers/src/main/resources/vessels/demo-register.csv")
                    .toString();
            case "NMEA" ->
                ProjectFiles.of("producers/src/main/resources/scenarios/ais-2023-2025.nmea")
                    .toString();
            default -> word;
          });
    }
    args.addAll(List.of("--bootstrap-servers", bootstrap, "--schema-registry-url", registry));
    if (command.equals("topics create")) {
      args.removeAll(List.of("--schema-registry-url", registry));
    }
    return args.toArray(String[]::new);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
