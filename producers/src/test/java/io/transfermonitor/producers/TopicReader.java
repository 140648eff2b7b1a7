package io.transfermonitor.producers;

import static org.awaitility.Awaitility.await;

import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.testkit.KafkaStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what is actually in a topic, from the beginning, for integration tests. */
public final class TopicReader {

  private TopicReader() {}

  /** Waits until {@code topic} has given {@code expected} records, and returns them in order. */
  public static <T extends SpecificRecord> List<ConsumerRecord<String, T>> read(
      KafkaStack stack, String topic, Class<T> type, int expected) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            stack.uniqueName("reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<ConsumerRecord<String, T>> seen = new ArrayList<>();
    AvroDeserializer<T> values =
        new AvroDeserializer<>(SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), type);
    try (KafkaConsumer<String, T> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.size() >= expected;
              });
      // a short extra poll: more than expected would be a finding, not noise
      consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
    }
    return seen;
  }
}
