package io.transfermonitor.streams.cases;

import static io.transfermonitor.streams.cases.CaseAlerts.munitions;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CaseDimension;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseRouterTest {

  private final MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
  private final CaseRouter router = new CaseRouter("rules");
  private KeyValueStore<String, Rule> rules;

  @BeforeEach
  void init() {
    rules =
        MockStores.keyValue(
            context,
            "rules",
            AvroSerde.forValue(InMemorySchemaRegistry.scope("case-router"), Rule.class));
    router.init(context);
  }

  @Test
  void shouldKeyAnAlertByItsCaseAsTheRuleGroupsItAndCarryTheCaseId() {
    // given
    Rule arms = Events.defaultRule(CaseAlerts.ARMS);
    rules.put(
        arms.getRuleId(), Rule.newBuilder(arms).setGroupBy(List.of(CaseDimension.ORIGIN)).build());

    // when
    router.process(
        new Record<>(
            "unscr-1718-arms-embargo/m1", munitions("m1", "2023-09-07T00:00:00Z", 120), 5));

    // then
    assertThat(context.forwarded())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.record().key()).isEqualTo("unscr-1718-arms-embargo/PRK");
              assertThat(f.record().value().getCaseId()).isEqualTo("unscr-1718-arms-embargo/PRK");
              assertThat(f.record().timestamp()).isEqualTo(5);
            });
  }

  @Test
  void shouldGroupByTheKindsDefaultWhenTheRuleIsGone() {
    // when
    router.process(new Record<>("a", munitions("m1", "2023-09-07T00:00:00Z", 120), 5));

    // then
    assertThat(context.forwarded())
        .singleElement()
        .satisfies(f -> assertThat(f.record().key()).isEqualTo(CaseAlerts.ARMS_PRK_RUS));
  }
}
