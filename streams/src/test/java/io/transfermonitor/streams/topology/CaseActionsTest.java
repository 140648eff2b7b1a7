package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.containers;
import static io.transfermonitor.streams.Events.defaultRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.CaseChange;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.CaseStep;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operator actions on a case, from the case-actions topic through the production topology. */
class CaseActionsTest {

  private static final String CASE = "unscr-1718-arms-embargo/PRK/RUS";

  private final MonitorDriver monitor = new MonitorDriver();
  private int shipments;
  private int actions;

  @BeforeEach
  void openTheCase() {
    monitor.rules(defaultRules());
    ship();
  }

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldKeepCountingASuppressedCaseSilentlyAndTellWhatCameWhenTheSuppressionEnds() {
    // given
    act(CaseActionKind.ACKNOWLEDGE, "alice", "desk is on it", null);
    act(
        CaseActionKind.SUPPRESS,
        "bob",
        "route known, reported",
        MonitorDriver.NOW.plus(Duration.ofHours(1)));

    // when
    ship();
    ship();
    Case whileSuppressed = monitor.caseOf(CASE);
    int notificationsWhileSuppressed = monitor.notifications().size();
    monitor.advanceClock(Duration.ofHours(1));

    // then
    assertThat(whileSuppressed.getStatus()).isEqualTo(CaseStatus.SUPPRESSED);
    assertThat(whileSuppressed.getAlertCount()).isEqualTo(3);
    assertThat(whileSuppressed.getTotals().get(0).getAmount()).isEqualTo(300.0);
    assertThat(notificationsWhileSuppressed).isEqualTo(1);
    assertThat(monitor.caseOf(CASE).getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(monitor.notifications())
        .extracting(CaseNotification::getKind, CaseNotification::getNewAlerts)
        .containsExactly(tuple(CaseChange.OPENED, 1L), tuple(CaseChange.UPDATED, 2L));
  }

  @Test
  void shouldReopenAResolvedCaseOnNewEvidenceAndListEveryStepWithWhoAndWhy() {
    // given
    act(CaseActionKind.RESOLVE, "carol", "reported to the 1718 Committee", null);

    // when
    ship();

    // then
    Case reopened = monitor.caseOf(CASE);
    assertThat(reopened.getStatus()).isEqualTo(CaseStatus.REOPENED);
    assertThat(reopened.getHistory())
        .extracting(CaseHistoryEntry::getStep, CaseHistoryEntry::getBy, CaseHistoryEntry::getReason)
        .containsExactly(
            tuple(CaseStep.OPENED, null, null),
            tuple(CaseStep.RESOLVED, "carol", "reported to the 1718 Committee"),
            tuple(CaseStep.REOPENED, null, null));
    assertThat(monitor.notifications())
        .extracting(CaseNotification::getKind)
        .containsExactly(CaseChange.OPENED, CaseChange.REOPENED);
  }

  @Test
  void shouldRefuseAnIllegalActionAndRecordTheRefusal() {
    // when
    act(CaseActionKind.REOPEN, "dan", "just in case", null);

    // then
    assertThat(monitor.caseOf(CASE).getStatus()).isEqualTo(CaseStatus.OPEN);
    assertThat(monitor.caseOf(CASE).getHistory())
        .last()
        .extracting(CaseHistoryEntry::getStep)
        .isEqualTo(CaseStep.REFUSED);
    assertThat(monitor.rejected.readValuesToList())
        .singleElement()
        .satisfies(
            (RejectedEvent r) -> {
              assertThat(r.getStage()).isEqualTo(RejectionStage.CASE_ACTION);
              assertThat(r.getReason())
                  .isEqualTo(
                      "cannot reopen case "
                          + CASE
                          + ": it is OPEN; only a resolved or suppressed case reopens");
            });
  }

  @Test
  void shouldCountARefusedActionInTheRejectionMetricAsItIsWrittenToTheRejectedTopic() {
    // given
    double before = monitor.count("tm.events.rejected", "stage", "CASE_ACTION");

    // when
    act(CaseActionKind.REOPEN, "dan", "just in case", null);

    // then: one on the topic, one in the metric, with the reason tag of a refused action
    assertThat(monitor.rejected.readValuesToList()).hasSize(1);
    assertThat(monitor.count("tm.events.rejected", "stage", "CASE_ACTION") - before).isEqualTo(1);
    assertThat(monitor.count("tm.events.rejected", "reason", "action")).isEqualTo(1);
  }

  @Test
  void shouldCutAnOverLongReasonSayingSoAndWriteEveryStepToTheAuditTopic() {
    // when: a reason of 120,000 characters, from a producer other than the CLI
    act(CaseActionKind.ACKNOWLEDGE, "erin", "x".repeat(120_000), null);

    // then: the case keeps its start and says it was cut, and where the whole action is
    CaseHistoryEntry acknowledged = monitor.caseOf(CASE).getHistory().get(1);
    assertThat(acknowledged.getReasonCutFrom()).isEqualTo(120_000);
    assertThat(acknowledged.getReason())
        .startsWith("x".repeat(4_000) + " [… cut by the monitor: 120,000 characters written")
        .endsWith("the first 4,000 kept; the whole action is at tm.case-actions-0@0]")
        .hasSizeLessThan(4_200);
    assertThat(monitor.casesAudit.readKeyValuesToList())
        .extracting(kv -> kv.key, kv -> kv.value.getStep(), kv -> kv.value.getReasonCutFrom())
        .containsExactly(
            tuple(CASE, CaseStep.OPENED, null), tuple(CASE, CaseStep.ACKNOWLEDGED, 120_000));
  }

  @Test
  void shouldKeepTheLatestStepsInTheCaseAndEveryStepOnTheAuditTopic() {
    // when: 30 actions, ack, resolve and reopen in turn
    CaseActionKind[] cycle = {
      CaseActionKind.ACKNOWLEDGE, CaseActionKind.RESOLVE, CaseActionKind.REOPEN
    };
    for (int i = 0; i < 30; i++) {
      act(cycle[i % 3], "frank", "note " + i, null);
    }

    // then
    Case state = monitor.caseOf(CASE);
    assertThat(state.getStatus()).isEqualTo(CaseStatus.REOPENED);
    assertThat(state.getHistory()).hasSize(20);
    assertThat(state.getEarlierSteps()).isEqualTo(11);
    assertThat(state.getHistory())
        .last()
        .extracting(CaseHistoryEntry::getReason)
        .isEqualTo("note 29");
    assertThat(monitor.casesAudit.readValuesToList())
        .hasSize(31)
        .extracting(CaseHistoryEntry::getReason)
        .startsWith(null, "note 0", "note 1")
        .endsWith("note 29");
    assertThat(monitor.rejected.readValuesToList()).isEmpty();
  }

  private void ship() {
    shipments++;
    monitor.send(
        containers(
            "m" + shipments, "2023-09-0" + shipments + "T00:00:00Z", CargoCategory.MUNITIONS, 100));
  }

  private void act(CaseActionKind kind, String by, String reason, Instant until) {
    monitor.act(
        CaseAction.newBuilder()
            .setActionId("action-" + ++actions)
            .setCaseId(CASE)
            .setAction(kind)
            .setBy(by)
            .setReason(reason)
            .setRequestedAt(MonitorDriver.NOW)
            .setUntil(until)
            .build());
  }
}
