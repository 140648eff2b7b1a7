package io.transfermonitor.streams.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.fact.Fact;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerRouterTest {

  private final MockProcessorContext<String, Fact> context = new MockProcessorContext<>();
  private final LedgerRouter router = new LedgerRouter("rules");

  @BeforeEach
  void init() {
    RuleStages.shippedRules(context);
    router.init(context);
  }

  @Test
  void shouldRouteEachFactOnceToEveryRuleThatKeepsATotalOfIt() {
    // given
    Fact diesel = Fact.of(Events.refined("d1", "2024-03-01T00:00:00Z", 1_000));
    Fact troops = Fact.of(Events.troops("t1", "2024-10-20T00:00:00Z", 3_000));
    Fact workers = Fact.of(Events.workers("w1", "2024-02-01T00:00:00Z", 400));

    // when
    router.process(new Record<>("d1", diesel, 0));
    router.process(new Record<>("t1", troops, 0));
    router.process(new Record<>("w1", workers, 0));

    // then: the refined cap and the cumulative troop levels keep totals; a plain ban does not
    assertThat(context.forwarded())
        .extracting(f -> f.record().key(), f -> f.record().value().eventId())
        .containsExactly(
            tuple(Events.REFINED_CAP, "d1"), tuple("unscr-1718-military-assistance", "t1"));
  }
}
