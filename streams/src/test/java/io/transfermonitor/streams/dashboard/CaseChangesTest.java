package io.transfermonitor.streams.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.CaseChange;
import io.transfermonitor.streams.query.AlertRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseChangesTest {

  static final String ARMS = "unscr-1718-arms-embargo/PRK/RUS";
  static final String CAP = "unscr-2397-refined-petroleum-cap/2024-01-01/OBSERVED";

  @Test
  void shouldTellTheFirstBannedShipmentAsOpeningItsCaseAndTheLaterOnesAsUpdates() {
    // given 95 banned shipments filed in one open case, the first raised first
    List<AlertRow> alerts = new ArrayList<>();
    for (int i = 95; i >= 1; i--) {
      alerts.add(alert("ban/e" + i, ARMS, "CRITICAL", null, null, "2026-12-07T07:00:%02d.000Z", i));
    }

    // when
    Map<String, CaseChange> changes = CaseChanges.of(alerts);

    // then the first is critical news, the 95th one more alert in a case already critical
    assertThat(changes).hasSize(95).containsEntry("ban/e1", CaseChange.OPENED);
    assertThat(changes.get("ban/e95")).isEqualTo(CaseChange.UPDATED);
    assertThat(changes.values()).filteredOn(c -> c == CaseChange.UPDATED).hasSize(94);
  }

  @Test
  void shouldTellEachHigherLevelOfACapAsEscalatingItsCase() {
    // given a cap period's levels, two raised by the same delivery (same instant), and an alert of
    // another case
    List<AlertRow> alerts =
        List.of(
            alert(
                CAP + "/NOTICE_90", CAP, "HIGH", "NOTICE_90", 0.9, "2026-12-07T07:00:%02d.000Z", 5),
            alert(
                CAP + "/NOTICE_75",
                CAP,
                "MEDIUM",
                "NOTICE_75",
                0.75,
                "2026-12-07T07:00:%02d.000Z",
                5),
            alert(
                CAP + "/CEASE_95", CAP, "HIGH", "CEASE_95", 0.95, "2026-12-07T07:00:%02d.000Z", 6),
            alert(CAP + "/BREACH", CAP, "CRITICAL", "BREACH", 1.0, "2026-12-07T07:00:%02d.000Z", 7),
            alert("ban/e1", ARMS, "CRITICAL", null, null, "2026-12-07T07:00:%02d.000Z", 8),
            alert("old/e1", null, "CRITICAL", null, null, "2026-12-07T07:00:%02d.000Z", 9));

    // when
    Map<String, CaseChange> changes = CaseChanges.of(alerts);

    // then the lower level opened it, every higher one escalated it; no case, no change told
    assertThat(changes)
        .containsOnly(
            entry(CAP + "/NOTICE_75", CaseChange.OPENED),
            entry(CAP + "/NOTICE_90", CaseChange.ESCALATED),
            entry(CAP + "/CEASE_95", CaseChange.ESCALATED),
            entry(CAP + "/BREACH", CaseChange.ESCALATED),
            entry("ban/e1", CaseChange.OPENED));
  }

  @Test
  void shouldCountWhatTheAlertsDidInTheSummaryAndTellItWithTheLatest() {
    // given three alerts of one case
    List<AlertRow> alerts =
        List.of(
            alert("ban/e1", ARMS, "CRITICAL", null, null, "2026-12-07T07:00:%02d.000Z", 1),
            alert("ban/e2", ARMS, "CRITICAL", null, null, "2026-12-07T07:00:%02d.000Z", 2),
            alert("ban/e3", ARMS, "CRITICAL", null, null, "2026-12-07T07:00:%02d.000Z", 3));

    // when
    AlertSummary summary = AlertSummary.of(alerts, 10);

    // then
    assertThat(summary.byCaseChange()).isEqualTo(Map.of("OPENED", 1L, "UPDATED", 2L));
    assertThat(summary.bySeverity()).isEqualTo(Map.of("CRITICAL", 3L));
    assertThat(summary.latest())
        .extracting(AlertRow::alertId, AlertRow::caseChange)
        .contains(tuple("ban/e1", "OPENED"), tuple("ban/e3", "UPDATED"));
  }

  private static AlertRow alert(
      String id,
      String caseId,
      String severity,
      String level,
      Double threshold,
      String processedAt,
      int second) {
    String at = String.format(processedAt, second);
    return new AlertRow(
        id,
        id.split("/")[0],
        "BAN",
        severity,
        "basis",
        null,
        null,
        level,
        null,
        null,
        null,
        null,
        "2024-01-01T00:00:00Z",
        at,
        "m",
        List.of(),
        List.of(),
        List.of(),
        caseId,
        threshold,
        List.of(),
        null);
  }
}
