package io.transfermonitor.bench;

import io.transfermonitor.bench.WorkloadRecord.Flavor;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a {@link Workload} to the input topics ({@code Topics#eventTopic}) in one pass with a fast
 * idempotent producer: 256 KiB batches, 20 ms linger, lz4, acks=all. Values are Confluent-framed
 * Avro from our {@link AvroSerializer}, keys the event id as a UTF-8 string; garbage records go in
 * as their raw bytes.
 */
public final class WorkloadWriter {

  /** What was written, by flavour, and how long it took. */
  public record Written(Map<Flavor, Long> byFlavor, long records, long nanos) {
    public double recordsPerSecond() {
      return records / (nanos / 1e9);
    }
  }

  private final Map<String, Object> clientProps;
  private final SchemaRegistryClient registry;
  private final Topics topics;

  /** {@code clientProps}: the cluster's client properties, the base of the producer's. */
  public WorkloadWriter(
      Map<String, Object> clientProps, SchemaRegistryClient registry, Topics topics) {
    this.clientProps = Map.copyOf(clientProps);
    this.registry = registry;
    this.topics = topics;
  }

  /** Sends every record of {@code workload} and waits until all are acknowledged. */
  public Written write(Iterator<WorkloadRecord> workload) {
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, true, false);
    Map<Flavor, Long> byFlavor = new EnumMap<>(Flavor.class);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    long records = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            producerProps(clientProps, "bench-workload-writer"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      while (workload.hasNext() && failure.get() == null) {
        WorkloadRecord r = workload.next();
        String topic = topics.eventTopic(r.kind());
        byte[] value = r.garbage() != null ? r.garbage() : serializer.serialize(topic, r.event());
        producer.send(
            new ProducerRecord<>(topic, r.key(), value),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
        byFlavor.merge(r.flavor(), 1L, Long::sum);
        records++;
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("writing the workload failed", failure.get());
    }
    return new Written(byFlavor, records, System.nanoTime() - start);
  }

  /** The fast idempotent producer's settings over {@code clientProps}. */
  static Properties producerProps(Map<String, Object> clientProps, String clientId) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return props;
  }
}
