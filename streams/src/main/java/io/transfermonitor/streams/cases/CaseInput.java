package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CaseAction;

/**
 * What reaches a case, keyed by case id: an alert filed in it, or an operator's action on it.
 * Sealed, so the case processor handles both and nothing else.
 */
public sealed interface CaseInput {

  static CaseInput raised(Alert alert) {
    return new AlertRaised(alert);
  }

  static CaseInput taken(CaseAction action) {
    return new ActionTaken(action);
  }

  /** An alert, with its case id, to file in its case. */
  record AlertRaised(Alert alert) implements CaseInput {}

  /** An operator's action from the case-actions topic. */
  record ActionTaken(CaseAction action) implements CaseInput {}
}
