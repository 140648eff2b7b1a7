package io.transfermonitor.cli.kafka;

import io.transfermonitor.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic the way every command that shows a topic does: every partition assigned, no
 * consumer group (so it never moves anyone's offsets), committed records only. It starts at the
 * beginning or the end, reads to the last committed record ({@link #readToEnd}), and then follows
 * the topic ({@link #poll}) for as long as the caller wants.
 */
public final class TopicReader<V> implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, V> consumer;
  private final String topic;
  private List<TopicPartition> partitions = List.of();

  /**
   * A reader of {@code topic}; nothing is asked of Kafka until {@link #fromBeginning} or {@link
   * #fromEnd}.
   */
  public TopicReader(
      Map<String, Object> clientProps, String clientId, String topic, Deserializer<V> values) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
    this.topic = topic;
  }

  /** A reader of Avro values of {@code type}, the registry named in {@code serdeProps}. */
  public static <V extends SpecificRecord> TopicReader<V> avro(
      Map<String, Object> clientProps,
      Map<String, Object> serdeProps,
      String clientId,
      String topic,
      Class<V> type) {
    Map<String, Object> serde = new HashMap<>(serdeProps);
    serde.put(AvroDeserializer.VALUE_CLASS, type);
    AvroDeserializer<V> values = new AvroDeserializer<>();
    values.configure(serde, false);
    return new TopicReader<>(clientProps, clientId, topic, values);
  }

  /** {@link #avro(Map, Map, String, String, Class)} with the registry in the client settings. */
  public static <V extends SpecificRecord> TopicReader<V> avro(
      Map<String, Object> clientProps, String clientId, String topic, Class<V> type) {
    return avro(clientProps, clientProps, clientId, topic, type);
  }

  /**
   * Assigns every partition and starts at the oldest record kept.
   *
   * @throws UnavailableException when Kafka does not answer in time or the topic does not exist
   */
  public TopicReader<V> fromBeginning(Duration timeout) {
    partitions = TopicPartitions.assign(consumer, topic, timeout);
    consumer.seekToBeginning(partitions);
    return this;
  }

  /** Assigns every partition and starts after the last record: only what comes next is read. */
  public TopicReader<V> fromEnd(Duration timeout) {
    partitions = TopicPartitions.assign(consumer, topic, timeout);
    consumer.seekToEnd(partitions);
    return this;
  }

  /**
   * Hands every record up to the last committed one (as it stands now) to {@code each}, tombstones
   * included.
   *
   * @throws UnavailableException naming the topic when it cannot be read to its end in time
   */
  void readToEnd(Consumer<ConsumerRecord<String, V>> each, Duration timeout) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached(ends)) {
      if (System.nanoTime() > deadline) {
        throw new UnavailableException("could not read all of " + topic + " within " + timeout);
      }
      consumer.poll(POLL).forEach(each);
    }
  }

  /**
   * The latest value of every key up to the end: what a compacted topic says now (a tombstone
   * removes its key).
   */
  void readLatest(Map<String, V> into, Duration timeout) {
    readToEnd(record -> keep(into, record), timeout);
  }

  /**
   * Follows the topic: the records that arrived since the last read, waiting up to {@code wait}.
   */
  public ConsumerRecords<String, V> poll(Duration wait) {
    return consumer.poll(wait);
  }

  /** {@link #poll(Duration)} with the short wait the commands use. */
  public ConsumerRecords<String, V> poll() {
    return poll(POLL);
  }

  /** Skips to {@code offset} of {@code partition} (past a record that cannot be read). */
  public void seek(TopicPartition partition, long offset) {
    consumer.seek(partition, offset);
  }

  /** Where the reader stands per partition (the next offset it will read). */
  public Map<TopicPartition, Long> positions() {
    Map<TopicPartition, Long> now = new HashMap<>();
    for (TopicPartition p : partitions) {
      now.put(p, consumer.position(p));
    }
    return now;
  }

  /** Ends a {@link #poll} under way from another thread, with a {@code WakeupException}. */
  public void wakeup() {
    consumer.wakeup();
  }

  public String topic() {
    return topic;
  }

  /** Keeps the record's value under its key, or forgets the key on a tombstone. */
  static <V> void keep(Map<String, V> latest, ConsumerRecord<String, V> record) {
    if (record.value() == null) {
      latest.remove(record.key());
    } else {
      latest.put(record.key(), record.value());
    }
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
