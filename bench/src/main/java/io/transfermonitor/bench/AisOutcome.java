package io.transfermonitor.bench;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.model.VesselFindingKind;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the monitor made of the AIS workload, read back from the run's topics once its pass is done
 * (read_committed, from the start to the end): the findings on {@code tm.ais.findings} by kind
 * (distinct finding ids: the topic is compacted and a finding may be written again as it grows),
 * the events they became on the event topics (tanker deliveries, vessel activities) and the alerts.
 *
 * @param findings distinct findings per kind
 * @param events records per event topic the monitor wrote from its findings
 * @param alerts records on the alert topic
 */
public record AisOutcome(
    Map<VesselFindingKind, Long> findings, Map<EventKind, Long> events, long alerts) {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  /** Reads the run's findings, AIS events and alerts as they stand now. */
  public static AisOutcome read(
      Map<String, Object> clientProps, SchemaRegistryClient registry, Topics topics) {
    AvroDeserializer<VesselFinding> decoder = new AvroDeserializer<>(registry, VesselFinding.class);
    Map<String, VesselFindingKind> byId = new HashMap<>();
    readAll(
        clientProps,
        topics.aisFindings(),
        r ->
            byId.put(
                r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8),
                decoder.deserialize(r.topic(), r.value()).getKind()));
    Map<VesselFindingKind, Long> findings = new EnumMap<>(VesselFindingKind.class);
    byId.values().forEach(k -> findings.merge(k, 1L, Long::sum));
    Map<EventKind, Long> events = new EnumMap<>(EventKind.class);
    for (EventKind kind : List.of(EventKind.TANKER_DELIVERY, EventKind.VESSEL_ACTIVITY)) {
      long[] n = {0};
      readAll(clientProps, topics.eventTopic(kind), r -> n[0]++);
      events.put(kind, n[0]);
    }
    long[] alerts = {0};
    readAll(clientProps, topics.alerts(), r -> alerts[0]++);
    return new AisOutcome(Map.copyOf(findings), Map.copyOf(events), alerts[0]);
  }

  /** Distinct findings of {@code kind}. */
  public long findings(VesselFindingKind kind) {
    return findings.getOrDefault(kind, 0L);
  }

  /** Events of {@code kind} the findings became. */
  public long events(EventKind kind) {
    return events.getOrDefault(kind, 0L);
  }

  private static void readAll(
      Map<String, Object> clientProps,
      String topic,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (!reached(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(each);
      }
    }
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
