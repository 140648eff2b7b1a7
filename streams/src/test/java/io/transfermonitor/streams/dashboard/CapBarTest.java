package io.transfermonitor.streams.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Basis;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.ReportingPeriod;
import io.transfermonitor.streams.query.RuleRow;
import io.transfermonitor.streams.query.RuleRow.Level;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CapBarTest {

  static final String CAP = "unscr-2397-refined-petroleum-cap";
  static final ReportingPeriod Y2024 =
      new ReportingPeriod(LocalDate.parse("2024-01-01"), LocalDate.parse("2025-01-01"));
  static final RuleRow RULE =
      new RuleRow(
          CAP,
          "CAP",
          "Refined petroleum supplied to the DPRK",
          "UNSCR 2397 (2017) OP5",
          500_000.0,
          "BARREL",
          List.of(
              new Level("NOTICE_75", "MEDIUM", 0.75),
              new Level("NOTICE_90", "HIGH", 0.9),
              new Level("BREACH", "CRITICAL", 1.0)));

  static Ledger ledger(Basis basis, double total, List<String> raised) {
    return Ledger.open(CAP, Y2024, basis, "BARREL").toBuilder()
        .total(total)
        .eventCount(3)
        .raisedLevels(raised)
        .build();
  }

  @Test
  void shouldMarkEachLevelAtItsAmountAndSayWhichAreReached() {
    // given a ledger at 460,000 of 500,000 bbl with two levels raised
    Ledger ledger = ledger(Basis.OBSERVED, 460_000, List.of("NOTICE_75", "NOTICE_90"));

    // when
    CapBar bar = CapBar.of(ledger, RULE);

    // then
    assertThat(bar.periodStart()).isEqualTo("2024-01-01");
    assertThat(bar.periodEnd()).isEqualTo("2025-01-01");
    assertThat(bar.basis()).isEqualTo("OBSERVED");
    assertThat(bar.ratio()).isEqualTo(0.92);
    assertThat(bar.levels())
        .extracting(CapBar.LevelMark::label, CapBar.LevelMark::amount, CapBar.LevelMark::reached)
        .containsExactly(
            tuple("NOTICE_75", 375_000.0, true),
            tuple("NOTICE_90", 450_000.0, true),
            tuple("BREACH", 500_000.0, false));
  }

  @Test
  void shouldJudgeAgainstTheRulesLimitInForce() {
    // given a limit lowered to 400,000 bbl since the ledger was last judged
    RuleRow lowered =
        new RuleRow(
            CAP, "CAP", RULE.title(), RULE.legalBasis(), 400_000.0, "BARREL", RULE.levels());

    // when
    CapBar bar = CapBar.of(ledger(Basis.OBSERVED, 460_000, List.of()), lowered);

    // then
    assertThat(bar.limit()).isEqualTo(400_000.0);
    assertThat(bar.ratio()).isEqualTo(1.15);
  }

  @Test
  void shouldKeepTheLedgerOfARemovedCapAsAFrozenBarAtTheLimitItWasLastJudgedBy() {
    // given: a ledger judged against 500,000 bbl, whose rule has since been removed
    Ledger ledger = ledger(Basis.OBSERVED, 480_000, List.of("NOTICE_75")).withLimit(500_000.0);

    // when
    CapBar bar = CapBar.frozen(ledger);

    // then
    assertThat(bar.removed()).isTrue();
    assertThat(bar.total()).isEqualTo(480_000.0);
    assertThat(bar.ratio()).isEqualTo(0.96);
    assertThat(bar.title()).contains("removed").contains("no longer counting");
    assertThat(CapBar.of(ledger, RULE).removed()).isFalse();
  }

  @Test
  void shouldTellTheTotalAtEachMonthsEndUpToTheLastMonthCounted() {
    // given 200,000 bbl by event time in February, none in March, 130,000.5 in April
    Ledger ledger =
        ledger(Basis.OBSERVED, 330_000.5, List.of()).toBuilder()
            .monthlyTotals(new TreeMap<>(Map.of("2024-02", 200_000.0, "2024-04", 130_000.5)))
            .build();

    // when
    CapBar bar = CapBar.of(ledger, RULE);

    // then the line starts with the period, stays flat in the quiet months, ends at the total
    assertThat(bar.filling())
        .extracting(CapBar.MonthEnd::month, CapBar.MonthEnd::total)
        .containsExactly(
            tuple("2024-01", 0.0),
            tuple("2024-02", 200_000.0),
            tuple("2024-03", 200_000.0),
            tuple("2024-04", 330_000.5));
    assertThat(bar.filling().get(bar.filling().size() - 1).total()).isEqualTo(bar.total());
    assertThat(CapBar.frozen(ledger).filling()).isEqualTo(bar.filling());
  }

  @Test
  void shouldHaveNoLineForACapThatCountedNothing() {
    assertThat(CapBar.of(ledger(Basis.REPORTED, 0, List.of()), RULE).filling()).isEmpty();
  }
}
