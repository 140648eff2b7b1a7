package io.transfermonitor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.streams.gap.GapState;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class GapRowTest {

  @Test
  void shouldShowTheGapOfOneSupplyingStateWithTheLevelsRaised() {
    // given the stage's entry for Russia in 2024
    GapState state =
        new GapState(
            300_600, 1_101_000, 500_000.0, List.of("REPORTING_GAP", "UNREPORTED_BREACH"), 40, 1);

    // when
    GapRow row = GapRow.of("reporting-gap-refined-petroleum/2024-01-01/RUS", state);

    // then
    assertThat(row.ruleId()).isEqualTo("reporting-gap-refined-petroleum");
    assertThat(row.periodStart()).isEqualTo("2024-01-01");
    assertThat(row.scope()).isEqualTo("RUS");
    assertThat(row.reported()).isEqualTo(300_600);
    assertThat(row.observed()).isEqualTo(1_101_000);
    assertThat(row.ratio()).isCloseTo(3.66, Offset.offset(0.01));
    assertThat(row.raisedLevels()).containsExactly("REPORTING_GAP", "UNREPORTED_BREACH");
  }

  @Test
  void shouldGiveNoRatioWhenNothingWasReported() {
    GapRow row = GapRow.of("gap/2024-01-01/ALL", new GapState(0, 50_000, null, List.of(), 1, 0));

    assertThat(row.ratio()).isNull();
    assertThat(row.raisedLevels()).isEmpty();
  }
}
