package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.TopicClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are small on the wire but would make a record the monitor writes larger than Kafka's
 * 1 MiB limit (issue 22, stall paths 1 and 2): the monitor sets them aside on the rejected topic or
 * leaves the oversize part behind, counts every good event after them, and replaces no stream
 * thread.
 */
@ExtendWith(KafkaStackExtension.class)
class OversizeOutputIT {

  private static final int REFERENCES = 400_000;
  private static final int HEADER_BYTES = 1_100_000;

  @TempDir Path stateDir;

  @Test
  void shouldSetAsideAnEventWithFourHundredThousandReferencesAndCountTheNextOnes(KafkaStack stack) {
    // given: a valid delivery but for its 400,000 empty references (400 KB of Avro, no text)
    Monitored run = new Monitored(stack, "references");
    TankerDelivery flood = Events.refined("flood", "2024-02-01T00:00:00Z", 100_000);
    flood.getHeader().setReferences(Collections.nCopies(REFERENCES, ""));

    try (MonitorApplication monitor = run.start(stateDir);
        KafkaProducer<String, byte[]> producer = producer(stack)) {
      // when: the flood, then four deliveries to the breach
      run.send(producer, run.tankers, "flood", flood, new RecordHeaders());
      run.sendBreach(producer, new RecordHeaders());

      // then: every level of the cap from the good events alone, the flood set aside naming the
      // field, and no stream thread replaced
      run.assertBreachFromGoodEventsAlone(stack);
      List<RejectedEvent> bad = run.rejected(stack, 1);
      assertThat(bad.get(0).getStage()).isEqualTo(RejectionStage.VALIDATION);
      assertThat(bad.get(0).getEventId()).isEqualTo("flood");
      assertThat(bad.get(0).getField()).isEqualTo("header.references");
      assertThat(bad.get(0).getReason()).contains("400000 items").contains("header.references");
      assertNoThreadFailed(monitor);
    }
  }

  @Test
  void shouldLeaveMegabyteHeadersBehindAndCountTheEventsTheyCameWith(KafkaStack stack) {
    // given: a good event, a bad one and an operator action, each with a 1.1 MB record header
    Monitored run = new Monitored(stack, "headers");
    RecordHeaders big = new RecordHeaders();
    big.add("x-trace", new byte[HEADER_BYTES]);
    TankerDelivery negative = Events.refined("negative", "2024-02-02T00:00:00Z", -5);
    CaseAction action =
        CaseAction.newBuilder()
            .setActionId("ack-1")
            .setCaseId("no-such-case")
            .setAction(CaseActionKind.ACKNOWLEDGE)
            .setBy("it")
            .setReason("looked at it")
            .setRequestedAt(Instant.now())
            .build();

    try (MonitorApplication monitor = run.start(stateDir);
        KafkaProducer<String, byte[]> producer = producer(stack)) {
      // when: the bad event and the action with the big header, then the four deliveries to the
      // breach, the first of them with the big header too
      run.send(producer, run.tankers, "negative", negative, big);
      run.send(producer, run.topics.caseActions(), "no-such-case", action, big);
      run.sendBreach(producer, big);

      // then: the breach, counted from all four deliveries; the bad event and the refused action
      // on the rejected topic, without the header; no stream thread replaced
      run.assertBreachFromGoodEventsAlone(stack);
      List<RejectedEvent> bad = run.rejected(stack, 2);
      assertThat(bad)
          .extracting(RejectedEvent::getStage)
          .containsExactlyInAnyOrder(RejectionStage.VALIDATION, RejectionStage.CASE_ACTION);
      assertThat(bad)
          .filteredOn(r -> r.getStage() == RejectionStage.VALIDATION)
          .singleElement()
          .satisfies(r -> assertThat(r.getField()).isEqualTo("quantity"));
      assertNoThreadFailed(monitor);
    }
  }

  private static void assertNoThreadFailed(MonitorApplication monitor) {
    assertThat(monitor.meters().find("kafka.stream.failed.stream.threads").functionCounters())
        .allSatisfy(c -> assertThat(c.count()).isZero());
  }

  /** One monitor on topics of its own, with the default rules published. */
  private static final class Monitored {
    final KafkaStack stack;
    final Topics topics;
    final MonitorConfig config;
    final SchemaRegistryClient registry;
    final String tankers;

    Monitored(KafkaStack stack, String name) {
      this.stack = stack;
      this.topics = stack.uniqueTopics();
      this.config =
          MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName(name)).build();
      this.registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
      this.tankers = topics.eventTopic(EventKind.TANKER_DELIVERY);
    }

    MonitorApplication start(Path stateDir) {
      try (KafkaProducer<String, byte[]> producer = producer(stack)) {
        for (Rule rule : Events.defaultRules()) {
          send(producer, topics.rules(), rule.getRuleId(), rule, new RecordHeaders());
        }
        producer.flush();
      }
      MonitorApplication monitor =
          MonitorApplication.start(StackProperties.of(stack, stateDir), config);
      monitor.awaitRunning(Duration.ofSeconds(90));
      return monitor;
    }

    void sendBreach(KafkaProducer<String, byte[]> producer, RecordHeaders firstHeaders) {
      for (int i = 1; i <= 4; i++) {
        String id = "after-" + i;
        TankerDelivery delivery = Events.refined(id, "2024-03-0" + i + "T00:00:00Z", 125_000);
        send(producer, tankers, id, delivery, i == 1 ? firstHeaders : new RecordHeaders());
      }
      producer.flush();
    }

    void send(
        KafkaProducer<String, byte[]> producer,
        String topic,
        String key,
        SpecificRecord value,
        RecordHeaders headers) {
      byte[] bytes =
          new AvroSerializer<SpecificRecord>(registry, true, false).serialize(topic, value);
      producer.send(new ProducerRecord<>(topic, null, key, bytes, headers));
    }

    void assertBreachFromGoodEventsAlone(KafkaStack stack) {
      try (KafkaConsumer<String, Alert> alerts = consumer(stack, Alert.class)) {
        alerts.subscribe(List.of(topics.alerts()));
        List<Alert> seen = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(120))
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
      }
    }

    List<RejectedEvent> rejected(KafkaStack stack, int expected) {
      try (KafkaConsumer<String, RejectedEvent> rejected = consumer(stack, RejectedEvent.class)) {
        rejected.subscribe(List.of(topics.rejected()));
        List<RejectedEvent> bad = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  rejected.poll(Duration.ofMillis(200)).forEach(r -> bad.add(r.value()));
                  assertThat(bad).hasSize(expected);
                });
        return bad;
      }
    }

    private <T extends SpecificRecord> KafkaConsumer<String, T> consumer(
        KafkaStack stack, Class<T> type) {
      return TopicClients.readCommitted(stack.bootstrapServers(), stack.schemaRegistryUrl(), type);
    }
  }

  /** A producer that can send what a careless one can: 2 MB records, compressed. */
  private static KafkaProducer<String, byte[]> producer(KafkaStack stack) {
    return TopicClients.rawProducer(
        stack.bootstrapServers(),
        Map.of(
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            4 * 1024 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG,
            "lz4"));
  }
}
