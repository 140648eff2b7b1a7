package io.transfermonitor.producers;

import io.transfermonitor.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted reference topic (rules, designations) back, from the beginning to its current
 * end, with no consumer group: what the monitor holds now, one value per key, the tombstoned ones
 * left out. Publishers diff what they publish against it. A record that is no {@code V} is skipped
 * and logged, as the monitor skips it.
 */
public final class ReferenceTopic {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceTopic.class);

  private ReferenceTopic() {}

  /**
   * The values on {@code topic} by key, in the order first written.
   *
   * @param clientProps consumer properties: {@code bootstrap.servers} and {@code
   *     schema.registry.url} at least
   * @param clientId the consumer's client id
   * @throws IllegalStateException when the topic does not answer within {@code timeout}
   */
  public static <V extends SpecificRecord> Map<String, V> read(
      Map<String, Object> clientProps,
      String topic,
      Class<V> type,
      String clientId,
      Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(AvroDeserializer.VALUE_CLASS, type);
    AvroDeserializer<V> values = new AvroDeserializer<>();
    values.configure(props, false);
    Map<String, V> held = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException(
            "topic " + topic + " does not exist; run 'transfer-monitor topics create' first");
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!caughtUp(consumer, ends)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in " + timeout);
        }
        ConsumerRecords<String, V> records;
        try {
          records = consumer.poll(Duration.ofMillis(200));
        } catch (RecordDeserializationException e) {
          // not a value of this topic (the monitor skips it too): step over it, do not fail the
          // read
          skipped.add(e.topicPartition() + "@" + e.offset());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          continue;
        }
        for (ConsumerRecord<String, V> record : records) {
          if (record.value() == null) {
            held.remove(record.key());
          } else {
            held.put(record.key(), record.value());
          }
        }
      }
    }
    if (!skipped.isEmpty()) {
      LOG.warn("undecodable records on {} skipped: {}", topic, skipped);
    }
    return held;
  }

  private static boolean caughtUp(
      KafkaConsumer<String, ?> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
