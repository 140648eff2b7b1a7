package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.ObservedBreaches;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.TopicClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar's {@code run} as its own process, killed with SIGKILL mid-stream and started
 * again on its state directory: every ledger total exact, every alert once, compared with what the
 * input says (computed here by hand, not by the monitor's classes).
 */
@ExtendWith(KafkaStackExtension.class)
class MonitorProcessKillIT {

  private static final Path JAR = Path.of("target", "transfer-monitor.jar");
  private static final String BAN = "unscr-1718-arms-embargo";
  private static final int YEARS = 6;
  private static final int DELIVERIES_PER_YEAR = 40;
  private static final double BARRELS = 15_000; // 40 x 15,000 = 600,000: every level, each year

  @TempDir Path dir;

  @Test
  void shouldCountExactlyAcrossAKillMinusNineAndARestartOnItsStateDirectory(KafkaStack stack)
      throws Exception {
    // given: topics, the default rules, a monitor process with static membership
    Topics topics =
        stack.uniqueTopics(
            TopicLayout.defaults().withPartitions(3).withReplicationFactor((short) 1));
    String appId = stack.uniqueName("killed");
    Map<String, Object> client = stack.clientProperties();
    RulePublisher.publish(client, topics.rules(), DefaultRules.load(null));
    List<SpecificRecord> input = input();
    Path state = dir.resolve("state");

    try (EventProducer producer =
        EventProducer.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
            .topics(topics)
            .build()) {
      MonitorProcess first = MonitorProcess.start(stack, topics, appId, state);
      first.awaitRunning(Duration.ofSeconds(90));
      int half = input.size() / 2;

      // when: half the input, SIGKILL while it is being processed, the rest while it is down
      input.subList(0, half).forEach(producer::send);
      producer.flush();
      try (KafkaConsumer<String, Alert> alerts = consumer(stack, Alert.class)) {
        alerts.subscribe(List.of(topics.alerts()));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> !alerts.poll(Duration.ofMillis(100)).isEmpty());
      }
      first.kill();
      input.subList(half, input.size()).forEach(producer::send);
      input.subList(0, 30).forEach(producer::send); // re-sends
      producer.flush();
      long restart = System.nanoTime();
      MonitorProcess second = MonitorProcess.start(stack, topics, appId, state);
      try {
        second.awaitRunning(Duration.ofSeconds(120));
        double recovered = (System.nanoTime() - restart) / 1e9;

        // then: the alerts and totals the input calls for, each alert once
        Map<String, Integer> seen = readAlerts(stack, topics, expectedAlerts().size());
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expectedAlerts());
        assertThat(seen.values()).as("each alert once").containsOnly(1);
        assertThat(readTotals(stack, topics)).isEqualTo(expectedTotals());
        System.out.printf("monitor running again %.1f s after the restart%n", recovered);
      } finally {
        second.stop();
      }
    }
  }

  /** Deliveries over six years and munitions shipments, interleaved. */
  private static List<SpecificRecord> input() {
    List<SpecificRecord> events = new ArrayList<>();
    for (int i = 0; i < DELIVERIES_PER_YEAR; i++) {
      for (int y = 0; y < YEARS; y++) {
        events.add(delivery("d-" + y + "-" + i, 2001 + y, i));
      }
      if (i % 4 == 0) {
        events.add(munitions("m-" + i));
      }
    }
    return events;
  }

  private static Set<String> expectedAlerts() {
    Set<String> ids = new TreeSet<>(ObservedBreaches.alertIds(2001, YEARS));
    for (int i = 0; i < DELIVERIES_PER_YEAR; i += 4) {
      ids.add(BAN + "/m-" + i);
    }
    return ids;
  }

  private static Map<String, Double> expectedTotals() {
    return ObservedBreaches.totals(2001, YEARS, DELIVERIES_PER_YEAR * BARRELS);
  }

  private static Map<String, Integer> readAlerts(KafkaStack stack, Topics topics, int expected) {
    try (KafkaConsumer<String, Alert> alerts = consumer(stack, Alert.class)) {
      return TopicClients.keyCounts(alerts, topics.alerts(), expected, Duration.ofSeconds(120));
    }
  }

  private static Map<String, Double> readTotals(KafkaStack stack, Topics topics) {
    try (KafkaConsumer<String, CapUsage> usage = consumer(stack, CapUsage.class)) {
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

  private static <T extends SpecificRecord> KafkaConsumer<String, T> consumer(
      KafkaStack stack, Class<T> type) {
    return TopicClients.readCommitted(stack.bootstrapServers(), stack.schemaRegistryUrl(), type);
  }

  private static SpecificRecord delivery(String id, int year, int i) {
    return TankerDelivery.newBuilder()
        .setHeader(
            header(
                id, "RUS", "PRK", Instant.parse(year + "-02-01T00:00:00Z").plusSeconds(3600L * i)))
        .setVesselName("Tanker " + i)
        .setVesselFlag("SLE")
        .setProductClass(ProductClass.REFINED)
        .setProduct("DIESEL")
        .setQuantity(BARRELS)
        .setUnit("BARREL")
        .build();
  }

  private static SpecificRecord munitions(String id) {
    return ContainerShipment.newBuilder()
        .setHeader(header(id, "PRK", "RUS", Instant.parse("2024-02-01T00:00:00Z")))
        .setContainers(10)
        .setCargoCategory(CargoCategory.MUNITIONS)
        .setTransportMode(TransportMode.SEA)
        .build();
  }

  private static EventHeader header(String id, String from, String to, Instant time) {
    return EventHeader.newBuilder()
        .setEventId(id)
        .setSourceName("kill test")
        .setSourceKind(SourceKind.OBSERVED)
        .setEventTime(time)
        .setOrigin(from)
        .setDestination(to)
        .build();
  }

  /** {@code java -jar transfer-monitor.jar run} against the test stack, its output collected. */
  private record MonitorProcess(Process process, List<String> lines) {

    static MonitorProcess start(KafkaStack stack, Topics topics, String appId, Path state)
        throws IOException {
      String prefix = topics.alerts().substring(0, topics.alerts().length() - "alerts".length());
      ProcessBuilder builder =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx512m",
                  "-jar",
                  JAR.toString(),
                  "run",
                  "-b",
                  stack.bootstrapServers(),
                  "--schema-registry-url",
                  stack.schemaRegistryUrl(),
                  "--metrics-port",
                  "-1",
                  "--dashboard-port",
                  "-1")
              .redirectErrorStream(true);
      builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("TM_"));
      builder.environment().put("TM_TOPIC_PREFIX", prefix);
      builder.environment().put("TM_APPLICATION_ID", appId);
      builder.environment().put("TM_STATE_DIR", state.toString());
      builder.environment().put("TM_INSTANCE_ID", "kill-test-1");
      Process process = builder.start();
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  lines.add("(output closed: " + e + ")");
                }
              });
      reader.setDaemon(true);
      reader.start();
      return new MonitorProcess(process, lines);
    }

    void awaitRunning(Duration timeout) {
      await()
          .atMost(timeout)
          .untilAsserted(
              () -> {
                assertThat(process.isAlive()).as(String.join("\n", lines)).isTrue();
                assertThat(lines)
                    .as("monitor output")
                    .anyMatch(l -> l.contains(" running against "));
              });
    }

    /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }
}
