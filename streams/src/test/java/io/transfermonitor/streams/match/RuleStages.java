package io.transfermonitor.streams.match;

import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/** The shipped rules in a mock context's {@code rules} store, for the rule-matching stages. */
final class RuleStages {

  private RuleStages() {}

  static KeyValueStore<String, Rule> shippedRules(MockProcessorContext<?, ?> context) {
    KeyValueStore<String, Rule> rules =
        MockStores.keyValue(
            context,
            "rules",
            AvroSerde.forValue(InMemorySchemaRegistry.scope("rule-stages"), Rule.class));
    Events.defaultRules().forEach(rule -> rules.put(rule.getRuleId(), rule));
    return rules;
  }
}
