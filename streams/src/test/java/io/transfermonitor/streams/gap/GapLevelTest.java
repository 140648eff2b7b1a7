package io.transfermonitor.streams.gap;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.ledger.ReportingPeriod;
import org.junit.jupiter.api.Test;

class GapLevelTest {

  private final Rule rule = Events.defaultRule("reporting-gap-refined-petroleum");

  @Test
  void shouldReachTheGapAtExactlyTheRatioAndTheAmount() {
    assertThat(GapLevel.REPORTING_GAP.reached(rule, totals(200_000, 300_000))).isTrue();
    assertThat(GapLevel.REPORTING_GAP.reached(rule, totals(200_000, 299_999))).isFalse();
    // 1.5 x 100,000 but only 50,000 more
    assertThat(GapLevel.REPORTING_GAP.reached(rule, totals(100_000, 150_000))).isFalse();
  }

  @Test
  void shouldReachTheGapWhenNothingWasReportedOnceObservedPassesTheAmount() {
    assertThat(GapLevel.REPORTING_GAP.reached(rule, totals(0, 100_000))).isTrue();
    assertThat(GapLevel.REPORTING_GAP.reached(rule, totals(0, 99_999))).isFalse();
    assertThat(GapLevel.REPORTING_GAP.reached(rule, totals(0, 0))).isFalse();
  }

  @Test
  void shouldReachTheUnreportedBreachOnlyWhileReportedStaysUnderTheLimit() {
    assertThat(GapLevel.UNREPORTED_BREACH.reached(rule, totals(300_000, 500_000))).isTrue();
    assertThat(GapLevel.UNREPORTED_BREACH.reached(rule, totals(300_000, 499_999))).isFalse();
    assertThat(GapLevel.UNREPORTED_BREACH.reached(rule, totals(500_000, 900_000))).isFalse();
  }

  @Test
  void shouldCountAnyExcessWhenTheRuleSetsNeitherRatioNorAmount() {
    Rule bare = Rule.newBuilder(rule).setMinGapRatio(null).setMinGapAmount(null).build();
    assertThat(GapLevel.REPORTING_GAP.reached(bare, totals(100_000, 100_001))).isTrue();
    assertThat(GapLevel.REPORTING_GAP.reached(bare, totals(100_000, 100_000))).isFalse();
  }

  private static Comparison totals(double reported, double observed) {
    return new Comparison(
        Events.REFINED_CAP,
        ReportingPeriod.of(null, 0),
        Comparison.ALL,
        reported,
        observed,
        500_000.0,
        "BARREL");
  }
}
