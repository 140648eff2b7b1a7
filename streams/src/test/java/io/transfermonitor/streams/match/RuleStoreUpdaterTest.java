package io.transfermonitor.streams.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RuleStoreUpdaterTest {

  private final MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
  private final RuleStoreUpdater updater = new RuleStoreUpdater("rules");
  private final Rule cap = Events.defaultRule(Events.REFINED_CAP);
  private KeyValueStore<String, Rule> rules;

  @BeforeEach
  void init() {
    rules =
        MockStores.keyValue(
            context,
            "rules",
            AvroSerde.forValue(InMemorySchemaRegistry.scope("rule-store-updater"), Rule.class));
    updater.init(context);
  }

  @Test
  void shouldReplaceARuleByIdAndRemoveItOnATombstone() {
    // given
    Rule lowered = Rule.newBuilder(cap).setLimit(400_000.0).build();

    // when
    updater.process(new Record<>(cap.getRuleId(), cap, 0));
    updater.process(new Record<>(cap.getRuleId(), lowered, 0));
    Rule held = rules.get(cap.getRuleId());
    updater.process(new Record<>(cap.getRuleId(), null, 0));

    // then
    assertThat(held.getLimit()).isEqualTo(400_000.0);
    assertThat(rules.get(cap.getRuleId())).isNull();
  }

  @Test
  void shouldKeyARuleWithoutARecordKeyByItsRuleIdAndIgnoreAnEmptyRecord() {
    // when
    updater.process(new Record<>(null, cap, 0));
    updater.process(new Record<String, Rule>(null, null, 0));

    // then
    assertThat(rules.get(cap.getRuleId())).isEqualTo(cap);
    assertThat(rules.approximateNumEntries()).isEqualTo(1);
  }
}
