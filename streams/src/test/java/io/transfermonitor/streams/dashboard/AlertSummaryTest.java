package io.transfermonitor.streams.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.streams.query.AlertRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertSummaryTest {

  @Test
  void shouldCountEveryAlertAndListTheLatestByEventTimeFirst() {
    // given three alerts of two rules
    List<AlertRow> alerts =
        List.of(
            alert("ban/e1", "ban", "CRITICAL", "2023-09-07T00:00:00Z"),
            alert("cap/2024/OBSERVED/BREACH", "cap", "CRITICAL", "2024-06-18T06:00:00Z"),
            alert("cap/2024/OBSERVED/NOTICE_75", "cap", "MEDIUM", "2024-05-19T06:00:00Z"));

    // when the two latest are asked for
    AlertSummary summary = AlertSummary.of(alerts, 2);

    // then
    assertThat(summary.total()).isEqualTo(3);
    assertThat(summary.bySeverity()).isEqualTo(Map.of("CRITICAL", 2L, "MEDIUM", 1L));
    assertThat(summary.byRule())
        .isEqualTo(
            Map.of("ban", Map.of("CRITICAL", 1L), "cap", Map.of("CRITICAL", 1L, "MEDIUM", 1L)));
    assertThat(summary.latest())
        .extracting(AlertRow::alertId)
        .containsExactly("cap/2024/OBSERVED/BREACH", "cap/2024/OBSERVED/NOTICE_75");
  }

  private static AlertRow alert(String id, String rule, String severity, String eventTime) {
    return new AlertRow(
        id, rule, "CAP", severity, "basis", null, null, null, null, null, null, null, eventTime,
        eventTime, "m", List.of(), List.of(), List.of(), null, null, List.of(), null);
  }
}
