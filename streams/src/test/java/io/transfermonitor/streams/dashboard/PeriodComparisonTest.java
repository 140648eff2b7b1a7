package io.transfermonitor.streams.dashboard;

import static io.transfermonitor.streams.dashboard.CapBarTest.RULE;
import static io.transfermonitor.streams.dashboard.CapBarTest.ledger;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Basis;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodComparisonTest {

  @Test
  void shouldSetTheReportedAndObservedTotalsOfAPeriodSideBySide() {
    // given both bases of 2024
    List<CapBar> bars =
        List.of(
            CapBar.of(ledger(Basis.OBSERVED, 1_101_000, List.of()), RULE),
            CapBar.of(ledger(Basis.REPORTED, 300_600, List.of()), RULE));

    // when
    List<PeriodComparison> compared = PeriodComparison.of(bars);

    // then
    assertThat(compared)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.periodStart()).isEqualTo("2024-01-01");
              assertThat(c.reported()).isEqualTo(300_600);
              assertThat(c.observed()).isEqualTo(1_101_000);
              assertThat(c.limit()).isEqualTo(500_000.0);
            });
  }

  @Test
  void shouldCountABasisNothingWasReportedForAsZero() {
    List<PeriodComparison> compared =
        PeriodComparison.of(List.of(CapBar.of(ledger(Basis.OBSERVED, 50_000, List.of()), RULE)));

    assertThat(compared).singleElement().satisfies(c -> assertThat(c.reported()).isZero());
  }
}
