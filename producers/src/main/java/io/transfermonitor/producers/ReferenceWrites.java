package io.transfermonitor.producers;

import io.transfermonitor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes keyed records to a reference topic (rules, designations) with an idempotent producer
 * ({@code acks=all}) and waits for every one to be acknowledged. A null value is a tombstone.
 */
public final class ReferenceWrites {

  private ReferenceWrites() {}

  /**
   * Writes {@code records} (key to value, in order) to {@code topic}.
   *
   * @param clientProps producer properties: {@code bootstrap.servers} and {@code
   *     schema.registry.url} at least
   * @param what what a record is, for the error message ({@code rule}, {@code designation})
   * @throws IllegalStateException naming the key when a write is not acknowledged
   */
  public static <V extends SpecificRecord> void write(
      Map<String, Object> clientProps, String topic, Map<String, V> records, String what) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    AvroSerializer<V> values = new AvroSerializer<>();
    values.configure(props, false);
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(props, new StringSerializer(), values)) {
      write(producer, topic, records, what);
      producer.close(Duration.ofSeconds(10));
    }
  }

  /**
   * Writes {@code records} (key to value, in order) to {@code topic} through {@code producer} (a
   * test hands in a {@code MockProducer}) and waits for each to be acknowledged.
   *
   * @throws IllegalStateException naming the key when a write is not acknowledged
   */
  public static <V extends SpecificRecord> void write(
      Producer<String, V> producer, String topic, Map<String, V> records, String what) {
    Map<String, Future<RecordMetadata>> sent = new LinkedHashMap<>();
    records.forEach(
        (key, value) -> sent.put(key, producer.send(new ProducerRecord<>(topic, key, value))));
    producer.flush();
    for (Map.Entry<String, Future<RecordMetadata>> write : sent.entrySet()) {
      try {
        write.getValue().get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            what + " " + write.getKey() + " not written to " + topic + ": " + e.getCause(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing to " + topic, e);
      }
    }
  }
}
