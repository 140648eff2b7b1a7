package io.transfermonitor.cli.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads one of the monitor's output topics (alerts, cases, notifications; Avro values of one type)
 * from the beginning on a thread of its own, committed records only and without a consumer group,
 * and hands each value to a listener as it arrives. Keeps every value seen, and knows whether it
 * has read everything committed so far.
 */
public final class TopicTail<V extends SpecificRecord> implements AutoCloseable {

  private final TopicReader<V> reader;
  private final Consumer<V> listener;
  private final List<V> seen = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile Map<TopicPartition, Long> positions = Map.of();
  private volatile RuntimeException failure;

  public TopicTail(
      Map<String, Object> clientProps, String topic, Class<V> type, Consumer<V> listener) {
    this.reader = TopicReader.avro(clientProps, "transfer-monitor-tail-" + topic, topic, type);
    this.listener = listener;
    this.thread = new Thread(this::run, "tm-tail-" + topic);
    thread.setDaemon(true);
  }

  public TopicTail<V> start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      reader.fromBeginning(Duration.ofSeconds(30));
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, V> record : reader.poll()) {
          if (record.value() != null) {
            seen.add(record.value());
            listener.accept(record.value());
          }
        }
        positions = reader.positions();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      reader.close();
    }
  }

  /** Every value read so far, in the order read. */
  public List<V> values() {
    return new ArrayList<>(seen);
  }

  /** Where the tail stands per partition (the next offset it will read). */
  public Map<TopicPartition, Long> positions() {
    if (failure != null) {
      throw new IllegalStateException("reading " + reader.topic() + " failed", failure);
    }
    return positions;
  }

  @Override
  public void close() {
    reader.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
