package io.transfermonitor.producers.rules;

import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes rules to the compacted rules topic (key = rule id, value = {@link Rule} in the
 * Confluent wire format), waiting for every write to be acknowledged. The monitor applies them
 * live.
 */
public final class RulePublisher {

  private RulePublisher() {}

  /**
   * Writes {@code rules} to {@code topic}.
   *
   * @param clientProps Kafka producer properties: {@code bootstrap.servers} and {@code
   *     schema.registry.url} at least
   * @throws IllegalStateException naming the rule when a write is not acknowledged
   */
  public static void publish(Map<String, Object> clientProps, String topic, List<Rule> rules) {
    Map<String, Object> props = new HashMap<>(clientProps);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    AvroSerializer<Rule> values = new AvroSerializer<>();
    values.configure(props, false);
    try (KafkaProducer<String, Rule> producer =
        new KafkaProducer<>(props, new StringSerializer(), values)) {
      Map<String, Future<RecordMetadata>> sent = new HashMap<>();
      for (Rule rule : rules) {
        sent.put(
            rule.getRuleId(), producer.send(new ProducerRecord<>(topic, rule.getRuleId(), rule)));
      }
      producer.flush();
      for (Map.Entry<String, Future<RecordMetadata>> write : sent.entrySet()) {
        try {
          write.getValue().get();
        } catch (ExecutionException e) {
          throw new IllegalStateException(
              "rule " + write.getKey() + " not written to " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while publishing rules", e);
        }
      }
      producer.close(Duration.ofSeconds(10));
    }
  }
}
