package io.transfermonitor.streams.cases;

import static io.transfermonitor.streams.cases.CaseAlerts.action;
import static io.transfermonitor.streams.cases.CaseAlerts.munitions;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseStep;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseHistoryTest {

  private static final long NOW = Instant.parse("2025-06-30T12:00:00Z").toEpochMilli();
  private static final CaseActionKind[] CYCLE = {
    CaseActionKind.ACKNOWLEDGE, CaseActionKind.RESOLVE, CaseActionKind.REOPEN
  };

  @Test
  void shouldKeepTheLatestStepsWithTheirFullTextAndCountTheEarlierOnes() {
    // given: opened, then 30 actions with reasons of 4,000 characters each
    Case state = opened();

    // when
    for (int i = 0; i < 30; i++) {
      state = act(state, i, String.valueOf(i % 10).repeat(4_000));
    }

    // then
    assertThat(state.getHistory()).hasSize(CaseHistory.KEPT);
    assertThat(state.getEarlierSteps()).isEqualTo(31 - CaseHistory.KEPT);
    assertThat(CaseHistory.steps(state)).isEqualTo(31);
    assertThat(state.getHistory().get(0).getActionId()).isEqualTo("a10");
    assertThat(state.getHistory())
        .last()
        .satisfies(
            e -> {
              assertThat(e.getActionId()).isEqualTo("a29");
              assertThat(e.getReason()).isEqualTo("9".repeat(4_000));
            });
  }

  @Test
  void shouldKnowAnActionWhoseStepLeftTheHistory() {
    // given
    Case state = act(opened(), 0, "first");

    // when
    for (int i = 1; i <= 25; i++) {
      state = act(state, i, "later");
    }

    // then: its step is gone, its id is kept, so it is not applied again
    assertThat(state.getHistory()).noneMatch(e -> "a0".equals(e.getActionId()));
    assertThat(CaseHistory.seen(state, "a0")).isTrue();
    assertThat(CaseHistory.seen(state, "a26")).isFalse();
  }

  @Test
  void shouldKeepTheLatestActionIdsOnly() {
    // given
    Case state = opened();

    // when
    for (int i = 0; i < CaseHistory.ACTION_IDS + 5; i++) {
      state = act(state, i, "r");
    }

    // then
    assertThat(state.getActionIds())
        .hasSize(CaseHistory.ACTION_IDS)
        .startsWith("a5")
        .endsWith("a" + (CaseHistory.ACTION_IDS + 4));
  }

  @Test
  void shouldNameTheStepsTakenSinceTheCaseAsItWas() {
    // given: a case at its cap of steps
    Case state = opened();
    for (int i = 0; i < 25; i++) {
      state = act(state, i, "r" + i);
    }

    // when
    Case next = act(state, 25, "the latest");

    // then
    assertThat(CaseHistory.newSteps(state, next))
        .extracting(CaseHistoryEntry::getReason)
        .containsExactly("the latest");
    assertThat(CaseHistory.newSteps(null, opened()))
        .extracting(CaseHistoryEntry::getStep)
        .containsExactly(CaseStep.OPENED);
  }

  private static Case act(Case state, int i, String reason) {
    return CaseLifecycle.apply(state, action("a" + i, CYCLE[i % 3], "alice", reason), NOW + i);
  }

  private static Case opened() {
    return CaseFiling.open(
            CaseAlerts.ARMS_PRK_RUS,
            "title",
            List.of(),
            munitions("m1", "2023-09-07T00:00:00Z", 120),
            NOW)
        .state();
  }
}
