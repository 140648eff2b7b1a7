package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.app.MonitorApplication;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.dedupe.SeenEvent;
import io.transfermonitor.streams.topology.TopologyNames;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.ProjectFiles;
import io.transfermonitor.testkit.TopicClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules recount} against a running monitor on the embedded broker: a cap removed and
 * published again counts, on request, the delivery of its gap, once, however often it is asked.
 */
@ExtendWith(KafkaStackExtension.class)
class RulesRecountCommandIT {

  private static final String CAP = "unscr-2397-refined-petroleum-cap";

  @TempDir Path dir;

  @Test
  void shouldCountTheGapsDeliveryOnceOnRequestAndRefuseAnUnknownRule(KafkaStack stack)
      throws Exception {
    // given: a running monitor with the shipped rules and 375,000 bbl counted by the cap
    Topics topics = stack.uniqueTopics();
    String prefix =
        topics.rules().substring(0, topics.rules().length() - "reference.rules".length());
    Path settings = dir.resolve("settings.properties");
    Files.writeString(settings, "tm.topic.prefix=" + prefix + "\n");
    MonitorConfig config =
        MonitorConfig.builder()
            .topics(topics)
            .applicationId(stack.uniqueName("recount-it"))
            .build();
    Properties props = new Properties();
    props.putAll(stack.clientProperties());
    props.put("state.dir", dir.resolve("state").toString());
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
    Path shipped = ProjectFiles.of("deploy", "config", "rules.yaml");

    try (MonitorApplication monitor =
            MonitorApplication.start(props, config, new SimpleMeterRegistry());
        KafkaConsumer<String, CapUsage> usage =
            TopicClients.readCommitted(
                stack.bootstrapServers(), stack.schemaRegistryUrl(), CapUsage.class)) {
      monitor.awaitRunning(Duration.ofSeconds(90));
      assertThat(rules(stack, settings, "apply", shipped.toString()).exit()).isZero();
      await().atMost(Duration.ofSeconds(30)).until(() -> live(monitor));
      usage.subscribe(List.of(topics.capUsage()));
      Map<String, Double> totals = new HashMap<>();
      deliver(stack, registry, topics, "before", 375_000);
      awaitTotal(usage, totals, 375_000);

      // and: the cap removed, a delivery read meanwhile, the cap published again, one more
      assertThat(rules(stack, settings, "remove", CAP).exit()).isZero();
      await().atMost(Duration.ofSeconds(30)).until(() -> !live(monitor));
      deliver(stack, registry, topics, "gap", 100_000);
      await().atMost(Duration.ofSeconds(60)).until(() -> kept(monitor, "gap"));
      assertThat(rules(stack, settings, "apply", shipped.toString()).exit()).isZero();
      await().atMost(Duration.ofSeconds(30)).until(() -> live(monitor));
      deliver(stack, registry, topics, "after", 5_000);
      awaitTotal(usage, totals, 380_000);

      // when: the recount is requested
      CliRun recount = rules(stack, settings, "recount", CAP);

      // then: the task says what it counted, and the ledger takes the gap's delivery
      assertThat(recount.exit()).as(recount.err()).isZero();
      assertThat(recount.out())
          .contains("count against " + CAP + " (CAP, limit 500,000 BARREL")
          .contains("covered: the events each task read, and the OBSERVED tanker deliveries")
          .contains(": 1 event counted, 100,000 BARREL in " + CAP + "/")
          .contains("1 event counted against " + CAP + " (100,000 BARREL) by 1 of 1 task(s)");
      awaitTotal(usage, totals, 480_000);

      // when: asked again
      CliRun again = rules(stack, settings, "recount", CAP);

      // then: nothing counted twice
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.out()).contains("0 events counted against " + CAP + " (0 BARREL) by 1 of 1");
      deliver(stack, registry, topics, "last", 1_000);
      awaitTotal(usage, totals, 481_000);

      // and: an unknown rule is refused, nothing requested
      CliRun unknown = rules(stack, settings, "recount", "no-such-rule");
      assertThat(unknown.exit()).isNotZero();
      assertThat(unknown.err())
          .contains("no rule no-such-rule on " + topics.rules())
          .contains("nothing requested");

      // when: the monitor restarts on an empty state directory (its stores from the changelogs)
      monitor.close();
      props.put("state.dir", dir.resolve("state-2").toString());
      try (MonitorApplication restarted =
          MonitorApplication.start(props, config, new SimpleMeterRegistry())) {
        restarted.awaitRunning(Duration.ofSeconds(90));
        deliver(stack, registry, topics, "restarted", 2_000);

        // then: the requests on the topic are not carried out again, the new delivery counts
        awaitTotal(usage, totals, 483_000);
        await()
            .during(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () -> {
                  usage
                      .poll(Duration.ofMillis(300))
                      .forEach(r -> totals.put(r.value().getRuleId(), r.value().getTotal()));
                  assertThat(totals).containsEntry(CAP, 483_000.0);
                });
      }
    }
  }

  @Test
  void shouldCountAnObservedDeliveryCorroboratedWhileTheCapWasGoneOnce(KafkaStack stack)
      throws Exception {
    // given: a running monitor with the shipped rules, 375,000 bbl counted by the cap, and a
    // vessel seen at Nampo by imagery (50,000 bbl), counted
    Topics topics = stack.uniqueTopics();
    String prefix =
        topics.rules().substring(0, topics.rules().length() - "reference.rules".length());
    Path settings = dir.resolve("settings.properties");
    Files.writeString(settings, "tm.topic.prefix=" + prefix + "\n");
    MonitorConfig config =
        MonitorConfig.builder()
            .topics(topics)
            .applicationId(stack.uniqueName("recount-observed-it"))
            .build();
    Properties props = new Properties();
    props.putAll(stack.clientProperties());
    props.put("state.dir", dir.resolve("state").toString());
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
    Path shipped = ProjectFiles.of("deploy", "config", "rules.yaml");

    try (MonitorApplication monitor =
            MonitorApplication.start(props, config, new SimpleMeterRegistry());
        KafkaConsumer<String, CapUsage> usage =
            TopicClients.readCommitted(
                stack.bootstrapServers(), stack.schemaRegistryUrl(), CapUsage.class)) {
      monitor.awaitRunning(Duration.ofSeconds(90));
      assertThat(rules(stack, settings, "apply", shipped.toString()).exit()).isZero();
      await().atMost(Duration.ofSeconds(30)).until(() -> live(monitor));
      usage.subscribe(List.of(topics.capUsage()));
      Map<String, Double> totals = new HashMap<>();
      deliver(stack, registry, topics, "before", 375_000);
      awaitTotal(usage, totals, 375_000);
      observe(stack, registry, topics, "seen", "2024-05-01T00:00:00Z", 50_000, "imagery");
      awaitTotal(usage, totals, 425_000);

      // and: the cap removed, the same delivery seen larger by AIS 12 hours later and
      // corroborated on its vessel's task meanwhile, the cap published again, one more delivery
      assertThat(rules(stack, settings, "remove", CAP).exit()).isZero();
      await().atMost(Duration.ofSeconds(30)).until(() -> !live(monitor));
      observe(stack, registry, topics, "seen-larger", "2024-05-01T12:00:00Z", 70_000, "AIS");
      await().atMost(Duration.ofSeconds(60)).until(() -> corroborated(monitor, "seen-larger"));
      assertThat(rules(stack, settings, "apply", shipped.toString()).exit()).isZero();
      await().atMost(Duration.ofSeconds(30)).until(() -> live(monitor));
      deliver(stack, registry, topics, "after", 5_000);
      awaitTotal(usage, totals, 430_000);

      // when: the recount is requested
      CliRun recount = rules(stack, settings, "recount", CAP);

      // then: the delivery's vessel's task counts what the larger sighting added, once
      assertThat(recount.exit()).as(recount.err()).isZero();
      assertThat(recount.out())
          .contains(
              ", observed tanker deliveries with an IMO number: 1 observation counted, 20,000"
                  + " BARREL in "
                  + CAP
                  + "/")
          .contains(
              "1 event counted against "
                  + CAP
                  + " (20,000 BARREL) by 1 of 1 task(s), 1 of them observed tanker deliveries");
      awaitTotal(usage, totals, 450_000);

      // when: asked again
      CliRun again = rules(stack, settings, "recount", CAP);

      // then: nothing counted twice
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.out()).contains("0 events counted against " + CAP + " (0 BARREL) by 1 of 1");
      deliver(stack, registry, topics, "last", 1_000);
      awaitTotal(usage, totals, 451_000);

      // and: an unknown rule is refused, nothing requested
      CliRun unknown = rules(stack, settings, "recount", "no-such-rule");
      assertThat(unknown.exit()).isNotZero();
      assertThat(unknown.err()).contains("no rule no-such-rule on " + topics.rules());

      // when: the monitor restarts on an empty state directory, and a third, smaller sighting of
      // the delivery and one more delivery come
      monitor.close();
      props.put("state.dir", dir.resolve("state-2").toString());
      try (MonitorApplication restarted =
          MonitorApplication.start(props, config, new SimpleMeterRegistry())) {
        restarted.awaitRunning(Duration.ofSeconds(90));
        observe(stack, registry, topics, "seen-smaller", "2024-05-02T00:00:00Z", 60_000, "think");
        deliver(stack, registry, topics, "restarted", 2_000);

        // then: no request is carried out again, the smaller sighting adds nothing
        awaitTotal(usage, totals, 453_000);
        await()
            .during(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () -> {
                  usage
                      .poll(Duration.ofMillis(300))
                      .forEach(r -> totals.put(r.value().getRuleId(), r.value().getTotal()));
                  assertThat(totals).containsEntry(CAP, 453_000.0);
                });
      }
    }
  }

  private static void awaitTotal(
      KafkaConsumer<String, CapUsage> usage, Map<String, Double> totals, double expected) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              usage
                  .poll(Duration.ofMillis(300))
                  .forEach(r -> totals.put(r.value().getRuleId(), r.value().getTotal()));
              assertThat(totals).containsEntry(CAP, expected);
            });
  }

  /** {@code transfer-monitor rules ARGS} against the stack, with the CLI's own error handling. */
  private static CliRun rules(KafkaStack stack, Path settings, String... args) {
    List<String> all = new ArrayList<>(List.of("rules"));
    all.addAll(List.of(args));
    all.addAll(
        List.of(
            "--config",
            settings.toString(),
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl()));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** Whether the monitor holds the cap live. */
  private static boolean live(MonitorApplication monitor) {
    ReadOnlyKeyValueStore<String, Rule> rules =
        monitor
            .streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    TopologyNames.RULES_STORE, QueryableStoreTypes.<String, Rule>keyValueStore()));
    return rules.get(CAP) != null;
  }

  /** Whether the monitor has read event {@code id} (it is in its events store). */
  private static boolean kept(MonitorApplication monitor, String id) {
    ReadOnlyWindowStore<String, SeenEvent> events =
        monitor
            .streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    TopologyNames.EVENTS_STORE,
                    QueryableStoreTypes.<String, SeenEvent>windowStore()));
    Instant now = Instant.now();
    try (WindowStoreIterator<SeenEvent> found =
        events.fetch(id, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))) {
      return found.hasNext();
    }
  }

  /** Whether vessel-observations, on the vessels' tasks, holds observation {@code id}. */
  private static boolean corroborated(MonitorApplication monitor, String id) {
    ReadOnlyKeyValueStore<String, Object> vessels =
        monitor
            .streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    TopologyNames.VESSEL_OBSERVATIONS_STORE,
                    QueryableStoreTypes.<String, Object>keyValueStore()));
    try (KeyValueIterator<String, Object> all = vessels.all()) {
      while (all.hasNext()) {
        if (all.next().key.endsWith("/" + id)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void deliver(
      KafkaStack stack, SchemaRegistryClient registry, Topics topics, String id, double barrels) {
    send(stack, registry, topics, delivery(id, "2024-05-01T00:00:00Z", barrels, "recount IT"));
  }

  /** A sighting of vessel 9000001 at Nampo: an OBSERVED delivery its vessel's task corroborates. */
  private static void observe(
      KafkaStack stack,
      SchemaRegistryClient registry,
      Topics topics,
      String id,
      String time,
      double barrels,
      String source) {
    TankerDelivery sighting = delivery(id, time, barrels, source);
    sighting.setVesselImo("9000001");
    sighting.setDischargePort("Nampo");
    send(stack, registry, topics, sighting);
  }

  private static TankerDelivery delivery(String id, String time, double barrels, String source) {
    return TankerDelivery.newBuilder()
        .setHeader(
            EventHeader.newBuilder()
                .setEventId(id)
                .setSourceName(source)
                .setSourceKind(SourceKind.OBSERVED)
                .setEventTime(Instant.parse(time))
                .setOrigin("RUS")
                .setDestination("PRK")
                .build())
        .setProductClass(ProductClass.REFINED)
        .setProduct("DIESEL")
        .setQuantity(barrels)
        .setUnit("BARREL")
        .build();
  }

  private static void send(
      KafkaStack stack, SchemaRegistryClient registry, Topics topics, TankerDelivery delivery) {
    String id = delivery.getHeader().getEventId();
    String topic = topics.eventTopic(EventKind.TANKER_DELIVERY);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(
              topic,
              id,
              new AvroSerializer<TankerDelivery>(registry, true, false)
                  .serialize(topic, delivery)));
    }
  }
}
