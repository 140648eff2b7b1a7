package io.transfermonitor.streams.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.PeriodSpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportingPeriodTest {

  private static final PeriodSpec CRUDE = new PeriodSpec(12, 22, 12);

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void shouldPutEventsInTheCalendarYearWhenNoPeriodIsGiven() {
    assertThat(ReportingPeriod.of(null, at("2024-12-31T23:59:59.999Z")))
        .hasToString("2024-01-01..2025-01-01");
    assertThat(ReportingPeriod.of(null, at("2025-01-01T00:00:00Z")))
        .hasToString("2025-01-01..2026-01-01");
  }

  @Test
  void shouldAnchorCrudePeriodsOnTwentySecondDecemberInUtc() {
    assertThat(ReportingPeriod.of(CRUDE, at("2024-12-21T23:59:59Z")))
        .hasToString("2023-12-22..2024-12-22");
    assertThat(ReportingPeriod.of(CRUDE, at("2024-12-22T00:00:00Z")))
        .hasToString("2024-12-22..2025-12-22");
    assertThat(ReportingPeriod.of(CRUDE, at("2025-03-01T00:00:00Z")))
        .hasToString("2024-12-22..2025-12-22");
  }

  @Test
  void shouldSplitTheYearIntoShorterPeriodsFromTheAnchor() {
    PeriodSpec quarters = new PeriodSpec(1, 1, 3);
    ReportingPeriod period = ReportingPeriod.of(quarters, at("2024-08-15T00:00:00Z"));
    assertThat(period).hasToString("2024-07-01..2024-10-01");
    assertThat(period.startMillis()).isEqualTo(at("2024-07-01T00:00:00Z"));
    assertThat(period.endMillis()).isEqualTo(at("2024-10-01T00:00:00Z"));
  }

  @Test
  void shouldRefuseAnchorsThatAreNotInEveryYear() {
    assertThatThrownBy(() -> ReportingPeriod.of(new PeriodSpec(2, 30, 12), 0))
        .hasMessageContaining("anchorDay must be 1-28");
    assertThatThrownBy(() -> ReportingPeriod.of(new PeriodSpec(1, 1, 5), 0))
        .hasMessageContaining("lengthMonths must divide 12");
  }
}
