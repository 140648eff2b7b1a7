package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.vessels.VesselTopic;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vessels load} and {@code vessels} against a real broker: keys, no re-publishing, removal.
 */
@ExtendWith(KafkaStackExtension.class)
class VesselsLoadCommandIT {

  @TempDir Path dir;

  @Test
  void shouldPublishTheRegisterOnceThenOnlyWhatChangedAndListIt(KafkaStack stack)
      throws IOException {
    // given fresh topics, the demo register, and a copy of it under the same name without
    // Demo Shuttle 2 and with Sever 12's owner changed
    Topics topics = stack.uniqueTopics();
    Path settings = dir.resolve("settings.properties");
    Files.writeString(settings, "tm.topic.prefix=" + prefixOf(topics) + "\n");
    Path demo = Path.of(VesselsLoadCommandTest.DEMO_REGISTER);
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(demo)) {
      if (!line.contains("Demo Shuttle 2")) {
        lines.add(
            line.startsWith("8990098,") ? line.replace("Demo Primorye", "Demo Nakhodka") : line);
      }
    }
    Path amended = Files.createDirectories(dir.resolve("amended")).resolve("demo-register.csv");
    Files.write(amended, lines);

    // when
    CliRun first = load(stack, settings, demo);
    CliRun again = load(stack, settings, demo);
    CliRun changed = load(stack, settings, amended);
    CliRun listed = cli(stack, settings, "vessels");

    // then
    assertThat(first.outLines())
        .contains(
            "published to " + topics.vessels() + ": 11 added, 0 changed, 0 removed, 0 unchanged");
    assertThat(again.outLines())
        .contains(
            "published to " + topics.vessels() + ": 0 added, 0 changed, 0 removed, 11 unchanged");
    assertThat(changed.outLines())
        .contains(
            "published to " + topics.vessels() + ": 0 added, 1 changed, 1 removed, 9 unchanged",
            "  removed IMO:1890115");
    Map<String, VesselRecord> held =
        VesselTopic.read(
            Map.of(
                "bootstrap.servers", stack.bootstrapServers(),
                "schema.registry.url", stack.schemaRegistryUrl()),
            topics.vessels(),
            Duration.ofSeconds(30));
    assertThat(held).hasSize(10).containsKey("IMO:8990012").doesNotContainKey("IMO:1890115");
    assertThat(held.get("IMO:8990098").getOwner()).startsWith("Demo Nakhodka");
    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.outLines())
        .hasSize(1 + 10 + 1)
        .last()
        .isEqualTo("10 vessels on " + topics.vessels());
    assertThat(listed.out())
        .contains(
            "8990050      445990050 Haebit 3               PRK  Oil products tanker       4,500");
  }

  @Test
  void shouldSayWhatToRunWhenTheTopicsDoNotExistYet(KafkaStack stack) throws IOException {
    // given a prefix under which no topic was created
    Path settings = dir.resolve("no-topics.properties");
    Files.writeString(settings, "tm.topic.prefix=" + stack.uniqueName("none") + ".\n");

    // when
    CliRun run =
        cli(
            stack,
            settings,
            "vessels",
            "load",
            "--report",
            dir.resolve("r.csv").toString(),
            VesselsLoadCommandTest.DEMO_REGISTER);

    // then
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
    assertThat(run.err())
        .contains("reference.vessels does not exist")
        .contains("run 'transfer-monitor topics create' first");
  }

  private CliRun load(KafkaStack stack, Path settings, Path file) {
    CliRun run =
        cli(
            stack,
            settings,
            "vessels",
            "load",
            "--report",
            dir.resolve("r.csv").toString(),
            file.toString());
    assertThat(run.exit()).as("vessels load failed: %s", run.err()).isZero();
    return run;
  }

  private static CliRun cli(KafkaStack stack, Path settings, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    int at = all.indexOf("load") >= 0 ? all.indexOf("load") + 1 : 1;
    all.addAll(
        at,
        List.of(
            "--config",
            settings.toString(),
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl()));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static String prefixOf(Topics topics) {
    return topics.rules().substring(0, topics.rules().length() - "reference.rules".length());
  }
}
