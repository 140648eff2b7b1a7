package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.RejectedEvent;
import java.util.List;

/**
 * What the case processor produces, keyed by case id: the alert as filed (for the alert topic), the
 * case as it now stands (for the compacted case topic), a step in its history (for the audit
 * topic), a notification (for whoever is paged) or an operator action or a change it refused (for
 * the rejected topic). Sealed, so the topology routes all five.
 */
public sealed interface CaseOutcome {

  /** The filed alert, or nothing: for {@code flatMapValues}. */
  default List<Alert> filedAlerts() {
    return this instanceof Filed f ? List.of(f.alert()) : List.of();
  }

  /** The changed case, or nothing. */
  default List<Case> cases() {
    return this instanceof Changed c ? List.of(c.state()) : List.of();
  }

  /** The step taken, or nothing. */
  default List<CaseHistoryEntry> steps() {
    return this instanceof Recorded r ? List.of(r.step()) : List.of();
  }

  /** The notification, or nothing. */
  default List<CaseNotification> notifications() {
    return this instanceof Notified n ? List.of(n.notification()) : List.of();
  }

  /** The refused action as a rejected record, or nothing. */
  default List<RejectedEvent> refusals() {
    return this instanceof Refused r ? List.of(r.rejected()) : List.of();
  }

  /** An alert filed in its case, with its case id and what it did to the case. */
  record Filed(Alert alert) implements CaseOutcome {}

  /** A case after a change. */
  record Changed(Case state) implements CaseOutcome {}

  /** A step in the case's history, with its full text: the audit trail. */
  record Recorded(CaseHistoryEntry step) implements CaseOutcome {}

  /** A notification for someone to act on. */
  record Notified(CaseNotification notification) implements CaseOutcome {}

  /** An operator action that was not applied, or an input the case could not take, and why. */
  record Refused(RejectedEvent rejected) implements CaseOutcome {}
}
