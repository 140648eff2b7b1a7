package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.TopicClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that cannot be decoded is rejected once, however the monitor stops and starts: its
 * rejection is committed with its offset. Found by the soak, where 2 of 1,700 undecodable records
 * were on the rejected topic twice: Kafka Streams decoded a record in its source node when it
 * buffered it, and the rejection made then went into the transaction at once. A task that had not
 * yet processed anything on that partition (newly assigned, waiting for data on its other
 * partitions) committed no offset for it, while the thread's transaction, committed for the work of
 * other tasks, carried the rejection; the task then moved, and its next owner read the record and
 * rejected it again. Here the window is held open with {@code max.task.idle.ms}, so the test does
 * not depend on timing: the validation task waits for data on its other event topics while the case
 * timers commit the thread's transaction every second.
 */
@ExtendWith(KafkaStackExtension.class)
class RejectedOnceIT {

  @TempDir Path stateDir;

  @Test
  void shouldRejectAnUndecodableRecordOnceWhenItsTaskMovesBeforeProcessingIt(KafkaStack stack) {
    // given
    Topics topics = stack.uniqueTopics();
    MonitorConfig config =
        MonitorConfig.builder()
            .topics(topics)
            .applicationId(stack.uniqueName("once"))
            // static membership: the second instance takes the first one's place at once
            .instanceId("once-it")
            .build();
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
    String arms = topics.eventTopic(EventKind.ARMS_TRANSFER);
    try (KafkaProducer<String, byte[]> producer = producer(stack)) {
      for (Rule rule : Events.defaultRules()) {
        TopicClients.sendAvro(producer, registry, topics.rules(), rule.getRuleId(), rule);
      }
      producer.flush();
    }

    try (KafkaConsumer<String, Alert> alerts = consumer(stack, Alert.class);
        KafkaConsumer<String, RejectedEvent> rejected = consumer(stack, RejectedEvent.class)) {
      alerts.subscribe(List.of(topics.alerts()));
      rejected.subscribe(List.of(topics.rejected()));
      List<String> alertIds = new ArrayList<>();
      List<RejectedEvent> bad = new ArrayList<>();

      // when: a monitor fetches junk and a transfer, commits its transaction while the task holding
      // them waits for its other partitions, and stops before that task processed either
      Properties waiting = StackProperties.of(stack, stateDir);
      waiting.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 120_000L);
      try (MonitorApplication monitor = MonitorApplication.start(waiting, config);
          KafkaProducer<String, byte[]> producer = producer(stack)) {
        monitor.awaitRunning(Duration.ofSeconds(90));
        double before = fetched(monitor);
        producer.send(
            new ProducerRecord<>(arms, "junk", "not avro".getBytes(StandardCharsets.UTF_8)));
        sendArms(producer, registry, arms, "arms-1");
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).until(() -> fetched(monitor) >= before + 2);
        // two commits of the thread's transaction after the fetch (the case timers fire every
        // second)
        double commits = meter(monitor, "kafka.stream.thread.commit.total");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> meter(monitor, "kafka.stream.thread.commit.total") >= commits + 2);
        pollAlerts(alerts, alertIds);
        assertThat(alertIds).as("the transfer is not processed yet: the task is waiting").isEmpty();
      }
      // and another instance of the monitor takes the task over
      try (MonitorApplication monitor =
          MonitorApplication.start(StackProperties.of(stack, stateDir), config)) {
        monitor.awaitRunning(Duration.ofSeconds(90));
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  pollAlerts(alerts, alertIds);
                  assertThat(alertIds).hasSize(1);
                });
        // the transfer's transaction is committed; a rejection made twice is committed by now
        await()
            .pollDelay(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () -> {
                  rejected.poll(Duration.ofMillis(200)).forEach(r -> bad.add(r.value()));
                  assertThat(bad).isNotEmpty();
                });
        rejected.poll(Duration.ofSeconds(2)).forEach(r -> bad.add(r.value()));
      }

      // then: the junk once, at the stage that could not read it
      assertThat(bad)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.getStage()).isEqualTo(RejectionStage.DESERIALIZATION);
                assertThat(r.getSourceTopic()).isEqualTo(arms);
                assertThat(r.getSourceOffset()).isZero();
              });
    }
  }

  private static double meter(MonitorApplication monitor, String name) {
    return monitor.meters().find(name).functionCounters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  /**
   * Records the monitor's consumers have fetched, all topics together (the per-topic meters appear
   * only when the metrics binder next looks for new ones, up to a minute later).
   */
  private static double fetched(MonitorApplication monitor) {
    return monitor
        .meters()
        .find("kafka.consumer.fetch.manager.records.consumed.total")
        .functionCounters()
        .stream()
        .filter(c -> c.getId().getTag("topic") == null)
        .mapToDouble(c -> c.count())
        .sum();
  }

  private static void pollAlerts(KafkaConsumer<String, Alert> alerts, List<String> ids) {
    for (ConsumerRecord<String, Alert> r : alerts.poll(Duration.ofMillis(200))) {
      ids.add(r.value().getAlertId());
    }
  }

  private static void sendArms(
      KafkaProducer<String, byte[]> producer,
      SchemaRegistryClient registry,
      String topic,
      String id) {
    byte[] value =
        new AvroSerializer<ArmsTransfer>(registry, true, false)
            .serialize(topic, Events.arms(id, "2024-05-01T00:00:00Z", "PRK", "RUS"));
    producer.send(new ProducerRecord<>(topic, id, value));
  }

  private static KafkaProducer<String, byte[]> producer(KafkaStack stack) {
    return TopicClients.rawProducer(stack.bootstrapServers(), Map.of());
  }

  private static <T extends org.apache.avro.specific.SpecificRecord>
      KafkaConsumer<String, T> consumer(KafkaStack stack, Class<T> type) {
    return TopicClients.readCommitted(stack.bootstrapServers(), stack.schemaRegistryUrl(), type);
  }
}
