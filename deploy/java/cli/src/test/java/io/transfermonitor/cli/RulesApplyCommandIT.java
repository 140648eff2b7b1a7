package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.Alert;
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
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.app.MonitorApplication;
import io.transfermonitor.streams.config.MonitorConfig;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules apply} against a running monitor: rules and a lowered limit take effect live. */
@ExtendWith(KafkaStackExtension.class)
class RulesApplyCommandIT {

  private static final String CAP = "unscr-2397-refined-petroleum-cap";
  private static final String NEW = "unscr-2397-refined-petroleum";

  @TempDir Path dir;

  @Test
  void shouldApplyTheRulesFileLiveAndRaiseTheLevelsALoweredLimitCrosses(KafkaStack stack)
      throws Exception {
    // given: a running monitor without rules, and a settings file naming its topics
    Topics topics = stack.uniqueTopics();
    String prefix =
        topics.rules().substring(0, topics.rules().length() - "reference.rules".length());
    Path settings = dir.resolve("settings.properties");
    Files.writeString(settings, "tm.topic.prefix=" + prefix + "\n");
    MonitorConfig config =
        MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName("rules-it")).build();
    Properties props = new Properties();
    props.putAll(stack.clientProperties());
    props.put("state.dir", dir.resolve("state").toString());
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());

    try (MonitorApplication monitor =
            MonitorApplication.start(props, config, new SimpleMeterRegistry());
        KafkaConsumer<String, Alert> alerts = alertConsumer(stack, registry)) {
      monitor.awaitRunning(Duration.ofSeconds(90));
      alerts.subscribe(List.of(topics.alerts()));

      // when: the shipped rules are applied and 400,000 bbl are delivered
      assertThat(apply(stack, settings, ProjectFiles.of("deploy", "config", "rules.yaml")))
          .contains("11 rules published to " + topics.rules());
      await().atMost(Duration.ofSeconds(30)).until(() -> limitInForce(monitor) == 500_000.0);
      deliver(stack, registry, topics, 400_000);

      // then: the 75 % notice only
      List<Alert> seen = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                assertThat(capLevels(seen)).containsExactly("NOTICE_75");
              });

      // when: ops lower the limit to 400,000 bbl and apply the file again
      Path lowered = dir.resolve("rules.yaml");
      Files.writeString(
          lowered,
          Files.readString(ProjectFiles.of("deploy", "config", "rules.yaml"))
              .replace("limit: 500000", "limit: 400000"));
      apply(stack, settings, lowered);

      // then: the levels 400,000 of 400,000 crosses, at once and without another event
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                assertThat(capLevels(seen))
                    .containsExactly("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
                // nothing reported: the observed total now at the lowered cap is an unreported
                // breach for the reporting-gap rule too
                assertThat(seen)
                    .extracting(Alert::getAlertId)
                    .contains("reporting-gap-refined-petroleum/2024-01-01/ALL/UNREPORTED_BREACH");
              });
      assertThat(seen)
          .filteredOn(a -> a.getAlertId().endsWith("OBSERVED/BREACH"))
          .singleElement()
          .satisfies(a -> assertThat(a.getLimit()).isEqualTo(400_000.0));
    }
  }

  @Test
  void shouldNameARenamedRulesOldIdPruneItOnRequestAndCountEachDeliveryOnce(KafkaStack stack)
      throws Exception {
    // given: a running monitor with the shipped rules and 375,000 bbl counted by the cap
    Topics topics = stack.uniqueTopics();
    String prefix =
        topics.rules().substring(0, topics.rules().length() - "reference.rules".length());
    Path settings = dir.resolve("settings.properties");
    Files.writeString(settings, "tm.topic.prefix=" + prefix + "\n");
    MonitorConfig config =
        MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName("rules-it")).build();
    Properties props = new Properties();
    props.putAll(stack.clientProperties());
    props.put("state.dir", dir.resolve("state").toString());
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
    Path shipped = ProjectFiles.of("deploy", "config", "rules.yaml");
    Path renamed = dir.resolve("renamed.yaml");
    Files.writeString(
        renamed,
        Files.readString(shipped).replace("ruleId: " + CAP + "\n", "ruleId: " + NEW + "\n"));

    try (MonitorApplication monitor =
            MonitorApplication.start(props, config, new SimpleMeterRegistry());
        KafkaConsumer<String, CapUsage> usage =
            TopicClients.readCommitted(
                stack.bootstrapServers(), stack.schemaRegistryUrl(), CapUsage.class)) {
      monitor.awaitRunning(Duration.ofSeconds(90));
      apply(stack, settings, shipped);
      await().atMost(Duration.ofSeconds(30)).until(() -> limitInForce(monitor) == 500_000.0);
      deliver(stack, registry, topics, "delivery-1", 375_000);
      usage.subscribe(List.of(topics.capUsage()));
      Map<String, Double> totals = new HashMap<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                readTotals(usage, totals);
                assertThat(totals).containsEntry(CAP, 375_000.0);
              });

      // when: the file with the cap renamed is applied
      String renaming = apply(stack, settings, renamed);

      // then: the new id is added and the old one named as still live, not removed
      assertThat(renaming)
          .contains("added " + NEW + " (CAP, limit 500,000 BARREL")
          .contains("live but not in the file: " + CAP)
          .contains("--prune removes it")
          .contains("1 rule published to " + topics.rules() + " (1 added, 0 changed, 0 removed;");

      // when: applied again with --prune
      String pruning = apply(stack, settings, renamed, "--prune");

      // then: the old id is removed, nothing else is written again
      assertThat(pruning)
          .contains("removed " + CAP + " (CAP, limit 500,000 BARREL")
          .contains("1 rule published to " + topics.rules() + " (0 added, 0 changed, 1 removed;")
          .doesNotContain("live but not in the file");
      await().atMost(Duration.ofSeconds(30)).until(() -> limitInForce(monitor) == -1);
      assertThat(limitInForce(monitor, NEW)).isEqualTo(500_000.0);

      // when: another 50,000 bbl are delivered
      deliver(stack, registry, topics, "delivery-2", 50_000);

      // then: counted once, by the new rule only; the old ledger stays at 375,000
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                readTotals(usage, totals);
                assertThat(totals).containsEntry(NEW, 50_000.0);
              });
      readTotals(usage, totals);
      assertThat(totals).containsEntry(CAP, 375_000.0);

      // and: an unknown rule id is refused with nothing written; a known one is removed
      CliRun unknown = rules(stack, settings, "remove", "no-such-rule");
      assertThat(unknown.exit()).isNotZero();
      assertThat(unknown.err())
          .contains("no rule no-such-rule on " + topics.rules())
          .contains("nothing written");
      CliRun removal = rules(stack, settings, "remove", "unscr-2397-crude-oil-cap");
      assertThat(removal.exit()).as(removal.err()).isZero();
      assertThat(removal.out())
          .contains("removed unscr-2397-crude-oil-cap (CAP")
          .contains("1 rule removed from " + topics.rules());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> limitInForce(monitor, "unscr-2397-crude-oil-cap") == -1);
      assertThat(apply(stack, settings, renamed, "--plan"))
          .contains("would add unscr-2397-crude-oil-cap")
          .contains("nothing published (--plan): 1 to add, 0 to change, 0 to remove, 10 unchanged");
    }
  }

  /** The latest total of each cap rule's ledgers read so far, by rule id (one period here). */
  private static void readTotals(
      KafkaConsumer<String, CapUsage> usage, Map<String, Double> totals) {
    usage
        .poll(Duration.ofMillis(500))
        .forEach(r -> totals.put(r.value().getRuleId(), r.value().getTotal()));
  }

  /** The levels raised by the refined-petroleum cap, in order. */
  private static List<String> capLevels(List<Alert> alerts) {
    return alerts.stream()
        .filter(a -> a.getRuleId().equals("unscr-2397-refined-petroleum-cap"))
        .map(Alert::getLevel)
        .toList();
  }

  private static String apply(KafkaStack stack, Path settings, Path file, String... options) {
    List<String> args = new ArrayList<>(List.of("apply", file.toString()));
    args.addAll(List.of(options));
    CliRun run = rules(stack, settings, args.toArray(String[]::new));
    assertThat(run.exit()).as("rules apply failed: %s", run.err()).isZero();
    return run.out();
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

  private static double limitInForce(MonitorApplication monitor) {
    return limitInForce(monitor, CAP);
  }

  private static double limitInForce(MonitorApplication monitor, String ruleId) {
    ReadOnlyKeyValueStore<String, Rule> rules =
        monitor
            .streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    TopologyNames.RULES_STORE, QueryableStoreTypes.<String, Rule>keyValueStore()));
    Rule rule = rules.get(ruleId);
    return rule == null || rule.getLimit() == null ? -1 : rule.getLimit();
  }

  private static void deliver(
      KafkaStack stack, SchemaRegistryClient registry, Topics topics, double barrels) {
    deliver(stack, registry, topics, "delivery-1", barrels);
  }

  private static void deliver(
      KafkaStack stack, SchemaRegistryClient registry, Topics topics, String id, double barrels) {
    TankerDelivery delivery =
        TankerDelivery.newBuilder()
            .setHeader(
                EventHeader.newBuilder()
                    .setEventId(id)
                    .setSourceName("rules IT")
                    .setSourceKind(SourceKind.OBSERVED)
                    .setEventTime(Instant.parse("2024-05-01T00:00:00Z"))
                    .setOrigin("RUS")
                    .setDestination("PRK")
                    .build())
            .setProductClass(ProductClass.REFINED)
            .setProduct("DIESEL")
            .setQuantity(barrels)
            .setUnit("BARREL")
            .build();
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

  private static KafkaConsumer<String, Alert> alertConsumer(
      KafkaStack stack, SchemaRegistryClient registry) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            stack.uniqueName("rules-it-reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new AvroDeserializer<>(registry, Alert.class));
  }
}
