package io.transfermonitor.producers.rules;

import io.transfermonitor.model.Rule;
import io.transfermonitor.producers.ReferenceTopic;
import io.transfermonitor.producers.ReferenceWrites;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes rules to the compacted rules topic (key = rule id, value = {@link Rule} in the
 * Confluent wire format), waiting for every write to be acknowledged; a rule is removed by a
 * tombstone (null value). The monitor applies both live.
 */
public final class RulePublisher {

  private static final Duration READ_BACK = Duration.ofSeconds(60);

  private RulePublisher() {}

  /**
   * Writes {@code rules} to {@code topic}, every one, whatever the topic holds.
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

  /**
   * The rules {@code topic} holds now, by id: read from its beginning to its current end.
   *
   * @throws IllegalStateException when the topic cannot be read to its end
   */
  public static Map<String, Rule> held(Map<String, Object> clientProps, String topic) {
    return ReferenceTopic.read(
        clientProps, topic, Rule.class, "transfer-monitor-rules-reader", READ_BACK);
  }

  /** What publishing {@code rules} onto {@code topic} would change. */
  public static RulePlan plan(Map<String, Object> clientProps, String topic, List<Rule> rules) {
    return RulePlan.of(held(clientProps, topic), rules);
  }

  /**
   * Carries out {@code plan}: writes the added and changed rules and, with {@code prune}, a
   * tombstone for every live rule the file does not have.
   */
  public static void apply(
      Map<String, Object> clientProps, String topic, RulePlan plan, boolean prune) {
    Map<String, Rule> writes = new LinkedHashMap<>();
    plan.writes().forEach(rule -> writes.put(rule.getRuleId(), rule));
    if (prune) {
      plan.absentIds().forEach(id -> writes.put(id, null));
    }
    if (!writes.isEmpty()) {
      ReferenceWrites.write(clientProps, topic, writes, "rule");
    }
  }

  /** Writes a tombstone for each of {@code ruleIds}: the monitor stops counting them. */
  public static void remove(
      Map<String, Object> clientProps, String topic, Collection<String> ruleIds) {
    Map<String, Rule> tombstones = new LinkedHashMap<>();
    ruleIds.forEach(id -> tombstones.put(id, null));
    ReferenceWrites.write(clientProps, topic, tombstones, "rule");
  }
}
