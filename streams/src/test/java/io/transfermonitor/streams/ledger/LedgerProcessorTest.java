package io.transfermonitor.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.Forwarded;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.match.RuleMatcher;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerProcessorTest {

  private static final String KEY = Events.REFINED_CAP + "/2024-01-01/OBSERVED";

  private final MockProcessorContext<String, LedgerUpdate> context = new MockProcessorContext<>();
  private final LedgerProcessor processor =
      new LedgerProcessor("ledgers", "rules", Duration.ofSeconds(1));
  private final Rule cap = Events.defaultRule(Events.REFINED_CAP);
  private KeyValueStore<String, Rule> rules;
  private KeyValueStore<String, Ledger> ledgers;

  @BeforeEach
  void init() {
    rules = MockStores.rules(context, cap);
    ledgers = MockStores.keyValue(context, "ledgers", new JsonSerde<>(Ledger.class));
    context.setCurrentSystemTimeMs(1_000);
    processor.init(context);
  }

  @Test
  void shouldCountAFactAndRaiseTheLevelsItReachesLowestFirstWithTheNewUsage() {
    // when
    count("d1", 460_000);

    // then
    assertThat(levels()).containsExactly("NOTICE_75", "NOTICE_90");
    assertThat(usages()).hasSize(1);
    assertThat(context.forwarded()).allSatisfy(f -> assertThat(f.record().key()).isEqualTo(KEY));
    assertThat(ledgers.get(KEY).total()).isEqualTo(460_000.0);
    assertThat(ledgers.get(KEY).raisedLevels()).containsExactly("NOTICE_75", "NOTICE_90");
  }

  @Test
  void shouldNotCountAFactWhoseRuleWasRemovedAfterItWasRouted() {
    // given
    rules.delete(cap.getRuleId());

    // when
    count("d1", 460_000);

    // then
    assertThat(context.forwarded()).isEmpty();
    assertThat(ledgers.get(KEY)).isNull();
  }

  @Test
  void shouldRaiseTheLevelsALoweredLimitCrossesAtTheNextRecheckWithoutAnEvent() {
    // given
    count("d1", 380_000);
    context.resetForwards();
    rules.put(cap.getRuleId(), Rule.newBuilder(cap).setLimit(400_000.0).build());

    // when
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(1_000);

    // then: 380,000 of 400,000 is 95 %
    assertThat(levels()).containsExactly("NOTICE_90", "CEASE_SUPPLY_95");
    assertThat(usages()).singleElement().satisfies(u -> assertThat(u.getLimit()).isEqualTo(4e5));
  }

  @Test
  void shouldCountACorroboratedObservationByItsDeliverysChangeInTheDeliverysPeriod() {
    // given: a delivery first seen on 31 December 2023, seen again on 1 January 2024
    Fact later =
        Events.secondSighting(
            "b", "2024-01-01T03:00:00Z", "2023-12-31T22:00:00Z", 200_000, 210_000);

    // when
    processor.process(new Record<>(Events.REFINED_CAP, routed(later), 0));

    // then
    Ledger of2023 = ledgers.get(Events.REFINED_CAP + "/2023-01-01/OBSERVED");
    assertThat(of2023.total()).isEqualTo(10_000.0);
    assertThat(of2023.eventCount()).isEqualTo(1);
    assertThat(of2023.deliveries()).isZero();
    assertThat(of2023.corroboratedDeliveryCount()).isEqualTo(1);
    assertThat(of2023.lastSources()).containsExactly("imagery", "AIS");
    assertThat(of2023.originTotals()).containsExactly(Map.entry("RUS", 10_000.0));
    assertThat(ledgers.get(KEY)).isNull();
  }

  @Test
  void shouldTellTheRouteOfATotalOnlyWhileEveryCountedEventSharesIt() {
    // given
    count("d1", 200_000);

    // when
    count("d2", 200_000);
    Ledger sameRoute = ledgers.get(KEY);
    TankerDelivery fromChina = Events.refined("d3", "2024-03-02T00:00:00Z", 1_000);
    fromChina.getHeader().setOrigin("CHN");
    processor.process(new Record<>(Events.REFINED_CAP, routed(Fact.of(fromChina)), 0));

    // then
    assertThat(sameRoute.sharedOrigin()).isEqualTo("RUS");
    assertThat(sameRoute.sharedDestination()).isEqualTo("PRK");
    assertThat(ledgers.get(KEY).sharedOrigin()).isNull();
    assertThat(ledgers.get(KEY).sharedDestination()).isEqualTo("PRK");
  }

  private void count(String eventId, double barrels) {
    Fact fact = Fact.of(Events.refined(eventId, "2024-03-01T00:00:00Z", barrels));
    processor.process(new Record<>(Events.REFINED_CAP, routed(fact), 0));
  }

  /** {@code fact} as the cap's partial sum of one fact, as a task that read it sends it. */
  private LedgerBatch routed(Fact fact) {
    LedgerPartial partial =
        LedgerPartial.none(
                cap.getRuleId(),
                ReportingPeriod.of(cap.getPeriod(), fact.contribution().time()),
                RuleMatcher.basisOf(cap, fact.sourceKind()),
                LedgerRouting.unitOf(cap))
            .add(fact, LedgerRouting.amountFor(cap, fact).getAsDouble());
    return new LedgerBatch(cap.getRuleId(), List.of(partial));
  }

  private List<String> levels() {
    return updates().stream()
        .flatMap(u -> u.levelsReached().stream())
        .map(l -> l.level().getLabel())
        .toList();
  }

  private List<CapUsage> usages() {
    return updates().stream().flatMap(u -> u.usages().stream()).toList();
  }

  private List<LedgerUpdate> updates() {
    return Forwarded.values(context, LedgerUpdate.class);
  }
}
