package io.transfermonitor.cli;

import io.transfermonitor.model.Case;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The cases as they stand: the latest record of every case id on the compacted case topic, read
 * from the beginning to its last committed record without a consumer group. Afterwards it can
 * follow the topic for a change the monitor is expected to make.
 */
final class CaseSnapshot implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, Case> consumer;
  private final String topic;
  private final Map<String, Case> cases = new LinkedHashMap<>();

  private CaseSnapshot(KafkaConsumer<String, Case> consumer, String topic) {
    this.consumer = consumer;
    this.topic = topic;
  }

  /**
   * Reads {@code topic} to its end.
   *
   * @throws UnavailableException when the topic does not exist or Kafka does not answer in time
   */
  static CaseSnapshot read(Map<String, Object> clientProps, String topic, Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "transfer-monitor-cases");
    props.put(AvroDeserializer.VALUE_CLASS, Case.class);
    AvroDeserializer<Case> values = new AvroDeserializer<>();
    values.configure(props, false);
    CaseSnapshot snapshot =
        new CaseSnapshot(new KafkaConsumer<>(props, new StringDeserializer(), values), topic);
    try {
      snapshot.readToEnd(timeout);
      return snapshot;
    } catch (RuntimeException e) {
      snapshot.close();
      throw e;
    }
  }

  /** Every case, by id, in the order first read. */
  Map<String, Case> cases() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(cases));
  }

  Optional<Case> get(String caseId) {
    return Optional.ofNullable(cases.get(caseId));
  }

  /** Follows the topic until case {@code caseId} satisfies {@code condition}, or the timeout. */
  Optional<Case> awaitCase(String caseId, Predicate<Case> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, Case> record : consumer.poll(POLL)) {
        keep(record);
        if (caseId.equals(record.key())
            && record.value() != null
            && condition.test(record.value())) {
          return Optional.of(record.value());
        }
      }
    }
    return Optional.empty();
  }

  private void readToEnd(Duration timeout) {
    List<TopicPartition> assigned = TopicPartitions.assign(consumer, topic, timeout);
    consumer.seekToBeginning(assigned);
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached(ends)) {
      if (System.nanoTime() > deadline) {
        throw new UnavailableException("could not read all of " + topic + " within " + timeout);
      }
      consumer.poll(POLL).forEach(this::keep);
    }
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private void keep(ConsumerRecord<String, Case> record) {
    if (record.value() == null) {
      cases.remove(record.key());
    } else {
      cases.put(record.key(), record.value());
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
