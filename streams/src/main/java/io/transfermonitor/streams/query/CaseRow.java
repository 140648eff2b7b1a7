package io.transfermonitor.streams.query;

import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseTotal;
import java.time.Instant;
import java.util.List;

/**
 * A case as the dashboard and its JSON API show it: what it is about, where it stands, what its
 * alerts add up to and the evidence behind them, with times as ISO-8601 text.
 *
 * @param caseId deterministic id, {@code ruleId/grouping values}
 * @param ruleId the rule whose alerts it groups
 * @param ruleKind CAP, BAN, SCREEN or DISCREPANCY
 * @param title one line: the rule's title and the grouping values
 * @param legalBasis the legal text the rule enforces
 * @param status OPEN, ACKNOWLEDGED, SUPPRESSED, RESOLVED or REOPENED
 * @param severity the highest severity of its alerts
 * @param level the highest level reached, if any
 * @param firstEventTime earliest event time of its alerts
 * @param lastEventTime latest event time of its alerts
 * @param alertCount alerts filed in it
 * @param totals what its alerts add up to, per unit
 * @param evidence the latest events behind its alerts, oldest first
 * @param sources every reference its alerts cite
 * @param notificationCount notifications raised for it
 * @param sourceNames the names of the sources its alerts cite ({@code MSMT first report (29 May
 *     2025)}), gathered by the dashboard from the alerts filed in it; empty in the store's rows
 */
public record CaseRow(
    String caseId,
    String ruleId,
    String ruleKind,
    String title,
    String legalBasis,
    String status,
    String severity,
    String level,
    String firstEventTime,
    String lastEventTime,
    long alertCount,
    List<Total> totals,
    List<String> evidence,
    List<String> sources,
    long notificationCount,
    List<String> sourceNames) {

  public static CaseRow of(Case c) {
    return new CaseRow(
        c.getCaseId(),
        c.getRuleId(),
        c.getRuleKind().name(),
        c.getTitle(),
        c.getLegalBasis(),
        c.getStatus().name(),
        c.getSeverity().name(),
        c.getLevel(),
        text(c.getFirstEventTime()),
        text(c.getLastEventTime()),
        c.getAlertCount(),
        c.getTotals().stream().map(Total::of).toList(),
        List.copyOf(c.getLatestEvidence()),
        List.copyOf(c.getSources()),
        c.getNotificationCount(),
        List.of());
  }

  /** This case with the names of the sources its alerts cite. */
  public CaseRow withSourceNames(List<String> names) {
    return new CaseRow(
        caseId,
        ruleId,
        ruleKind,
        title,
        legalBasis,
        status,
        severity,
        level,
        firstEventTime,
        lastEventTime,
        alertCount,
        totals,
        evidence,
        sources,
        notificationCount,
        List.copyOf(names));
  }

  /** Whether someone still has to act on it: anything not RESOLVED. */
  public boolean open() {
    return !status.equals("RESOLVED");
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /**
   * What a case's alerts add up to in one unit.
   *
   * @param unit CONTAINERS, PERSONNEL, BARREL, ...
   * @param amount the sum
   * @param alerts alerts counted in it
   */
  public record Total(String unit, double amount, long alerts) {
    static Total of(CaseTotal t) {
      return new Total(t.getUnit(), t.getAmount(), t.getAlerts());
    }
  }
}
