package io.transfermonitor.testkit;

import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The clients integration tests read and write topics with, as users' tools would: a read_committed
 * consumer of Avro values in a group of its own from the earliest offset, and a producer of raw
 * bytes ({@code acks=all}) with Avro encoding through the registry, so a test can send good events
 * and junk alike.
 */
public final class TopicClients {

  private TopicClients() {}

  /** A read_committed consumer of {@code type} values, in a new group, from the start. */
  public static <T extends SpecificRecord> KafkaConsumer<String, T> readCommitted(
      String bootstrapServers, String registryUrl, Class<T> type) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-reader-" + type.getSimpleName() + "-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new AvroDeserializer<>(SchemaRegistryClients.forUrl(registryUrl), type));
  }

  /** A producer of raw values, {@code acks=all}, with {@code overrides} on top. */
  public static KafkaProducer<String, byte[]> rawProducer(
      String bootstrapServers, Map<String, Object> overrides) {
    Map<String, Object> props = new HashMap<>(overrides);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends {@code value} in the Confluent wire format, its schema registered under the topic. */
  public static void sendAvro(
      KafkaProducer<String, byte[]> producer,
      SchemaRegistryClient registry,
      String topic,
      String key,
      SpecificRecord value) {
    byte[] bytes =
        new AvroSerializer<SpecificRecord>(registry, true, false).serialize(topic, value);
    producer.send(new ProducerRecord<>(topic, key, bytes));
  }

  /**
   * How often each key was read from {@code topic}: read until {@code keys} distinct keys are seen
   * (or {@code timeout} passes), then 3 s more, so that a key written twice shows as 2.
   */
  public static Map<String, Integer> keyCounts(
      KafkaConsumer<String, ?> consumer, String topic, int keys, Duration timeout) {
    consumer.subscribe(List.of(topic));
    Map<String, Integer> counts = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (counts.size() < keys && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
    }
    long more = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (System.nanoTime() < more) {
      consumer.poll(Duration.ofMillis(200)).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
    }
    return counts;
  }

  /**
   * The last value of each key read from {@code topic}, read until {@code done} holds of them (or
   * {@code timeout} passes).
   */
  public static <T> Map<String, T> latestByKey(
      KafkaConsumer<String, T> consumer,
      String topic,
      Predicate<Map<String, T>> done,
      Duration timeout) {
    consumer.subscribe(List.of(topic));
    Map<String, T> latest = new TreeMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(latest) && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(r -> latest.put(r.key(), r.value()));
    }
    return latest;
  }
}
