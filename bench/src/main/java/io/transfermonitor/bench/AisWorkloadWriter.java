package io.transfermonitor.bench;

import io.transfermonitor.bench.ais.AisWorkload;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes an {@link AisWorkload} to the run's AIS topics in one pass, with the same fast producer as
 * the event workload ({@link WorkloadWriter}): positions to {@code tm.ais.positions}, voyage data
 * to {@code tm.ais.voyages}, both keyed by MMSI and framed as our {@link AvroSerializer} frames
 * them, as {@code ais ingest} writes them.
 */
public final class AisWorkloadWriter {

  /** What was written and how long it took. */
  public record Written(long positions, long voyages, long nanos) {
    public double recordsPerSecond() {
      return (positions + voyages) / (nanos / 1e9);
    }
  }

  private final Map<String, Object> clientProps;
  private final SchemaRegistryClient registry;
  private final Topics topics;

  /** {@code clientProps}: the cluster's client properties, the base of the producer's. */
  public AisWorkloadWriter(
      Map<String, Object> clientProps, SchemaRegistryClient registry, Topics topics) {
    this.clientProps = Map.copyOf(clientProps);
    this.registry = registry;
    this.topics = topics;
  }

  /** Sends every record of {@code feed} and waits until all are acknowledged. */
  public Written write(AisWorkload feed) {
    AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, true, false);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    long positions = 0;
    long voyages = 0;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            WorkloadWriter.producerProps(clientProps, "bench-ais-writer"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      while (feed.hasNext() && failure.get() == null) {
        AisWorkload.AisRecord r = feed.next();
        String topic = r.isPosition() ? topics.aisPositions() : topics.aisVoyages();
        producer.send(
            new ProducerRecord<>(topic, r.mmsi(), serializer.serialize(topic, r.value())),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
        if (r.isPosition()) {
          positions++;
        } else {
          voyages++;
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("writing the AIS workload failed", failure.get());
    }
    return new Written(positions, voyages, System.nanoTime() - start);
  }
}
