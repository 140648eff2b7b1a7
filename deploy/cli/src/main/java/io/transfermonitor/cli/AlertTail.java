package io.transfermonitor.cli;

import io.transfermonitor.model.Alert;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the alert topic from the beginning on a thread of its own (committed alerts only, no
 * consumer group) and hands each alert to a listener as it arrives. Keeps every alert seen, and
 * knows whether it has read everything committed so far.
 */
final class AlertTail implements AutoCloseable {

  private final KafkaConsumer<String, Alert> consumer;
  private final String topic;
  private final Consumer<Alert> listener;
  private final List<Alert> seen = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile Map<TopicPartition, Long> positions = Map.of();
  private volatile RuntimeException failure;

  AlertTail(Map<String, Object> clientProps, String topic, Consumer<Alert> listener) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "transfer-monitor-alert-tail");
    props.put(AvroDeserializer.VALUE_CLASS, Alert.class);
    AvroDeserializer<Alert> values = new AvroDeserializer<>();
    values.configure(props, false);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), values);
    this.topic = topic;
    this.listener = listener;
    this.thread = new Thread(this::run, "tm-alert-tail");
    thread.setDaemon(true);
  }

  AlertTail start() {
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
        for (ConsumerRecord<String, Alert> record : consumer.poll(Duration.ofMillis(200))) {
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

  /** Every alert read so far, in the order read. */
  List<Alert> alerts() {
    return new ArrayList<>(seen);
  }

  /** Where the tail stands per partition (the next offset it will read). */
  Map<TopicPartition, Long> positions() {
    if (failure != null) {
      throw new IllegalStateException("reading alerts from " + topic + " failed", failure);
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
