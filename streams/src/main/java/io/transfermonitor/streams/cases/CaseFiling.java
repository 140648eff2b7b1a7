package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseChange;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.CaseStep;
import io.transfermonitor.model.CaseTotal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Files an alert in its case: opens the case with its first alert, and with every later one counts
 * it, adds its amount to the totals of its unit, keeps its evidence and sources, raises the case's
 * severity and level, and tells what the alert did: OPENED, ESCALATED (a higher severity or level),
 * REOPENED (the case was resolved) or UPDATED. A suppressed case keeps counting all the same.
 */
public final class CaseFiling {

  /**
   * Alert ids a case keeps (its count is exact beyond). Bounded because the whole case is written
   * on every change; replays are dropped before this stage (event ids, raised levels), and the case
   * drops an alert whose id it still holds.
   */
  static final int ALERT_IDS = 100;

  /** Evidence events a case keeps, the latest ones. */
  static final int EVIDENCE = 20;

  /** Distinct sources a case keeps. */
  static final int SOURCES = 1_000;

  /**
   * Characters of sources a case keeps, all together: a reference may be long (an event carries up
   * to the validation's text limit), and the case is one Kafka record.
   */
  static final int SOURCE_CHARS = 50_000;

  /** A case after filing an alert, and what the alert did to it. */
  public record Filing(Case state, CaseChange change) {}

  private CaseFiling() {}

  /** Whether {@code alertId} is filed in {@code state} already (a replayed alert). */
  public static boolean holds(Case state, String alertId) {
    return state.getAlertIds().contains(alertId);
  }

  /** A new case {@code caseId} opened by {@code alert} at wall-clock {@code now}. */
  public static Filing open(
      String caseId, String title, List<String> grouping, Alert alert, long now) {
    Instant at = Instant.ofEpochMilli(now);
    Case empty =
        Case.newBuilder()
            .setCaseId(caseId)
            .setRuleId(alert.getRuleId())
            .setRuleKind(alert.getRuleKind())
            .setLegalBasis(alert.getLegalBasis())
            .setTitle(title)
            .setGrouping(grouping)
            .setStatus(CaseStatus.OPEN)
            .setSeverity(alert.getSeverity())
            .setFirstEventTime(alert.getEventTime())
            .setLastEventTime(alert.getEventTime())
            .setOpenedAt(at)
            .setUpdatedAt(at)
            .setAlertCount(0)
            .build();
    Case opened = counted(empty, alert, now);
    opened.setLevel(alert.getLevel());
    opened.setLevelThreshold(alert.getThreshold());
    opened.setHistory(List.of(step(CaseStep.OPENED, opened, alert, now)));
    return new Filing(opened, CaseChange.OPENED);
  }

  /** {@code state} with {@code alert} filed at wall-clock {@code now}. */
  public static Filing file(Case state, Alert alert, long now) {
    boolean reopened = state.getStatus() == CaseStatus.RESOLVED;
    boolean higherSeverity = alert.getSeverity().compareTo(state.getSeverity()) > 0;
    boolean higherLevel =
        alert.getLevel() != null
            && alert.getThreshold() != null
            && (state.getLevelThreshold() == null
                || alert.getThreshold() > state.getLevelThreshold());
    Case filed = counted(state, alert, now);
    if (higherSeverity) {
      filed.setSeverity(alert.getSeverity());
    }
    if (higherLevel) {
      filed.setLevel(alert.getLevel());
      filed.setLevelThreshold(alert.getThreshold());
    }
    CaseChange change =
        reopened
            ? CaseChange.REOPENED
            : higherSeverity || higherLevel ? CaseChange.ESCALATED : CaseChange.UPDATED;
    if (reopened) {
      filed.setStatus(CaseStatus.REOPENED);
    }
    if (change != CaseChange.UPDATED) {
      CaseHistory.withStep(
          filed, step(reopened ? CaseStep.REOPENED : CaseStep.ESCALATED, filed, alert, now));
    }
    return new Filing(filed, change);
  }

