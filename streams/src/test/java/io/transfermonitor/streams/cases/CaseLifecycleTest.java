package io.transfermonitor.streams.cases;

import static io.transfermonitor.streams.cases.CaseAlerts.action;
import static io.transfermonitor.streams.cases.CaseAlerts.munitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.CaseStep;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest {

  private static final long NOW = Instant.parse("2025-06-30T12:00:00Z").toEpochMilli();

  private final Case open = opened();

  @Test
  void shouldAcknowledgeSuppressResolveAndReopenRecordingWhoAndWhy() {
    // when
    Case acknowledged = apply(open, action("a1", CaseActionKind.ACKNOWLEDGE, "alice", "on it"));
    Case suppressed =
        apply(acknowledged, until(action("a2", CaseActionKind.SUPPRESS, "bob", "known"), NOW + 9));
    Case resolved = apply(suppressed, action("a3", CaseActionKind.RESOLVE, "carol", "reported"));
    Case reopened = apply(resolved, action("a4", CaseActionKind.REOPEN, "dan", "new lead"));

    // then
    assertThat(acknowledged.getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(suppressed.getStatus()).isEqualTo(CaseStatus.SUPPRESSED);
    assertThat(suppressed.getSuppressedUntil()).isEqualTo(Instant.ofEpochMilli(NOW + 9));
    assertThat(resolved.getStatus()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(resolved.getSuppressedUntil()).isNull();
    assertThat(reopened.getHistory())
        .extracting(
            CaseHistoryEntry::getStep,
            CaseHistoryEntry::getStatus,
            CaseHistoryEntry::getBy,
            CaseHistoryEntry::getReason)
        .containsExactly(
            tuple(CaseStep.OPENED, CaseStatus.OPEN, null, null),
            tuple(CaseStep.ACKNOWLEDGED, CaseStatus.ACKNOWLEDGED, "alice", "on it"),
            tuple(CaseStep.SUPPRESSED, CaseStatus.SUPPRESSED, "bob", "known"),
            tuple(CaseStep.RESOLVED, CaseStatus.RESOLVED, "carol", "reported"),
            tuple(CaseStep.REOPENED, CaseStatus.REOPENED, "dan", "new lead"));
    assertThat(CaseLifecycle.seen(reopened, "a2")).isTrue();
  }

  @Test
  void shouldReturnASuppressedCaseToItsStatusWhenLiftedOrWhenItsTimeComes() {
    // given
    Case acknowledged = apply(open, action("a1", CaseActionKind.ACKNOWLEDGE, "alice", "on it"));
    Case suppressed =
        apply(acknowledged, until(action("a2", CaseActionKind.SUPPRESS, "bob", "known"), NOW + 9));

    // when
    Case lifted = apply(suppressed, action("a3", CaseActionKind.REOPEN, "carol", "lift it"));
    Case expired = CaseLifecycle.endSuppression(suppressed, NOW + 9);

    // then
    assertThat(lifted.getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(lifted.getHistory())
        .last()
        .extracting(CaseHistoryEntry::getStep)
        .isEqualTo(CaseStep.SUPPRESSION_ENDED);
    assertThat(expired.getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(expired.getSuppressedUntil()).isNull();
    assertThat(expired.getHistory())
        .last()
        .extracting(CaseHistoryEntry::getNote)
        .asString()
        .startsWith("suppressed until 2025-06-30T12:00:00.009Z");
  }

  @Test
  void shouldRefuseIllegalTransitionsSayingWhy() {
    // given
    Case resolved = apply(open, action("a1", CaseActionKind.RESOLVE, "alice", "done"));

    // then
    assertThat(refusal(open, action("x", CaseActionKind.REOPEN, "bob", "why not")))
        .isEqualTo(
            "cannot reopen case unscr-1718-arms-embargo/PRK/RUS: it is OPEN; only a resolved or"
                + " suppressed case reopens");
    assertThat(refusal(resolved, action("x", CaseActionKind.ACKNOWLEDGE, "bob", "mine")))
        .isEqualTo(
            "cannot ack case unscr-1718-arms-embargo/PRK/RUS: it is RESOLVED; reopen it first");
    assertThat(refusal(resolved, action("x", CaseActionKind.RESOLVE, "bob", "again")))
        .endsWith("it is RESOLVED already");
    assertThat(refusal(resolved, action("x", CaseActionKind.SUPPRESS, "bob", "quiet")))
        .endsWith("it is RESOLVED and notifies nobody until it reopens");
    assertThat(refusal(open, action("x", CaseActionKind.ACKNOWLEDGE, "bob", " ")))
        .endsWith("a reason is required");
    assertThat(refusal(open, until(action("x", CaseActionKind.SUPPRESS, "bob", "q"), NOW)))
        .endsWith("the suppression would end at 2025-06-30T12:00:00Z, already past");
    assertThat(refusal(open, until(action("x", CaseActionKind.RESOLVE, "bob", "q"), NOW + 1)))
        .endsWith("only a suppression has an end ('until')");
  }

  @Test
  void shouldRecordARefusalWithoutChangingTheCase() {
    // when
    Case refused =
        CaseLifecycle.refused(
            open, action("x", CaseActionKind.REOPEN, "bob", "why not"), "cannot reopen", NOW);

    // then
    assertThat(refused.getStatus()).isEqualTo(CaseStatus.OPEN);
    assertThat(refused.getHistory())
        .last()
        .satisfies(
            e -> {
              assertThat(e.getStep()).isEqualTo(CaseStep.REFUSED);
              assertThat(e.getNote()).isEqualTo("cannot reopen");
              assertThat(e.getBy()).isEqualTo("bob");
            });
    assertThat(CaseLifecycle.seen(refused, "x")).isTrue();
  }

  private static Case apply(Case state, CaseAction action) {
    assertThat(CaseLifecycle.refusal(state, action, NOW)).isEmpty();
    return CaseLifecycle.apply(state, action, NOW);
  }

  private static String refusal(Case state, CaseAction action) {
    return CaseLifecycle.refusal(state, action, NOW).orElseThrow();
  }

  private static CaseAction until(CaseAction action, long until) {
    return CaseAction.newBuilder(action).setUntil(Instant.ofEpochMilli(until)).build();
  }

  private static Case opened() {
    var alert = munitions("m1", "2023-09-07T00:00:00Z", 120);
    CaseKey key = CaseKey.of(alert, null);
    return CaseFiling.open(key.caseId(), key.title("t"), key.grouping(), alert, NOW).state();
  }
}
