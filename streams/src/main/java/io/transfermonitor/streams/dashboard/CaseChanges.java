package io.transfermonitor.streams.dashboard;

import io.transfermonitor.model.CaseChange;
import io.transfermonitor.model.Severity;
import io.transfermonitor.streams.query.AlertRow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What each alert did to its case, so a severity keeps its meaning on the page: the first alert of
 * a case OPENED it, one with a higher severity or a higher level ESCALATED it, and every other is
 * an UPDATE of a case already at that severity (the 95th banned shipment of an open arms case is
 * not news; the first one is). The alerts of a case are taken in the order the monitor raised them
 * ({@code processedAt}, then the lower level first, then the id), the order the case stage files
 * them in, and judged by the same test as its {@code CaseFiling}.
 *
 * <p>In: every alert of the {@code alerts} store (each names its case). Out: alert id to OPENED,
 * ESCALATED or UPDATED; an alert that names no case is left out. A case resolved and then reopened
 * by a later alert is not seen here (the alerts do not say when a case was resolved): that alert
 * shows as an update.
 */
final class CaseChanges {

  private static final Comparator<AlertRow> RAISED =
      Comparator.comparing(AlertRow::processedAt)
          .thenComparing(AlertRow::threshold, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(AlertRow::alertId);

  private CaseChanges() {}

  static Map<String, CaseChange> of(List<AlertRow> alerts) {
    Map<String, CaseChange> changes = new HashMap<>();
    Map<String, List<AlertRow>> byCase =
        alerts.stream()
            .filter(a -> a.caseId() != null)
            .collect(Collectors.groupingBy(AlertRow::caseId));
    for (List<AlertRow> filed : byCase.values()) {
      Severity severity = null;
      Double threshold = null;
      for (AlertRow alert : filed.stream().sorted(RAISED).toList()) {
        Severity s = Severity.valueOf(alert.severity());
        boolean higherSeverity = severity != null && s.compareTo(severity) > 0;
        boolean higherLevel =
            alert.level() != null
                && alert.threshold() != null
                && (threshold == null || alert.threshold() > threshold);
        CaseChange change =
            severity == null
                ? CaseChange.OPENED
                : higherSeverity || higherLevel ? CaseChange.ESCALATED : CaseChange.UPDATED;
        changes.put(alert.alertId(), change);
        if (severity == null || higherSeverity) {
          severity = s;
        }
        if (higherLevel) {
          threshold = alert.threshold();
        }
      }
    }
    return changes;
  }
}
