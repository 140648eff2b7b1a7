package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.cli.kafka.GroupCommitProgress;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.producers.scenario.ScenarioReplayer;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.topology.MonitorTopology;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two monitor instances, separate JVMs running the shipped jar against one cluster, split the
 * partitions between them; the JSON API of either gives the same totals, the whole monitor's, each
 * asking the other for what it holds.
 */
@ExtendWith(KafkaStackExtension.class)
class MonitorInstancesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CAP = "unscr-2397-refined-petroleum-cap";

  @TempDir Path dir;

  @Test
  void shouldSplitThePartitionsAndGiveTheSameTotalsOnEitherInstance(KafkaStack stack)
      throws Exception {
    // given topics of four partitions, the default rules, and a settings file naming them
    Topics topics = stack.uniqueTopics(TopicLayout.defaults().withPartitions(4));
    String prefix = topics.alerts().substring(0, topics.alerts().length() - "alerts".length());
    String applicationId = stack.uniqueName("instances");
    Map<String, Object> client =
        Map.of(
            "bootstrap.servers",
            stack.bootstrapServers(),
            "schema.registry.url",
            stack.schemaRegistryUrl());
    RulePublisher.publish(client, topics.rules(), DefaultRules.load(null));

    // when two instances run and the seed scenario is replayed
    try (MonitorInstance a = start(stack, prefix, applicationId, "a");
        MonitorInstance b = start(stack, prefix, applicationId, "b")) {
      a.awaitRunning(Duration.ofSeconds(90));
      b.awaitRunning(Duration.ofSeconds(90));
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> activeInstances(a) == 2 && activeInstances(b) == 2);
      try (EventProducer producer =
              EventProducer.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
                  .topics(topics)
                  .build();
          InputStream seed = ScenarioReplayer.seed()) {
        ScenarioReplayer.replay(seed, producer);
        producer.flush();
      }
      try (Admin admin = Admin.create(client);
          GroupCommitProgress progress =
              GroupCommitProgress.ofMonitor(
                  admin,
                  client,
                  topics,
                  MonitorTopology.totalsSentWithin(MonitorConfig.defaults()))) {
        assertThat(progress.awaitDone(applicationId, Duration.ofMinutes(2), () -> true, System.err))
            .as("both instances processed the scenario")
            .isTrue();
      }

      // then each holds part of the input, and both answer with the same, whole totals
      JsonNode instances = api(a, "api/instances");
      assertThat(instances).hasSize(2);
      assertThat(instances).allSatisfy(i -> assertThat(i.get("partitions")).isNotEmpty());
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                assertThat(api(a, "api/caps")).isEqualTo(api(b, "api/caps")).isNotEmpty();
                assertThat(api(a, "api/caps/" + CAP)).isEqualTo(api(b, "api/caps/" + CAP));
                assertThat(api(a, "api/alerts?limit=1000"))
                    .isEqualTo(api(b, "api/alerts?limit=1000"));
                assertThat(api(a, "api/activity")).isEqualTo(api(b, "api/activity"));
                assertThat(api(a, "api/reporting-gaps"))
                    .isEqualTo(api(b, "api/reporting-gaps"))
                    .isNotEmpty();
                assertThat(DashboardIT.containerShipments(api(a, "api/activity")))
                    .as("container shipments per week on either instance: every one in the file")
                    .isEqualTo(SeedScenarioFigures.read().containerShipments());
              });
      JsonNode caps = api(b, "api/caps");
      JsonNode observed2024 = bar(caps, "2024-01-01", "OBSERVED");
      assertThat(observed2024.get("ratio").asDouble()).isGreaterThan(1.0);
      assertThat(reachedLevels(observed2024)).contains("BREACH");
      assertThat(api(a, "api/alerts?limit=0").get("total").asLong())
          .as("alerts on either instance: every alert written")
          .isEqualTo(CommittedRecords.count(stack.bootstrapServers(), topics.alerts()));
    }
  }

  private MonitorInstance start(KafkaStack stack, String prefix, String applicationId, String name)
      throws Exception {
    Path settings = dir.resolve(name + ".properties");
    Files.writeString(
        settings,
        String.join(
            "\n",
            "tm.topic.prefix=" + prefix,
            "tm.application.id=" + applicationId,
            "tm.state.dir=" + dir.resolve(name + "-state"),
            ""));
    return MonitorInstance.start(
        dir,
        name,
        List.of(
            "--config",
            settings.toString(),
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl(),
            "--dashboard-port",
            "0",
            "--metrics-port",
            "-1"));
  }

  private static long activeInstances(MonitorInstance instance) throws Exception {
    JsonNode instances = api(instance, "api/instances");
    long active = 0;
    for (JsonNode i : instances) {
      if (!i.get("partitions").isEmpty()) {
        active++;
      }
    }
    return active;
  }

  private static JsonNode api(MonitorInstance instance, String path) throws Exception {
    return JSON.readTree(SeedScenarioMonitor.get(instance.dashboardUrl() + path));
  }

  private static JsonNode bar(JsonNode caps, String periodStart, String basis) {
    for (JsonNode cap : caps) {
      if (cap.get("ruleId").asText().equals(CAP)
          && cap.get("periodStart").asText().equals(periodStart)
          && cap.get("basis").asText().equals(basis)) {
        return cap;
      }
    }
    throw new AssertionError("no bar " + periodStart + " " + basis + " in " + caps);
  }

  private static List<String> reachedLevels(JsonNode bar) {
    return StreamSupport.stream(bar.get("levels").spliterator(), false)
        .filter(l -> l.get("reached").asBoolean())
        .map(l -> l.get("label").asText())
        .toList();
  }
}
