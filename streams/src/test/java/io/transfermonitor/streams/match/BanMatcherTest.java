package io.transfermonitor.streams.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.fact.Fact;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BanMatcherTest {

  private static final String ARMS = "unscr-1718-arms-embargo";

  private final MockProcessorContext<String, BanMatch> context = new MockProcessorContext<>();
  private final BanMatcher matcher = new BanMatcher("rules");
  private KeyValueStore<String, Rule> rules;

  @BeforeEach
  void init() {
    rules = RuleStages.shippedRules(context);
    matcher.init(context);
  }

  @Test
  void shouldMatchMunitionsContainersToTheArmsEmbargoKeepingTheEventKey() {
    // given
    Fact munitions =
        Fact.of(Events.containers("m1", "2023-09-07T00:00:00Z", CargoCategory.MUNITIONS, 120));
    context.setCurrentSystemTimeMs(42);

    // when
    matcher.process(new Record<>("m1", munitions, 7));

    // then
    assertThat(context.forwarded()).hasSize(1);
    var out = context.forwarded().get(0).record();
    assertThat(out.key()).isEqualTo("m1");
    assertThat(out.value().rule().getRuleId()).isEqualTo(ARMS);
    assertThat(out.value().fact()).isEqualTo(munitions);
    assertThat(out.value().processedAt()).isEqualTo(42);
  }

  @Test
  void shouldMatchNothingForFoodOrForADisabledRule() {
    // given
    Fact food = Fact.of(Events.containers("f1", "2023-09-07T00:00:00Z", CargoCategory.FOOD, 3));
    Fact munitions =
        Fact.of(Events.containers("m2", "2023-09-07T00:00:00Z", CargoCategory.MUNITIONS, 1));
    rules.put(ARMS, Rule.newBuilder(rules.get(ARMS)).setEnabled(false).build());

    // when
    matcher.process(new Record<>("f1", food, 0));
    matcher.process(new Record<>("m2", munitions, 0));

    // then
    assertThat(context.forwarded()).isEmpty();
  }
}
