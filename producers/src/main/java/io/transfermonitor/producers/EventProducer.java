package io.transfermonitor.producers;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The typed producer for programmatic sources: takes event records of {@code
 * io.transfermonitor.model}, routes each to {@link Topics#eventTopic} of its kind, keyed by its
 * {@code header.eventId}, as Confluent-framed Avro ({@link AvroSerializer}, subject {@code
 * <topic>-value}). Rejected records go to {@link Topics#rejected}, keyed by event id (or {@code
 * file:line}).
 *
 * <p>Idempotent and durable: {@code acks=all}, {@code enable.idempotence=true}; batched ({@code
 * linger.ms=20}, 256 KiB batches, lz4). Sends are asynchronous: call {@link #flush} (or {@link
 * #close}) before trusting {@link #failed}. A refused login or ACL is not a record's fault, and the
 * cluster would refuse every record after it: once one is seen, the next send throws it.
 *
 * <pre>{@code
 * try (EventProducer producer =
 *     EventProducer.builder("localhost:9092", "http://localhost:8081").build()) {
 *   producer.send(delivery);
 * }
 * }</pre>
 */
public final class EventProducer implements EventSink {

  private final KafkaProducer<String, SpecificRecord> producer;
  private final Topics topics;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private final AtomicReference<KafkaException> refusal = new AtomicReference<>();
  private final Callback callback = this::completed;

  private EventProducer(Map<String, Object> config, Topics topics) {
    this.topics = topics;
    AvroSerializer<SpecificRecord> values = new AvroSerializer<>();
    values.configure(config, false);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
  }

  /** A builder for the cluster at {@code bootstrapServers} and the registry at {@code url}. */
  public static Builder builder(String bootstrapServers, String schemaRegistryUrl) {
    return new Builder(bootstrapServers, schemaRegistryUrl);
  }

  /** The topics this producer writes to. */
  public Topics topics() {
    return topics;
  }

  /** Sends {@code event} to the topic of its kind, key = its event id. */
  @Override
  public void send(SpecificRecord event) {
    throwIfRefused();
    EventKind kind = EventTypes.kindOf(event);
    String key = EventTypes.headerOf(event).getEventId();
    producer.send(new ProducerRecord<>(topics.eventTopic(kind), key, event), callback);
  }

  /** Sends {@code rejected} to the rejected topic, key = its event id or {@code file:line}. */
  @Override
  public void reject(RejectedEvent rejected) {
    throwIfRefused();
    String key = rejected.getEventId();
    if (key == null && rejected.getSourceFile() != null) {
      key = rejected.getSourceFile() + ":" + rejected.getSourceLine();
    }
    producer.send(new ProducerRecord<>(topics.rejected(), key, rejected), callback);
  }

  @Override
  public void flush() {
    producer.flush();
  }

  /** Records the cluster has acknowledged so far. */
  public long acknowledged() {
    return acknowledged.get();
  }

  @Override
  public long failed() {
    return failed.get();
  }

  /** The first send failure, or null. */
  public Exception firstFailure() {
    return firstFailure.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }

  private void completed(Object metadata, Exception exception) {
    if (exception == null) {
      acknowledged.incrementAndGet();
    } else {
      failed.incrementAndGet();
      firstFailure.compareAndSet(null, exception);
      if (exception instanceof AuthorizationException
          || exception instanceof AuthenticationException) {
        refusal.compareAndSet(null, (KafkaException) exception);
      }
    }
  }

  private void throwIfRefused() {
    KafkaException refused = refusal.get();
    if (refused != null) {
      throw refused;
    }
  }

  /** Settings of an {@link EventProducer}; any Kafka producer property can be overridden. */
  public static final class Builder {
    private final Map<String, Object> config = new HashMap<>();
    private Topics topics = Topics.defaults();

    private Builder(String bootstrapServers, String schemaRegistryUrl) {
      config.put(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
      config.put(
          AvroSerdeConfig.SCHEMA_REGISTRY_URL,
          Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl"));
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
      config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
      config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
      config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
      config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
      config.put(ProducerConfig.CLIENT_ID_CONFIG, "tm-producer");
    }

    /** Topic names (default {@link Topics#defaults()}). */
    public Builder topics(Topics topics) {
      this.topics = Objects.requireNonNull(topics, "topics");
      return this;
    }

    /** Any producer or serde property, e.g. {@code client.id} or {@code linger.ms}. */
    public Builder property(String key, Object value) {
      config.put(key, value);
      return this;
    }

    public EventProducer build() {
      return new EventProducer(Map.copyOf(config), topics);
    }
  }
}
