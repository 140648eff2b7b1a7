package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor on a real broker and registry, exactly-once on: events in, alerts out, each once
 * across re-sends and a restart on an empty state directory, a delivery seen by two sources counted
 * once before and after it. One monitor for the class, fed once before the tests, which read what
 * it did in order: the restart comes last.
 */
@ExtendWith(KafkaStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitorApplicationIT {

  private static final String VESSEL = "9000001";
  private static final String GAP = "reporting-gap-refined-petroleum/";

  /** Four cap levels, one banned shipment, the gaps of 2024 and 2023 (all states and RUS). */
  private static final int ALERTS = 11;

  private static final Instant START_OF_2023 = Instant.parse("2023-01-01T00:00:00Z");

  @TempDir static Path stateDir;

  private KafkaStack stack;
  private Topics topics;
  private MonitorConfig config;
  private SchemaRegistryClient registry;
  private Properties props;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private MonitorApplication monitor;
  private KafkaProducer<String, byte[]> producer;
  private KafkaConsumer<String, Alert> alerts;
  private KafkaConsumer<String, RejectedEvent> rejected;
  private final List<Alert> seen = new ArrayList<>();
  private List<SpecificRecord> events;

  @BeforeAll
  void startTheMonitorAndSendEverythingTwice(KafkaStack stack) {
    // given: fresh topics, the default rules and a broken rule record, a running monitor
    this.stack = stack;
    topics = stack.uniqueTopics();
    config =
        MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName("monitor")).build();
    registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
    producer = producer(stack);
    AvroSerializer<Rule> rules = new AvroSerializer<>(registry, true, false);
    for (Rule rule : Events.defaultRules()) {
      producer.send(
          new ProducerRecord<>(
              topics.rules(), rule.getRuleId(), rules.serialize(topics.rules(), rule)));
    }
    // a bad rule record must not stop the monitor
    producer.send(
        new ProducerRecord<>(
            topics.rules(), "broken", "not a rule".getBytes(StandardCharsets.UTF_8)));
    producer.flush();
    props = StackProperties.of(stack, stateDir);
    monitor = MonitorApplication.start(props, config, meters);
    alerts = consumer(stack, registry, Alert.class);
    rejected = consumer(stack, registry, RejectedEvent.class);
    monitor.awaitRunning(Duration.ofSeconds(90));
    alerts.subscribe(List.of(topics.alerts()));
    rejected.subscribe(List.of(topics.rejected()));
    events =
        List.of(
            Events.refined("d1", "2024-03-01T00:00:00Z", 375_000),
            Events.refined("d2", "2024-04-01T00:00:00Z", 75_000),
            Events.refined("d3", "2024-05-01T00:00:00Z", 25_000),
            Events.refined("d4", "2024-06-01T00:00:00Z", 25_000),
            Events.containers("rajin", "2023-10-01T00:00:00Z", CargoCategory.MUNITIONS, 1_000),
            // one delivery of 2023 seen by two sources
            Events.sighting("v1", "2023-05-01T00:00:00Z", 100_000, VESSEL, "Nampo", "imagery"),
            Events.sighting("v2", "2023-05-01T12:00:00Z", 120_000, VESSEL, "Nampo", "AIS"));

    // when: the events, a garbage record and a negative quantity, then every event again
    events.forEach(e -> send(e));
    producer.send(
        new ProducerRecord<>(
            topics.eventTopic(EventKind.TANKER_DELIVERY),
            "junk",
            "garbage".getBytes(StandardCharsets.UTF_8)));
    send(Events.refined("neg", "2024-07-01T00:00:00Z", -1));
    events.forEach(e -> send(e));
    producer.flush();
  }

  @AfterAll
  void stop() {
    for (AutoCloseable open : List.of(rejected, alerts, producer, monitor)) {
      try {
        open.close();
      } catch (Exception e) {
        // closing the others matters more
      }
    }
  }

  @Test
  @Order(1)
  void raisesEachCapLevelTheBanAndTheReportingGapsOnce() {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
              assertThat(seen).hasSize(ALERTS);
            });
    String cap = Events.REFINED_CAP + "/2024-01-01/OBSERVED/";
    assertThat(seen)
        .extracting(Alert::getAlertId)
        .containsExactlyInAnyOrder(
            cap + "NOTICE_75",
            cap + "NOTICE_90",
            cap + "CEASE_SUPPLY_95",
            cap + "BREACH",
            "unscr-1718-arms-embargo/rajin",
            GAP + "2024-01-01/ALL/REPORTING_GAP",
            GAP + "2024-01-01/RUS/REPORTING_GAP",
            GAP + "2024-01-01/ALL/UNREPORTED_BREACH",
            GAP + "2024-01-01/RUS/UNREPORTED_BREACH",
            GAP + "2023-01-01/ALL/REPORTING_GAP",
            GAP + "2023-01-01/RUS/REPORTING_GAP");
    assertThat(seen.stream().filter(a -> a.getRuleId().equals(Events.REFINED_CAP)))
        .extracting(Alert::getLevel)
        .containsExactly("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
  }

  @Test
  @Order(2)
  void setsTheGarbageAndTheNegativeQuantityAsideWithTheirStage() {
    List<RejectedEvent> bad = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              rejected.poll(Duration.ofMillis(200)).forEach(r -> bad.add(r.value()));
              assertThat(bad).hasSize(2);
            });
    assertThat(bad)
        .extracting(RejectedEvent::getStage, RejectedEvent::getField)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(RejectionStage.DESERIALIZATION, null),
            org.assertj.core.groups.Tuple.tuple(RejectionStage.VALIDATION, "quantity"));
  }

  @Test
  @Order(3)
  void raisesNothingMoreForTheResentEventsAndCountsThemAsDuplicates() {
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
              assertThat(seen).hasSize(ALERTS);
            });
    assertThat(meters.get("tm.events.duplicate").counters())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.count()).isPositive());
  }

  @Test
  @Order(4)
  void restartedOnAnEmptyStateDirectoryGoesOnFromItsChangelogs() {
    // given: every alert of the first run read
    raisesEachCapLevelTheBanAndTheReportingGapsOnce();

    // when: the monitor restarts on an empty state directory (state restored from changelogs),
    // a re-send, a new delivery in the same year and a third, smaller sighting of the delivery
    // of 2023 arrive
    monitor.close();
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("after-restart").toString());
    monitor = MonitorApplication.start(props, config, meters);
    try (KafkaConsumer<String, CapUsage> usage = consumer(stack, registry, CapUsage.class)) {
      monitor.awaitRunning(Duration.ofSeconds(90));
      usage.subscribe(List.of(topics.capUsage()));
      send(events.get(0));
      send(Events.refined("d5", "2024-08-01T00:00:00Z", 10_000));
      send(events.get(6));
      send(Events.sighting("v3", "2023-05-02T00:00:00Z", 110_000, VESSEL, "Nampo", "think tank"));
      producer.flush();

      // then: the ledger goes on from 500,000, the delivery of 2023 still counts 120,000 once,
      // and no level is raised twice
      List<CapUsage> totals = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                usage.poll(Duration.ofMillis(200)).forEach(r -> totals.add(r.value()));
                assertThat(totals).extracting(CapUsage::getTotal).contains(510_000.0);
                assertThat(totals)
                    .filteredOn(u -> u.getPeriodStart().equals(START_OF_2023))
                    .filteredOn(u -> u.getEventCount() == 3)
                    .singleElement()
                    .satisfies(
                        u -> {
                          assertThat(u.getTotal()).isEqualTo(120_000.0);
                          assertThat(u.getDeliveryCount()).isEqualTo(1L);
                          assertThat(u.getCorroboratedDeliveryCount()).isEqualTo(1L);
                        });
              });
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                assertThat(seen).hasSize(ALERTS);
              });
    }
  }

  private void send(SpecificRecord event) {
    send(producer, registry, topics, event);
  }

  private static KafkaProducer<String, byte[]> producer(KafkaStack stack) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static <T extends SpecificRecord> KafkaConsumer<String, T> consumer(
      KafkaStack stack, SchemaRegistryClient registry, Class<T> type) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            stack.uniqueName("it-reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new AvroDeserializer<>(registry, type));
  }

  private static void send(
      KafkaProducer<String, byte[]> producer,
      SchemaRegistryClient registry,
      Topics topics,
      SpecificRecord event) {
    String topic = topics.eventTopic(EventTypes.kindOf(event));
    byte[] value =
        new AvroSerializer<SpecificRecord>(registry, true, false).serialize(topic, event);
    producer.send(new ProducerRecord<>(topic, EventTypes.headerOf(event).getEventId(), value));
  }
}
