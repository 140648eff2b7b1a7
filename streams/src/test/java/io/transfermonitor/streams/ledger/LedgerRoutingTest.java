package io.transfermonitor.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.match.RuleBook;
import java.util.stream.Stream;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class LedgerRoutingTest {

  private final RuleBook rules =
      new RuleBook(
          MockStores.rules(
              new MockProcessorContext<>(), Events.defaultRules().toArray(new Rule[0])),
          null);

  @Test
  void shouldRouteEachFactOnceToEveryRuleThatKeepsATotalOfIt() {
    // given
    Fact diesel = Fact.of(Events.refined("d1", "2024-03-01T00:00:00Z", 1_000));
    Fact troops = Fact.of(Events.troops("t1", "2024-10-20T00:00:00Z", 3_000));
    Fact workers = Fact.of(Events.workers("w1", "2024-02-01T00:00:00Z", 400));

    // when / then: the refined cap (in barrels) and the cumulative troop levels (in personnel)
    // keep totals; a plain ban does not
    assertThat(
            Stream.of(diesel, troops, workers)
                .flatMap(f -> LedgerRouting.of(rules, f).stream())
                .toList())
        .extracting(t -> t.rule().getRuleId(), LedgerRouting.Target::ledgerKey, t -> t.amount())
        .containsExactly(
            tuple(Events.REFINED_CAP, Events.REFINED_CAP + "/2024-01-01/OBSERVED", 1_000.0),
            tuple(
                "unscr-1718-military-assistance",
                "unscr-1718-military-assistance/2024-01-01/OBSERVED",
                3_000.0));
    assertThat(LedgerRouting.of(rules, diesel).get(0).basis()).isEqualTo(Basis.OBSERVED);
  }
}
