package io.transfermonitor.streams.dashboard;

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
 * @param latest the latest alerts by event time, newest first, at most the limit asked for
 */
public record AlertSummary(
    long total,
    Map<String, Long> bySeverity,
    Map<String, Map<String, Long>> byRule,
    List<AlertRow> latest) {

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
    List<AlertRow> latest =
        alerts.stream()
            .sorted(
                Comparator.comparing(AlertRow::eventTime)
                    .reversed()
                    .thenComparing(AlertRow::alertId))
            .limit(limit)
            .toList();
    return new AlertSummary(alerts.size(), bySeverity, byRule, latest);
  }
}
