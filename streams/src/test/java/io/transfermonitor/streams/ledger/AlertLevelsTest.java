package io.transfermonitor.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleLevel;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.fact.Fact;
import org.junit.jupiter.api.Test;

class AlertLevelsTest {

  private final Rule cap = Events.defaultRule(Events.REFINED_CAP);
  private final Ledger empty =
      Ledger.open(cap.getRuleId(), ReportingPeriod.of(null, 0), Basis.OBSERVED, "BARREL");

  @Test
  void shouldReachALevelAtExactlyThresholdTimesLimit() {
    Ledger ledger = empty.add(delivery("e1", 475_000), 475_000);
    assertThat(AlertLevels.newlyReached(cap, ledger))
        .extracting(RuleLevel::getLabel)
        .containsExactly("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95");
  }

  @Test
  void shouldNotReachALevelAgainOnceRaised() {
    Ledger ledger =
        empty.add(delivery("e1", 480_000), 480_000).withRaised("NOTICE_75").withRaised("NOTICE_90");
    assertThat(AlertLevels.newlyReached(cap, ledger))
        .extracting(RuleLevel::getLabel)
        .containsExactly("CEASE_SUPPLY_95");
  }

  @Test
  void shouldJudgeCumulativeBanLevelsAsAbsoluteAmounts() {
    Rule troops = Events.defaultRule("unscr-1718-military-assistance");
    Ledger ledger =
        Ledger.open(troops.getRuleId(), ReportingPeriod.of(null, 0), Basis.OBSERVED, "PERSONNEL")
            .add(troops("t1", 999), 999);
    assertThat(AlertLevels.newlyReached(troops, ledger)).isEmpty();
    assertThat(AlertLevels.newlyReached(troops, ledger.add(troops("t2", 1), 1)))
        .extracting(RuleLevel::getLabel)
        .containsExactly("PERSONNEL_1000");
  }

  private static Fact delivery(String id, double barrels) {
    return Fact.of(Events.refined(id, "1970-01-01T00:00:00Z", barrels));
  }

  private static Fact troops(String id, int personnel) {
    return Fact.of(Events.troops(id, "1970-01-01T00:00:00Z", personnel));
  }
}
