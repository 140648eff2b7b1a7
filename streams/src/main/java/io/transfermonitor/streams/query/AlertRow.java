package io.transfermonitor.streams.query;

import io.transfermonitor.model.Alert;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the dashboard and its JSON API show it: the fields of the Avro {@link Alert} a person
 * reads, with times as ISO-8601 text.
 *
 * @param alertId deterministic id, {@code ruleId/...}
 * @param ruleId the rule that raised it
 * @param ruleKind CAP, BAN, SCREEN or DISCREPANCY
 * @param severity how urgently to act
 * @param legalBasis the legal text the rule enforces
 * @param basis REPORTED or OBSERVED for totals, else null
 * @param periodStart start day of the period of a total, else null
 * @param level label of the level reached, else null
 * @param total the total when it was raised, else null
 * @param limit the limit in force, else null
 * @param unit unit of total and limit
 * @param eventKind kind of the triggering event
 * @param eventTime event time of the triggering event
 * @param processedAt when the monitor raised it
 * @param message one sentence a person can act on
 * @param eventIds the events behind it, the triggering one last
 * @param references the sources the triggering event cites
 * @param designations designation ids matched (SCREEN)
 * @param caseId the case it is filed in, null for alerts written before alerts named their case
 * @param threshold the threshold of its level, else null
 * @param sources the names of the sources behind its triggering event ({@code MSMT first report (29
 *     May 2025)}), where the alert carries them
 * @param caseChange what it did to its case as the dashboard tells it (OPENED, ESCALATED or
 *     UPDATED, see {@code CaseChanges}); null in the store's rows
 */
public record AlertRow(
    String alertId,
    String ruleId,
    String ruleKind,
    String severity,
    String legalBasis,
    String basis,
    String periodStart,
    String level,
    Double total,
    Double limit,
    String unit,
    String eventKind,
    String eventTime,
    String processedAt,
    String message,
    List<String> eventIds,
    List<String> references,
    List<String> designations,
    String caseId,
    Double threshold,
    List<String> sources,
    String caseChange) {

  public static AlertRow of(Alert a) {
    return new AlertRow(
        a.getAlertId(),
        a.getRuleId(),
        a.getRuleKind().name(),
        a.getSeverity().name(),
        a.getLegalBasis(),
        a.getBasis() == null ? null : a.getBasis().name(),
        a.getPeriodStart() == null ? null : a.getPeriodStart().toString().substring(0, 10),
        a.getLevel(),
        a.getTotal(),
        a.getLimit(),
        a.getUnit(),
        a.getEventKind() == null ? null : a.getEventKind().name(),
        text(a.getEventTime()),
        text(a.getProcessedAt()),
        a.getMessage(),
        List.copyOf(a.getTriggeringEventIds()),
        List.copyOf(a.getReferences()),
        List.copyOf(a.getMatchedDesignations()),
        a.getCaseId(),
        a.getThreshold(),
        List.copyOf(a.getSources()),
        null);
  }

  /** This alert, told as {@code change} of its case. */
  public AlertRow withCaseChange(String change) {
    return new AlertRow(
        alertId,
        ruleId,
        ruleKind,
        severity,
        legalBasis,
        basis,
        periodStart,
        level,
        total,
        limit,
        unit,
        eventKind,
        eventTime,
        processedAt,
        message,
        eventIds,
        references,
        designations,
        caseId,
        threshold,
        sources,
        change);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
