package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseChange;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.CaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides what pages someone. A case that opens, escalates or reopens notifies at once; more alerts
 * that do not make it worse notify at most once per quiet interval (like Alertmanager's {@code
 * group_interval}): at once when the last notification is older than the interval, else when the
 * interval has passed, with every alert since. A suppressed case notifies nobody; what came in
 * while it was suppressed notifies when the suppression ends. A resolved case is quiet until new
 * evidence reopens it.
 */
public final class Pager {

  private final Duration quietInterval;

  public Pager(Duration quietInterval) {
    this.quietInterval = quietInterval;
  }

  /** A case and, when someone should be told, the notification (already counted in the case). */
  public record Paged(Case state, Optional<CaseNotification> notification) {}

  /** After {@code alert} did {@code change} to the case {@code state}. */
  public Paged afterFiling(Case state, CaseChange change, Alert alert, long now) {
    Case next = CaseCopy.of(state);
    next.setUnnotifiedAlerts(state.getUnnotifiedAlerts() + 1);
    if (state.getStatus() == CaseStatus.SUPPRESSED) {
      next.setUnnotifiedEscalation(
          state.getUnnotifiedEscalation() || change == CaseChange.ESCALATED);
      return new Paged(next, Optional.empty());
    }
    if (change != CaseChange.UPDATED) {
      return notify(next, change, alert.getAlertId(), now);
    }
    return flush(next, alert.getAlertId(), now);
  }

  /** After a suppression ended: what came in meanwhile, an escalation at once. */
  public Paged afterSuppression(Case state, long now) {
    if (state.getUnnotifiedAlerts() > 0 && state.getUnnotifiedEscalation()) {
      return notify(state, CaseChange.ESCALATED, null, now);
    }
    return flush(state, null, now);
  }

  /** Alerts held back by the quiet interval, if it has passed. */
  public Paged flush(Case state, String alertId, long now) {
    boolean quiet =
        state.getStatus() == CaseStatus.SUPPRESSED || state.getStatus() == CaseStatus.RESOLVED;
    if (quiet || state.getUnnotifiedAlerts() == 0 || now < quietUntil(state)) {
      return new Paged(state, Optional.empty());
    }
    return notify(state, CaseChange.UPDATED, alertId, now);
  }

  /**
   * When something about the case falls due by the clock: the end of its suppression, or the end of
   * the quiet interval for the alerts held back; empty when nothing does.
   */
  public OptionalLong dueAt(Case state) {
    if (state.getStatus() == CaseStatus.SUPPRESSED) {
      return state.getSuppressedUntil() == null
          ? OptionalLong.empty()
          : OptionalLong.of(state.getSuppressedUntil().toEpochMilli());
    }
    if (state.getStatus() == CaseStatus.RESOLVED || state.getUnnotifiedAlerts() == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(quietUntil(state));
  }

  private long quietUntil(Case state) {
    return state.getLastNotifiedAt() == null
        ? Long.MIN_VALUE
        : state.getLastNotifiedAt().toEpochMilli() + quietInterval.toMillis();
  }

  private Paged notify(Case state, CaseChange kind, String alertId, long now) {
    long sequence = state.getNotificationCount() + 1;
    long newAlerts = state.getUnnotifiedAlerts();
    Case next = CaseCopy.of(state);
    next.setNotificationCount(sequence);
    next.setLastNotifiedAt(Instant.ofEpochMilli(now));
    next.setUnnotifiedAlerts(0L);
    next.setUnnotifiedEscalation(false);
    CaseNotification notification =
        CaseNotification.newBuilder()
            .setNotificationId(state.getCaseId() + "/" + sequence)
            .setCaseId(state.getCaseId())
            .setKind(kind)
            .setRuleId(state.getRuleId())
            .setTitle(state.getTitle())
            .setStatus(state.getStatus())
            .setSeverity(state.getSeverity())
            .setLevel(state.getLevel())
            .setAlertCount(state.getAlertCount())
            .setNewAlerts(newAlerts)
            .setTotals(state.getTotals())
            .setAlertId(alertId)
            .setMessage(message(state, kind, newAlerts))
            .setRaisedAt(Instant.ofEpochMilli(now))
            .build();
    return new Paged(next, Optional.of(notification));
  }

  private static String message(Case state, CaseChange kind, long newAlerts) {
    String what =
        switch (kind) {
          case OPENED -> "opened";
          case ESCALATED ->
              "escalated to "
                  + (state.getLevel() == null ? "" : state.getLevel() + ", ")
                  + state.getSeverity();
          case REOPENED -> "reopened by new evidence";
          case UPDATED -> CaseSummary.alerts(newAlerts) + " more";
        };
    return String.format(
        Locale.ROOT,
        "Case %s %s: %s (%s, %s); %s.",
        state.getCaseId(),
        what,
        state.getTitle(),
        state.getSeverity(),
        state.getLegalBasis(),
        CaseSummary.of(state));
  }
}
