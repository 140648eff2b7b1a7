package io.transfermonitor.streams.dashboard;

import io.transfermonitor.model.CaseChange;
import io.transfermonitor.streams.query.AlertRow;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every alert raised so far, counted, and the latest of them: {@code GET /api/alerts}.
 *
 * @param total alerts raised
 * @param bySeverity count per severity
 * @param byRule count per rule and severity
 * @param latest the latest alerts by event time, newest first, at most the limit asked for, each
 *     with what it did to its case ({@code caseChange})
 * @param byCaseChange count per what the alerts did to their cases: OPENED, ESCALATED, UPDATED
 *     ({@link CaseChanges}; alerts that name no case are not counted)
 */
public record AlertSummary(
    long total,
    Map<String, Long> bySeverity,
    Map<String, Map<String, Long>> byRule,
    List<AlertRow> latest,
    Map<String, Long> byCaseChange) {

  static AlertSummary of(List<AlertRow> alerts, int limit) {
    Map<String, Long> bySeverity =
        alerts.stream()
            .collect(
                Collectors.groupingBy(AlertRow::severity, TreeMap::new, Collectors.counting()));
    Map<String, Map<String, Long>> byRule =
        alerts.stream()
            .collect(
                Collectors.groupingBy(
                    AlertRow::ruleId,
                    TreeMap::new,
                    Collectors.groupingBy(
                        AlertRow::severity, TreeMap::new, Collectors.counting())));
    Map<String, CaseChange> changes = CaseChanges.of(alerts);
    List<AlertRow> latest =
        alerts.stream()
            .sorted(
                Comparator.comparing(AlertRow::eventTime)
                    .reversed()
                    .thenComparing(AlertRow::alertId))
            .limit(limit)
            .map(
                a ->
                    changes.containsKey(a.alertId())
                        ? a.withCaseChange(changes.get(a.alertId()).name())
                        : a)
            .toList();
    Map<String, Long> byCaseChange =
        changes.values().stream()
            .collect(Collectors.groupingBy(CaseChange::name, TreeMap::new, Collectors.counting()));
    return new AlertSummary(alerts.size(), bySeverity, byRule, latest, byCaseChange);
  }
}
