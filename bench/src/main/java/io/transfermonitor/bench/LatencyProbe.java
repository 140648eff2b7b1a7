package io.transfermonitor.bench;

import io.transfermonitor.model.Alert;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Event-to-alert latency of a running, caught-up monitor under a steady load. A paced producer
 * sends fresh events at a fixed rate, noting the wall-clock time of each send (also the record's
 * timestamp); a read_committed consumer on the alert topic notes when each alert becomes visible.
 * For every alert whose triggering event (the last of {@code triggeringEventIds}) was sent by the
 * probe, two latencies are kept:
 *
 * <ul>
 *   <li><b>visible</b>: alert readable by a read_committed consumer minus event sent. This is what
 *       ops see; with exactly-once it includes waiting for the commit, so it is bounded below by
 *       the commit interval's share.
 *   <li><b>raised</b>: the alert's {@code processedAt} minus event sent: the processing path alone.
 * </ul>
 *
 * Everything runs in one JVM, so both ends read the same clock.
 */
public final class LatencyProbe {

  /** Measured latencies in milliseconds. */
  public record Result(long sent, long matched, long[] visibleMillis, long[] raisedMillis) {}

  private final Map<String, Object> clientProps;
  private final SchemaRegistryClient registry;
  private final Topics topics;

  /** {@code clientProps}: the cluster's client properties, the base of the probe's clients'. */
  public LatencyProbe(
      Map<String, Object> clientProps, SchemaRegistryClient registry, Topics topics) {
    this.clientProps = Map.copyOf(clientProps);
    this.registry = registry;
    this.topics = topics;
  }

  /**
   * Sends {@code workload} at {@code ratePerSecond}, then waits up to {@code settle} for the last
   * alerts, and returns the latencies.
   */
  public Result run(Iterator<WorkloadRecord> workload, int ratePerSecond, Duration settle)
      throws InterruptedException {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<long[]> pairs = new ArrayList<>();
    AlertReader reader = new AlertReader(sentAt, pairs);
    Thread readerThread = new Thread(reader, "bench-latency-alerts");
    readerThread.start();
    reader.awaitAssigned();
    long sent = 0;
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, true, false);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer())) {
      long start = System.nanoTime();
      while (workload.hasNext()) {
        long due = start + sent * 1_000_000_000L / ratePerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        WorkloadRecord r = workload.next();
        String topic = topics.eventTopic(r.kind());
        byte[] value = serializer.serialize(topic, r.event());
        long now = System.currentTimeMillis();
        sentAt.put(r.key(), now);
        producer.send(new ProducerRecord<>(topic, null, now, r.key(), value));
        sent++;
      }
      producer.flush();
    }
    Thread.sleep(settle.toMillis());
    reader.stop();
    readerThread.join();
    if (reader.error != null) {
      throw new IllegalStateException("reading alerts failed", reader.error);
    }
    long[] visible;
    long[] raised;
    synchronized (pairs) {
      visible = pairs.stream().mapToLong(p -> p[0]).toArray();
      raised = pairs.stream().mapToLong(p -> p[1]).toArray();
    }
    return new Result(sent, visible.length, visible, raised);
  }

  private Properties producerProps() {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-latency-producer");
    return props;
  }

  /** Tails the alert topic from its current end and pairs each alert with its trigger's send. */
  private final class AlertReader implements Runnable {
    private final Map<String, Long> sentAt;
    private final List<long[]> pairs;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile RuntimeException error;

    AlertReader(Map<String, Long> sentAt, List<long[]> pairs) {
      this.sentAt = sentAt;
      this.pairs = pairs;
    }

    void awaitAssigned() throws InterruptedException {
      assigned.await();
    }

    void stop() {
      running = false;
    }

    @Override
    public void run() {
      Properties props = new Properties();
      props.putAll(clientProps);
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
      AvroDeserializer<Alert> alerts = new AvroDeserializer<>(registry, Alert.class);
      try (KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(topics.alerts()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any event is sent
        assigned.countDown();
        while (running) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
            long seen = System.currentTimeMillis();
            Alert alert = alerts.deserialize(record.topic(), record.value());
            List<String> triggers = alert.getTriggeringEventIds();
            if (triggers.isEmpty()) {
              continue;
            }
            Long sent = sentAt.get(triggers.get(triggers.size() - 1));
            if (sent != null) {
              synchronized (pairs) {
                pairs.add(new long[] {seen - sent, alert.getProcessedAt().toEpochMilli() - sent});
              }
            }
          }
        }
      } catch (RuntimeException e) {
        error = e;
      } finally {
        assigned.countDown();
      }
    }
  }
}
