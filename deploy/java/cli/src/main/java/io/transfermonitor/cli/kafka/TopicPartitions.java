package io.transfermonitor.cli.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/** Every partition of a topic a command reads, assigned to its consumer (no consumer group). */
public final class TopicPartitions {

  private TopicPartitions() {}

  /**
   * Assigns every partition of {@code topic} to {@code consumer} and returns them.
   *
   * @throws UnavailableException when Kafka does not answer in time or the topic does not exist
   */
  public static List<TopicPartition> assign(
      Consumer<?, ?> consumer, String topic, Duration timeout) {
    List<PartitionInfo> partitions;
    try {
      partitions = consumer.partitionsFor(topic, timeout);
    } catch (TimeoutException e) {
      throw new UnavailableException(
          "no answer from Kafka about topic '" + topic + "': " + e.getMessage(), e);
    }
    if (partitions == null || partitions.isEmpty()) {
      throw new UnavailableException(
          "topic '" + topic + "' does not exist; run 'transfer-monitor topics create' first");
    }
    List<TopicPartition> assigned =
        partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(assigned);
    return assigned;
  }
}
