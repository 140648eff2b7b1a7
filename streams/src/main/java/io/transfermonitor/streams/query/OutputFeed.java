package io.transfermonitor.streams.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells what the monitor has just written, on every instance alike: a consumer of its own (no
 * group, committed records only) on the output topics. The compacted topics given a reader (cap
 * usage, cases) are read from the start, so each key's latest value reaches its reader (the cap and
 * case gauges) however long ago it last changed; the others are read from their end. After each
 * batch {@code onChange} hears the names of the watched topics that moved, at most every {@link
 * #QUIET}, so a live page reloads once per burst rather than once per record.
 */
public final class OutputFeed implements AutoCloseable {

  /** The least time between two change notices. */
  public static final Duration QUIET = Duration.ofMillis(300);

  private static final Logger LOG = LoggerFactory.getLogger(OutputFeed.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaClientMetrics clientMetrics;
  private final Map<String, String> watched;
  private final Map<String, Consumer<byte[]>> readers;
  private final Consumer<Set<String>> onChange;
  private final Thread thread = new Thread(this::run, "tm-output-feed");
  private volatile boolean stopped;

  /**
   * @param clientProps bootstrap servers and any client (security) properties
   * @param watched output topic name to the name its changes are announced by ({@code caps}, ...)
   * @param readers compacted topics (among {@code watched}) read from the start, each with what
   *     reads its values
   * @param meters where the consumer's client metrics go
   */
  public OutputFeed(
      Map<String, Object> clientProps,
      Map<String, String> watched,
      Map<String, Consumer<byte[]>> readers,
      Consumer<Set<String>> onChange,
      MeterRegistry meters) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tm-output-feed");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.clientMetrics = new KafkaClientMetrics(consumer);
    clientMetrics.bindTo(meters);
    this.watched = Map.copyOf(watched);
    this.readers = Map.copyOf(readers);
    this.onChange = onChange;
    thread.setDaemon(true);
  }

  public OutputFeed start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      assignAll();
      Set<String> pending = new LinkedHashSet<>();
      long lastNotice = 0;
      while (!stopped) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          pending.add(watched.get(record.topic()));
          Consumer<byte[]> reader = readers.get(record.topic());
          if (reader != null && record.value() != null) {
            reader.accept(record.value());
          }
        }
        long now = System.currentTimeMillis();
        if (!pending.isEmpty() && now - lastNotice >= QUIET.toMillis()) {
          onChange.accept(Set.copyOf(pending));
          pending.clear();
          lastNotice = now;
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("output feed stopped: the dashboard no longer updates live", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void assignAll() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : watched.keySet()) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    List<TopicPartition> fromStart =
        partitions.stream().filter(p -> readers.containsKey(p.topic())).toList();
    consumer.seekToBeginning(fromStart);
    consumer.seekToEnd(partitions.stream().filter(p -> !fromStart.contains(p)).toList());
  }

  @Override
  public void close() {
    stopped = true;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    clientMetrics.close();
  }
}
