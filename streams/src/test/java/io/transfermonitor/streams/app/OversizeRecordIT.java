package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.TopicClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records of about 1 MB on a real broker: the broker takes them (compressed), the monitor sets them
 * aside on the rejected topic, cut to fit with a pointer to the whole record, and counts every good
 * event after them instead of failing its stream thread on them again and again.
 */
@ExtendWith(KafkaStackExtension.class)
class OversizeRecordIT {

  @TempDir Path stateDir;

  @Test
  void shouldSetAsideMegabyteRecordsAndCountEveryGoodEventAfterThem(KafkaStack stack) {
    // given
    Topics topics = stack.uniqueTopics();
    MonitorConfig config =
        MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName("oversize")).build();
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
    String tankers = topics.eventTopic(EventKind.TANKER_DELIVERY);
    byte[] junk = new byte[1_100_000];
    Arrays.fill(junk, (byte) 'x');
    TankerDelivery hugeName = Events.refined("huge-name", "2024-02-01T00:00:00Z", 100_000);
    hugeName.setVesselName("V".repeat(1_500_000));

    try (KafkaProducer<String, byte[]> producer = producer(stack)) {
      for (Rule rule : Events.defaultRules()) {
        send(producer, registry, topics.rules(), rule.getRuleId(), rule);
      }
      producer.flush();
    }
    try (MonitorApplication monitor =
            MonitorApplication.start(StackProperties.of(stack, stateDir), config);
        KafkaProducer<String, byte[]> producer = producer(stack);
        KafkaConsumer<String, Alert> alerts = consumer(stack, registry, Alert.class);
        KafkaConsumer<String, RejectedEvent> rejected =
            consumer(stack, registry, RejectedEvent.class)) {
      monitor.awaitRunning(Duration.ofSeconds(90));

      // when: the junk, the huge event, then four deliveries to the breach
      producer.send(new ProducerRecord<>(tankers, "junk", junk));
      send(producer, registry, tankers, "huge-name", hugeName);
      for (int i = 1; i <= 4; i++) {
        String id = "after-" + i;
        send(
            producer,
            registry,
            tankers,
            id,
            Events.refined(id, "2024-03-0" + i + "T00:00:00Z", 125_000));
      }
      producer.flush();

      // then: every level of the cap, from the good events alone (nothing is REPORTED, so the
      // reporting gap raises its own alerts too, not counted here)
      alerts.subscribe(List.of(topics.alerts()));
      List<Alert> seen = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                for (ConsumerRecord<String, Alert> r : alerts.poll(Duration.ofMillis(200))) {
                  if (r.value().getRuleKind() == RuleKind.CAP) {
                    seen.add(r.value());
                  }
                }
                assertThat(seen)
                    .extracting(Alert::getLevel)
                    .containsExactly("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
              });
      assertThat(seen.get(3).getTotal()).isEqualTo(500_000.0);

      // and both big records on the rejected topic, cut, saying where the whole record is
      rejected.subscribe(List.of(topics.rejected()));
      List<RejectedEvent> bad = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                rejected.poll(Duration.ofMillis(200)).forEach(r -> bad.add(r.value()));
                assertThat(bad).hasSize(2);
              });
      assertThat(bad.get(0).getStage()).isEqualTo(RejectionStage.DESERIALIZATION);
      assertThat(bad.get(0).getRawValueSize()).isEqualTo(1_100_000L);
      assertThat(bad.get(0).getReason()).contains("the whole record is at " + tankers + "-");
      assertThat(bad.get(1).getStage()).isEqualTo(RejectionStage.VALIDATION);
      assertThat(bad.get(1).getField()).isEqualTo("vesselName");
      assertThat(bad.get(1).getEventId()).isEqualTo("huge-name");
      assertThat(bad.get(1).getRawValueSize()).isGreaterThan(1_500_000L);
      assertThat(monitor.meters().find("kafka.stream.failed.stream.threads").functionCounters())
          .allSatisfy(c -> assertThat(c.count()).isZero());
    }
  }

  /** A producer that can send what a careless one can: 2 MB records, compressed. */
  private static KafkaProducer<String, byte[]> producer(KafkaStack stack) {
    return TopicClients.rawProducer(
        stack.bootstrapServers(),
        Map.of(
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            2 * 1024 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4"));
  }

  private static void send(
      KafkaProducer<String, byte[]> producer,
      SchemaRegistryClient registry,
      String topic,
      String key,
      SpecificRecord value) {
    TopicClients.sendAvro(producer, registry, topic, key, value);
  }

  private static <T extends SpecificRecord> KafkaConsumer<String, T> consumer(
      KafkaStack stack, SchemaRegistryClient registry, Class<T> type) {
    return TopicClients.readCommitted(stack.bootstrapServers(), stack.schemaRegistryUrl(), type);
  }
}
