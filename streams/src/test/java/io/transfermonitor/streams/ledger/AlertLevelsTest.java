package io.transfermonitor.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleLevel;
import io.transfermonitor.streams.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLevelsTest {

  private final Rule cap = Events.defaultRule(Events.REFINED_CAP);
  private final Ledger empty =
      Ledger.open(cap.getRuleId(), ReportingPeriod.of(null, 0), Basis.OBSERVED, "BARREL");

  @Test
  void shouldReachALevelAtExactlyThresholdTimesLimit() {
    Ledger ledger = empty.add(475_000, "e1", 0, EventKind.TANKER_DELIVERY, List.of());
    assertThat(AlertLevels.newlyReached(cap, ledger))
        .extracting(RuleLevel::getLabel)
        .containsExactly("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95");
  }

  @Test
  void shouldNotReachALevelAgainOnceRaised() {
    Ledger ledger =
        empty
            .add(480_000, "e1", 0, EventKind.TANKER_DELIVERY, List.of())
            .withRaised("NOTICE_75")
            .withRaised("NOTICE_90");
    assertThat(AlertLevels.newlyReached(cap, ledger))
        .extracting(RuleLevel::getLabel)
        .containsExactly("CEASE_SUPPLY_95");
  }

  @Test
  void shouldJudgeCumulativeBanLevelsAsAbsoluteAmounts() {
    Rule troops = Events.defaultRule("unscr-1718-military-assistance");
    Ledger ledger =
        Ledger.open(troops.getRuleId(), ReportingPeriod.of(null, 0), Basis.OBSERVED, "PERSONNEL")
            .add(999, "t1", 0, EventKind.TROOP_DEPLOYMENT, List.of());
    assertThat(AlertLevels.newlyReached(troops, ledger)).isEmpty();
    assertThat(
            AlertLevels.newlyReached(
                troops, ledger.add(1, "t2", 0, EventKind.TROOP_DEPLOYMENT, List.of())))
        .extracting(RuleLevel::getLabel)
        .containsExactly("PERSONNEL_1000");
  }
}
