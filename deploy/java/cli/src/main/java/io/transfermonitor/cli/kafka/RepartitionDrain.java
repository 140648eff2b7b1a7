package io.transfermonitor.cli.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether partitions hold any record between two offsets that a reader would see: a read_committed
 * consumer, in no group, seeks to each start and polls. Transaction markers are not records (a
 * consumer skips them without committing past them), so their number after the last record cannot
 * be told from offsets alone, and only reading tells a drained partition from one with records
 * left.
 */
public final class RepartitionDrain implements AutoCloseable {

  private static final Duration READ_FOR = Duration.ofSeconds(2);

  private final KafkaConsumer<byte[], byte[]> consumer;

  public RepartitionDrain(Map<String, Object> clientProps) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tm-repartition-drain");
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * True when no partition holds a committed record from its offset in {@code from} up to its
   * offset in {@code ends}; false when one does, or when that could not be told within 2 s.
   */
  boolean drained(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
    Map<TopicPartition, Long> pending = new HashMap<>();
    from.forEach(
        (tp, offset) -> {
          if (offset < ends.getOrDefault(tp, 0L)) {
            pending.put(tp, offset);
          }
        });
    if (pending.isEmpty()) {
      return true;
    }
    consumer.assign(pending.keySet());
    pending.forEach(consumer::seek);
    long deadline = System.nanoTime() + READ_FOR.toNanos();
    while (System.nanoTime() < deadline) {
      if (!consumer.poll(Duration.ofMillis(100)).isEmpty()) {
        return false;
      }
      if (pending.keySet().stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
