package io.transfermonitor.producers.rules;

import io.transfermonitor.model.Rule;
import io.transfermonitor.producers.ReferenceWrites;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    Map<String, Rule> byId = new LinkedHashMap<>();
    rules.forEach(rule -> byId.put(rule.getRuleId(), rule));
    ReferenceWrites.write(clientProps, topic, byId, "rule");
  }
}
