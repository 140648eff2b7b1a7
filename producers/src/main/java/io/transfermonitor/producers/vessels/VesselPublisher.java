package io.transfermonitor.producers.vessels;

import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.ReferencePlan;
import io.transfermonitor.producers.ReferenceWrites;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a register load to the compacted vessel register topic, key = {@link VesselKey} ({@code
 * IMO:<number>}, else {@code MMSI:<number>}), value = {@link VesselRecord} in the Confluent wire
 * format, and only what changed ({@link ReferencePlan}, by {@link VesselKey} and register): new and
 * changed vessels are written, unchanged ones are not, and a vessel of the same register that the
 * load no longer holds gets a tombstone. Loading the same file twice publishes nothing the second
 * time. Waits for every write to be acknowledged.
 */
public final class VesselPublisher implements AutoCloseable {

  private static final Duration READ_BACK = Duration.ofSeconds(60);

  private final Producer<String, VesselRecord> producer;
  private final String topic;

  /** A publisher over {@code producer} (a test hands in a {@code MockProducer}). */
  public VesselPublisher(Producer<String, VesselRecord> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /**
   * A publisher with an idempotent Kafka producer ({@code acks=all}) and the project's Avro
   * serializer.
   *
   * @param clientProps {@code bootstrap.servers} and {@code schema.registry.url} at least
   */
  public static VesselPublisher create(Map<String, Object> clientProps, String topic) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "transfer-monitor-vessels");
    AvroSerializer<VesselRecord> values = new AvroSerializer<>();
    values.configure(props, false);
    return new VesselPublisher(new KafkaProducer<>(props, new StringSerializer(), values), topic);
  }

  /**
   * Reads the topic back, then publishes what {@code vessels} change on it.
   *
   * @param clientProps {@code bootstrap.servers} and {@code schema.registry.url} at least
   * @throws IllegalStateException when the topic cannot be read or a write is not acknowledged
   */
  public static ReferencePlan<VesselRecord> publish(
      Map<String, Object> clientProps, String topic, Collection<VesselRecord> vessels) {
    Map<String, VesselRecord> held = VesselTopic.read(clientProps, topic, READ_BACK);
    try (VesselPublisher publisher = create(clientProps, topic)) {
      return publisher.publish(held, vessels);
    }
  }

  /**
   * Publishes what loading {@code vessels} changes on a topic that holds {@code held}.
   *
   * @throws IllegalStateException naming the vessel's key when a write is not acknowledged
   */
  public ReferencePlan<VesselRecord> publish(
      Map<String, VesselRecord> held, Collection<VesselRecord> vessels) {
    // a register is loaded whole: a vessel it dropped (scrapped, renamed under a new IMO number,
    // reflagged away) must not stay known, as a designation a list no longer holds is delisted
    ReferencePlan<VesselRecord> plan =
        ReferencePlan.of(held, vessels, VesselKey::of, VesselRecord::getSource);
    Map<String, VesselRecord> writes = plan.writes();
    if (!writes.isEmpty()) {
      ReferenceWrites.write(producer, topic, writes, "vessel");
    }
    return plan;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
