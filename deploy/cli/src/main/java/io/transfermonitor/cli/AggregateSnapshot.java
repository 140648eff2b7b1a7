package io.transfermonitor.cli;

import io.transfermonitor.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The latest value of every key of a compacted aggregate topic ({@code tm.aggregates.*}), read from
 * the beginning to the last committed record, without a consumer group: what a dashboard shows.
 */
final class AggregateSnapshot {

  private AggregateSnapshot() {}

  /**
   * @throws IllegalStateException naming the topic when it cannot be read to its end in time
   */
  static <V extends SpecificRecord> Map<String, V> read(
      Map<String, Object> clientProps, String topic, Class<V> type, Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "transfer-monitor-aggregate-snapshot");
    props.put(AvroDeserializer.VALUE_CLASS, type);
    AvroDeserializer<V> values = new AvroDeserializer<>();
    values.configure(props, false);
    Map<String, V> latest = new TreeMap<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!readTo(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read all of " + topic + " within " + timeout);
        }
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() == null) {
            latest.remove(record.key());
          } else {
            latest.put(record.key(), record.value());
          }
        }
      }
    }
    return latest;
  }

  private static boolean readTo(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