  /** A copy of {@code state} with the alert counted, its totals, evidence and sources added. */
  private static Case counted(Case state, Alert alert, long now) {
    Case next = CaseCopy.of(state);
    next.setAlertCount(state.getAlertCount() + 1);
    next.setTotals(totalsWith(state.getTotals(), alert));
    next.setAlertIds(latest(state.getAlertIds(), List.of(alert.getAlertId()), ALERT_IDS));
    next.setLatestEvidence(
        latest(state.getLatestEvidence(), alert.getTriggeringEventIds(), EVIDENCE));
    next.setSources(distinct(state.getSources(), alert.getReferences(), SOURCES));
    if (alert.getEventTime().isBefore(state.getFirstEventTime())) {
      next.setFirstEventTime(alert.getEventTime());
    }
    if (alert.getEventTime().isAfter(state.getLastEventTime())) {
      next.setLastEventTime(alert.getEventTime());
    }
    next.setUpdatedAt(Instant.ofEpochMilli(now));
    return next;
  }

  /**
   * The totals with the alert's amount: an alert about one event adds it; an alert on a running
   * total (a level reached) carries the whole total, which must not be added to the events that
   * make it up, so it raises its unit's total to at least that figure.
   */
  private static List<CaseTotal> totalsWith(List<CaseTotal> totals, Alert alert) {
    List<CaseTotal> next = new ArrayList<>();
    boolean found = false;
    for (CaseTotal total : totals) {
      if (alert.getUnit() != null
          && alert.getTotal() != null
          && total.getUnit().equals(alert.getUnit())) {
        double amount =
            alert.getLevel() != null
                ? Math.max(total.getAmount(), alert.getTotal())
                : total.getAmount() + alert.getTotal();
        next.add(new CaseTotal(total.getUnit(), amount, total.getAlerts() + 1));
        found = true;
      } else {
        next.add(total);
      }
    }
    if (!found && alert.getUnit() != null && alert.getTotal() != null) {
      next.add(new CaseTotal(alert.getUnit(), alert.getTotal(), 1L));
    }
    return next;
  }

  private static List<String> latest(List<String> kept, List<String> more, int bound) {
    List<String> all = new ArrayList<>(kept);
    for (String id : more) {
      all.remove(id);
      all.add(id);
    }
    return all.size() <= bound ? all : List.copyOf(all.subList(all.size() - bound, all.size()));
  }

  private static List<String> distinct(List<String> kept, List<String> more, int bound) {
    Set<String> all = new LinkedHashSet<>(kept);
    long chars = all.stream().mapToLong(String::length).sum();
    for (String source : more) {
      if (all.size() >= bound) {
        break;
      }
      if (!all.contains(source) && chars + source.length() <= SOURCE_CHARS) {
        all.add(source);
        chars += source.length();
      }
    }
    return List.copyOf(all);
  }

  private static CaseHistoryEntry step(CaseStep step, Case state, Alert alert, long now) {
    String level = alert.getLevel() == null ? "" : "level " + alert.getLevel() + ", ";
    return CaseHistoryEntry.newBuilder()
        .setAt(Instant.ofEpochMilli(now))
        .setStep(step)
        .setStatus(state.getStatus())
        .setAlertId(alert.getAlertId())
        .setNote(level + alert.getSeverity() + makerDecidedBy(alert))
        .build();
  }

  /**
   * For a component finding, what decided the maker and country the case is filed under: {@code ;
   * maker and country from the finding}, or {@code from the makers table demo makers (marked
   * 'EXAMPLE MAKER US-A INC.')}.
   */
  private static String makerDecidedBy(Alert alert) {
    if (alert.getMakerResolvedBy() == null) {
      return "";
    }
    return "; maker and country from the "
        + alert.getMakerResolvedBy()
        + (alert.getMakerAsReported() == null
            ? ""
            : " (marked '" + alert.getMakerAsReported() + "')");
  }
}
