package io.transfermonitor.streams.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseActionKind;
import org.junit.jupiter.api.Test;

class CaseSizeTest {

  private final CaseSize size = new CaseSize();

  @Test
  void theBoundWithoutEncodingIsNeverBelowTheEncodedSize() {
    Case state =
        CaseFiling.open(
                CaseAlerts.ARMS_PRK_RUS,
                "Arms",
                java.util.List.of("ORIGIN=PRK"),
                CaseAlerts.munitions("e-0", "2024-03-01T00:00:00Z", 3),
                1_000)
            .state();
    for (int i = 1; i < 150; i++) {
      state =
          CaseFiling.file(
                  state, CaseAlerts.munitions("e-" + i, "2024-03-01T00:00:00Z", i), 1_000 + i)
              .state();
      // non-ASCII text takes more than a byte a character
      state =
          CaseLifecycle.apply(
              state,
              CaseAlerts.action(
                  "a-" + i,
                  i % 2 == 0 ? CaseActionKind.ACKNOWLEDGE : CaseActionKind.RESOLVE,
                  "ops",
                  "確認済み — " + "x".repeat(i * 10)),
              2_000 + i);
      assertThat(CaseSize.atMost(state, Case.getClassSchema()))
          .isGreaterThanOrEqualTo(size.of(state));
    }
    assertThat(size.over(state)).isEmpty();
  }

  @Test
  void aCaseOverTheLimitIsMeasuredExactly() {
    Case state =
        CaseFiling.open(
                CaseAlerts.ARMS_PRK_RUS,
                "Arms",
                java.util.List.of(),
                CaseAlerts.munitions("e-0", "2024-03-01T00:00:00Z", 3),
                1_000)
            .state();
    state.setTitle("t".repeat(CaseSize.MAX_BYTES));
    assertThat(size.over(state)).hasValue(size.of(state));
    // over the bound, within the limit: three bytes a character is the bound, one the size
    state.setTitle("t".repeat(CaseSize.MAX_BYTES / 2));
    assertThat(CaseSize.atMost(state, Case.getClassSchema())).isGreaterThan(CaseSize.MAX_BYTES);
    assertThat(size.over(state)).isEmpty();
  }
}
