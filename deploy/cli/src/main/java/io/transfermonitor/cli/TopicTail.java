package io.transfermonitor.cli;

import io.transfermonitor.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one of the monitor's output topics (alerts, cases, notifications; Avro values of one type)
 * from the beginning on a thread of its own, committed records only and without a consumer group,
 * and hands each value to a listener as it arrives. Keeps every value seen, and knows whether it
 * has read everything committed so far.
 */
final class TopicTail<V extends SpecificRecord> implements AutoCloseable {

  private final KafkaConsumer<String, V> consumer;
  private final String topic;
  private final Consumer<V> listener;
  private final List<V> seen = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile Map<TopicPartition, Long> positions = Map.of();
  private volatile RuntimeException failure;

  TopicTail(Map<String, Object> clientProps, String topic, Class<V> type, Consumer<V> listener) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "transfer-monitor-tail-" + topic);
    props.put(AvroDeserializer.VALUE_CLASS, type);
    AvroDeserializer<V> values = new AvroDeserializer<>();
    values.configure(props, false);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
    this.topic = topic;
    this.listener = listener;
    this.thread = new Thread(this::run, "tm-tail-" + topic);
    thread.setDaemon(true);
  }

  TopicTail<V> start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null) {
            seen.add(record.value());
            listener.accept(record.value());
          }
        }
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition p : partitions) {
          now.put(p, consumer.position(p));
        }
        positions = now;
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Every value read so far, in the order read. */
  List<V> values() {
    return new ArrayList<>(seen);
  }

  /** Where the tail stands per partition (the next offset it will read). */
  Map<TopicPartition, Long> positions() {
    if (failure != null) {
      throw new IllegalStateException("reading " + topic + " failed", failure);
    }
    return positions;
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
