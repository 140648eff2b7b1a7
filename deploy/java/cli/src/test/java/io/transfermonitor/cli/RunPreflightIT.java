package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} against a named cluster says at start what is missing: the topics (naming {@code
 * topics create}, not Kafka's "no partitions available" after a timeout) and the rules (refused
 * unless {@code --no-rules}, since the events read meanwhile would count for no rule).
 */
@ExtendWith(KafkaStackExtension.class)
class RunPreflightIT {

  @TempDir Path dir;

  @Test
  void shouldNameTopicsCreateWhenTheTopicsAreMissing(KafkaStack stack) throws IOException {
    // given: a prefix under which no topic was created
    Path settings = settings(stack, "no-topics");

    // when
    long start = System.nanoTime();
    CliRun run = run(stack, settings);

    // then
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
    assertThat(run.err())
        .contains("reference.rules'")
        .contains("' do not exist; run 'transfer-monitor topics create' first")
        .doesNotContain("no partitions available");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void shouldRefuseToRunWithoutRulesUnlessAskedTo(KafkaStack stack) throws IOException {
    // given: the topics, but no rule published
    Path settings = settings(stack, "no-rules");
    assertThat(
            CliRun.of(
                    "topics",
                    "create",
                    "--config",
                    settings.toString(),
                    "-b",
                    stack.bootstrapServers())
                .exit())
        .isZero();

    // when
    CliRun run = run(stack, settings);

    // then: refused, saying why and what to do
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(run.err())
        .contains("no rules are live on " + prefix(settings) + "reference.rules")
        .contains("transfer-monitor rules apply deploy/config/rules.yaml")
        .contains("--no-rules")
        .contains("Counting the events of the meantime");
  }

  private CliRun run(KafkaStack stack, Path settings) {
    return CliRun.of(
        "run",
        "--config",
        settings.toString(),
        "-b",
        stack.bootstrapServers(),
        "--schema-registry-url",
        stack.schemaRegistryUrl(),
        "--dashboard-port",
        "-1",
        "--metrics-port",
        "-1",
        "--max-wait",
        "10");
  }

  private Path settings(KafkaStack stack, String name) throws IOException {
    Path file = dir.resolve(name + ".properties");
    Files.writeString(
        file,
        "tm.topic.prefix="
            + stack.uniqueName(name)
            + ".\ntm.topic.partitions=1\ntm.state.dir="
            + dir.resolve("state")
            + "\n");
    return file;
  }

  private static String prefix(Path settings) throws IOException {
    String text = Files.readString(settings);
    return text.substring("tm.topic.prefix=".length(), text.indexOf('\n'));
  }
}
