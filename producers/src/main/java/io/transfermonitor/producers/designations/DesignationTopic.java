package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Reads the compacted designations topic back, from the beginning to its current end, with no
 * consumer group: what the monitor holds now, one {@link Designation} per reference number, the
 * tombstoned (delisted) ones left out. The publisher diffs a new load against it; the {@code
 * screen} command screens against it.
 */
public final class DesignationTopic {

  private static final Logger LOG = LoggerFactory.getLogger(DesignationTopic.class);

  private DesignationTopic() {}

  /**
   * The designations on {@code topic}.
   *
   * @param clientProps consumer properties: {@code bootstrap.servers} and {@code
   *     schema.registry.url} at least
   * @throws IllegalStateException when the topic does not answer within {@code timeout}
   */
  public static Map<String, Designation> read(
      Map<String, Object> clientProps, String topic, Duration timeout) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "transfer-monitor-designations-reader");
    props.put(AvroDeserializer.VALUE_CLASS, Designation.class);
    AvroDeserializer<Designation> values = new AvroDeserializer<>();
    values.configure(props, false);
    Map<String, Designation> held = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    try (KafkaConsumer<String, Designation> consumer =
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
        ConsumerRecords<String, Designation> records;
        try {
          records = consumer.poll(Duration.ofMillis(200));
        } catch (RecordDeserializationException e) {
          // not a designation (the monitor skips it too): step over it rather than fail the load
          skipped.add(e.topicPartition() + "@" + e.offset());
          consumer.seek(e.topicPartition(), e.offset() + 1);
          continue;
        }
        for (ConsumerRecord<String, Designation> record : records) {
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
      KafkaConsumer<String, Designation> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }
}
