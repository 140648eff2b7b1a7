package io.transfermonitor.streams.gap;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.ReportingGap;
import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.Forwarded;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.ledger.JsonSerde;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.LedgerUpdate;
import io.transfermonitor.streams.ledger.ReportingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportingGapProcessorTest {

  private static final String GAP_RULE = "reporting-gap-refined-petroleum";
  private static final ReportingPeriod Y2024 =
      ReportingPeriod.of(null, Instant.parse("2024-06-01T00:00:00Z").toEpochMilli());

  private final MockProcessorContext<String, GapUpdate> context = new MockProcessorContext<>();
  private final ReportingGapProcessor processor =
      new ReportingGapProcessor("reporting-gaps", "ledgers", "rules", Duration.ofSeconds(1));
  private final Rule gapRule = Events.defaultRule(GAP_RULE);
  private KeyValueStore<String, Rule> rules;
  private KeyValueStore<String, Ledger> ledgers;

  @BeforeEach
  void init() {
    rules = MockStores.rules(context, Events.defaultRule(Events.REFINED_CAP), gapRule);
    ledgers = MockStores.keyValue(context, "ledgers", new JsonSerde<>(Ledger.class));
    MockStores.keyValue(context, "reporting-gaps", new JsonSerde<>(GapState.class));
    context.setCurrentSystemTimeMs(1_000);
    processor.init(context);
  }

  @Test
  void shouldRaiseEachLevelOnceAndPublishOnlyAComparisonThatMoved() {
    // given
    count(Basis.REPORTED, "r1", 100_000);
    count(Basis.OBSERVED, "o1", 300_000);

    // when: the same ledger change twice
    changed(Basis.OBSERVED);
    changed(Basis.OBSERVED);

    // then
    assertThat(levels()).containsExactly("ALL/REPORTING_GAP", "RUS/REPORTING_GAP");
    assertThat(gaps()).extracting(ReportingGap::getScope).containsExactly("ALL", "RUS");
  }

  @Test
  void shouldCompareNothingForADisabledRuleOrOneComparingAnotherCap() {
    // given
    rules.put(GAP_RULE, Rule.newBuilder(gapRule).setEnabled(false).build());
    rules.put(
        "gap-of-crude",
        Rule.newBuilder(gapRule)
            .setRuleId("gap-of-crude")
            .setComparesRuleId(Events.CRUDE_CAP)
            .build());
    count(Basis.OBSERVED, "o1", 300_000);

    // when
    changed(Basis.OBSERVED);

    // then
    assertThat(context.forwarded()).isEmpty();
  }

  @Test
  void shouldJudgeTheTotalsAlreadyCountedWhenARuleArrivesWithoutAnEvent() {
    // given: totals counted while no DISCREPANCY rule existed
    rules.delete(GAP_RULE);
    count(Basis.REPORTED, "r1", 100_000);
    count(Basis.OBSERVED, "o1", 600_000);
    punctuate();
    assertThat(context.forwarded()).isEmpty();

    // when
    rules.put(GAP_RULE, gapRule);
    punctuate();

    // then
    assertThat(levels())
        .containsExactly(
            "ALL/REPORTING_GAP",
            "ALL/UNREPORTED_BREACH",
            "RUS/REPORTING_GAP",
            "RUS/UNREPORTED_BREACH");
    context.resetForwards();
    punctuate();
    assertThat(context.forwarded()).isEmpty();
  }

  private void count(Basis basis, String eventId, double barrels) {
    String key = Ledger.key(Events.REFINED_CAP, Y2024, basis);
    Ledger ledger = ledgers.get(key);
    if (ledger == null) {
      ledger = Ledger.open(Events.REFINED_CAP, Y2024, basis, "BARREL");
    }
    Fact fact = Fact.of(Events.refined(eventId, "2024-06-01T00:00:00Z", barrels));
    ledgers.put(key, ledger.add(fact, barrels));
  }

  private void changed(Basis basis) {
    CapUsage usage =
        CapUsage.newBuilder()
            .setRuleId(Events.REFINED_CAP)
            .setPeriodStart(Instant.ofEpochMilli(Y2024.startMillis()))
            .setPeriodEnd(Instant.ofEpochMilli(Y2024.endMillis()))
            .setBasis(basis)
            .setTotal(0)
            .setUnit("BARREL")
            .setEventCount(1)
            .setUpdatedAt(Instant.EPOCH)
            .build();
    processor.process(new Record<>(Events.REFINED_CAP, new LedgerUpdate.UsageChanged(usage), 0));
  }

  private void punctuate() {
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(1_000);
  }

  private List<String> levels() {
    return updates().stream()
        .flatMap(u -> u.levelsReached().stream())
        .map(g -> g.comparison().scope() + "/" + g.level())
        .toList();
  }

  private List<ReportingGap> gaps() {
    return updates().stream().flatMap(u -> u.gaps().stream()).toList();
  }

  private List<GapUpdate> updates() {
    return Forwarded.values(context, GapUpdate.class);
  }
}
