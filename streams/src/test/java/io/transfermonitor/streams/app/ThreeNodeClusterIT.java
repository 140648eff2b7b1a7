package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.embedded.ClusterLayout;
import io.transfermonitor.embedded.ClusterProcesses;
import io.transfermonitor.embedded.DevSchemaRegistry;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.TopicProvisioner;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.ObservedBreaches;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.testkit.TopicClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor on three Kafka nodes, each a process of its own, with three replicas and {@code
 * min.insync.replicas=2}: one node is killed (SIGKILL) mid-stream, the rest of the input is written
 * to the two left, and the totals and alerts are still exactly what the input calls for (computed
 * here by hand). Bringing a node back is the soak's part ({@code transfer-monitor soak}).
 */
class ThreeNodeClusterIT {

  private static final int YEARS = 4;
  private static final int PER_YEAR = 30;
  private static final double BARRELS = 20_000; // 30 x 20,000 = 600,000: every level each year

  @TempDir Path dir;

  private String registryUrl;

  @Test
  void shouldCountExactlyWhenOneOfThreeBrokersIsKilledMidStream() throws Exception {
    // given: three nodes, a registry, the topics and rules, the monitor
    ClusterLayout layout =
        ClusterLayout.of(dir.resolve("cluster"), Uuid.randomUuid().toString(), 3, 0);
    String classpath = System.getProperty("java.class.path");
    try (ClusterProcesses cluster =
            ClusterProcesses.start(layout, classpath, dir.resolve("logs"), "384m");
        DevSchemaRegistry registry = DevSchemaRegistry.start(cluster.bootstrapServers(), 0)) {
      registryUrl = registry.url();
      Topics topics = Topics.withPrefix("three.");
      Map<String, Object> client = Map.of("bootstrap.servers", cluster.bootstrapServers());
      try (Admin admin = Admin.create(client)) {
        TopicProvisioner.createAll(admin, topics, TopicLayout.defaults().withPartitions(3));
      }
      SchemaRegistryClient schemas = SchemaRegistryClients.forUrl(registry.url());
      List<SpecificRecord> input = input();
      try (KafkaProducer<String, byte[]> producer = producer(cluster)) {
        for (Rule rule : Events.defaultRules()) {
          send(producer, schemas, topics.rules(), rule.getRuleId(), rule);
        }
        producer.flush();
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put("schema.registry.url", registry.url());
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        MonitorConfig config =
            MonitorConfig.builder().topics(topics).applicationId("three-node").build();
        try (MonitorApplication monitor = MonitorApplication.start(props, config)) {
          monitor.awaitRunning(Duration.ofSeconds(120));
          int half = input.size() / 2;

          // when: half the input, node 2 killed while it is processed, the rest on two nodes
          input.subList(0, half).forEach(e -> sendEvent(producer, schemas, topics, e));
          producer.flush();
          try (KafkaConsumer<String, Alert> first = consumer(cluster, schemas, Alert.class)) {
            first.subscribe(List.of(topics.alerts()));
            await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> !first.poll(Duration.ofMillis(100)).isEmpty());
          }
          cluster.kill(2);
          input.subList(half, input.size()).forEach(e -> sendEvent(producer, schemas, topics, e));
          input.subList(0, 20).forEach(e -> sendEvent(producer, schemas, topics, e));
          producer.flush();

          // then
          Map<String, Integer> seen = readAlerts(cluster, schemas, topics);
          assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expectedAlerts());
          assertThat(seen.values()).as("each alert once").containsOnly(1);
          assertThat(readTotals(cluster, schemas, topics)).isEqualTo(expectedTotals());
        }
      }
    }
  }

  private static List<SpecificRecord> input() {
    List<SpecificRecord> events = new ArrayList<>();
    for (int i = 0; i < PER_YEAR; i++) {
      for (int y = 0; y < YEARS; y++) {
        String day = String.format("%02d", 1 + i % 28);
        events.add(
            Events.refined("d-" + y + "-" + i, (2011 + y) + "-03-" + day + "T00:00:00Z", BARRELS));
      }
      if (i % 3 == 0) {
        events.add(Events.containers("m-" + i, "2024-01-01T00:00:00Z", CargoCategory.MUNITIONS, 5));
      }
    }
    return events;
  }

  private static Set<String> expectedAlerts() {
    Set<String> ids = new TreeSet<>(ObservedBreaches.alertIds(2011, YEARS));
    for (int i = 0; i < PER_YEAR; i += 3) {
      ids.add("unscr-1718-arms-embargo" + "/m-" + i);
    }
    return ids;
  }

  private static Map<String, Double> expectedTotals() {
    return ObservedBreaches.totals(2011, YEARS, PER_YEAR * BARRELS);
  }

  private Map<String, Integer> readAlerts(
      ClusterProcesses cluster, SchemaRegistryClient schemas, Topics topics) {
    try (KafkaConsumer<String, Alert> alerts = consumer(cluster, schemas, Alert.class)) {
      return TopicClients.keyCounts(
          alerts, topics.alerts(), expectedAlerts().size(), Duration.ofSeconds(120));
    }
  }

  private Map<String, Double> readTotals(
      ClusterProcesses cluster, SchemaRegistryClient schemas, Topics topics) {
    try (KafkaConsumer<String, CapUsage> usage = consumer(cluster, schemas, CapUsage.class)) {
      Map<String, CapUsage> latest =
          TopicClients.latestByKey(
              usage,
              topics.capUsage(),
              seen -> totals(seen).equals(expectedTotals()),
              Duration.ofSeconds(60));
      return totals(latest);
    }
  }

  private static Map<String, Double> totals(Map<String, CapUsage> usage) {
    Map<String, Double> totals = new TreeMap<>();
    usage.forEach((key, u) -> totals.put(key, u.getTotal()));
    return totals;
  }

  private static KafkaProducer<String, byte[]> producer(ClusterProcesses cluster) {
    return TopicClients.rawProducer(
        cluster.bootstrapServers(), Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
  }

  private static void sendEvent(
      KafkaProducer<String, byte[]> producer,
      SchemaRegistryClient schemas,
      Topics topics,
      SpecificRecord event) {
    send(
        producer,
        schemas,
        topics.eventTopic(EventTypes.kindOf(event)),
        EventTypes.headerOf(event).getEventId(),
        event);
  }

  private static void send(
      KafkaProducer<String, byte[]> producer,
      SchemaRegistryClient schemas,
      String topic,
      String key,
      SpecificRecord value) {
    TopicClients.sendAvro(producer, schemas, topic, key, value);
  }

  private <T extends SpecificRecord> KafkaConsumer<String, T> consumer(
      ClusterProcesses cluster, SchemaRegistryClient schemas, Class<T> type) {
    return TopicClients.readCommitted(cluster.bootstrapServers(), registryUrl, type);
  }
}
