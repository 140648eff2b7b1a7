package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.Alert;
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
import io.transfermonitor.streams.topology.MonitorTopology;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import picocli.CommandLine;

/** {@code rules apply} against a running monitor: rules and a lowered limit take effect live. */
@ExtendWith(KafkaStackExtension.class)
class RulesApplyCommandIT {

  private static final String CAP = "unscr-2397-refined-petroleum-cap";

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
      assertThat(apply(stack, settings, Path.of("..", "config", "rules.yaml")))
          .contains("8 rules published to " + topics.rules());
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
          Files.readString(Path.of("..", "config", "rules.yaml"))
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

  /** The levels raised by the refined-petroleum cap, in order. */
  private static List<String> capLevels(List<Alert> alerts) {
    return alerts.stream()
        .filter(a -> a.getRuleId().equals("unscr-2397-refined-petroleum-cap"))
        .map(Alert::getLevel)
        .toList();
  }

  private static String apply(KafkaStack stack, Path settings, Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new RulesCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit =
        cli.execute(
            "apply",
            "--config",
            settings.toString(),
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl(),
            file.toString());
    assertThat(exit).as("rules apply failed: %s", err).isZero();
    return out.toString();
  }

  private static double limitInForce(MonitorApplication monitor) {
    ReadOnlyKeyValueStore<String, Rule> rules =
        monitor
            .streams()
            .store(
                StoreQueryParameters.fromNameAndType(
                    MonitorTopology.RULES_STORE,
                    QueryableStoreTypes.<String, Rule>keyValueStore()));
    Rule rule = rules.get(CAP);
    return rule == null || rule.getLimit() == null ? -1 : rule.getLimit();
  }

  private static void deliver(
      KafkaStack stack, SchemaRegistryClient registry, Topics topics, double barrels) {
    TankerDelivery delivery =
        TankerDelivery.newBuilder()
            .setHeader(
                EventHeader.newBuilder()
                    .setEventId("delivery-1")
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
              "delivery-1",
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
