package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.CaseStep;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What operators may do to a case, and what it does. The monitor applies an action only through
 * here, and the CLI asks the same questions before it writes one, so both refuse alike.
 *
 * <pre>
 * acknowledge  OPEN, REOPENED                             -> ACKNOWLEDGED
 * suppress     OPEN, ACKNOWLEDGED, REOPENED, SUPPRESSED   -> SUPPRESSED (until a time, or lifted)
 * resolve      every status but RESOLVED                  -> RESOLVED
 * reopen       RESOLVED                                   -> REOPENED
 *              SUPPRESSED                                 -> the status before (lifts it)
 * </pre>
 *
 * A suppression with an end returns the case to the status it had before when that time passes.
 * Every step is in the case's history with who, when and why ({@link CaseHistory}).
 */
public final class CaseLifecycle {

  private CaseLifecycle() {}

  /** Whether the action {@code actionId} was applied or refused in the case once. */
  public static boolean seen(Case state, String actionId) {
    return CaseHistory.seen(state, actionId);
  }

  /**
   * Why {@code action} cannot be applied to {@code state} at wall-clock {@code now}, or empty when
   * it can.
   */
  public static Optional<String> refusal(Case state, CaseAction action, long now) {
    String verb = verb(action.getAction());
    String cannot = "cannot " + verb + " case " + state.getCaseId() + ": ";
    if (action.getReason() == null || action.getReason().isBlank()) {
      return Optional.of(cannot + "a reason is required");
    }
    if (action.getBy() == null || action.getBy().isBlank()) {
      return Optional.of(cannot + "who acts is required");
    }
    if (action.getUntil() != null && action.getAction() != CaseActionKind.SUPPRESS) {
      return Optional.of(cannot + "only a suppression has an end ('until')");
    }
    if (action.getUntil() != null && action.getUntil().toEpochMilli() <= now) {
      return Optional.of(
          cannot + "the suppression would end at " + action.getUntil() + ", already past");
    }
    CaseStatus status = state.getStatus();
    return switch (action.getAction()) {
      case ACKNOWLEDGE ->
          status == CaseStatus.OPEN || status == CaseStatus.REOPENED
              ? Optional.empty()
              : Optional.of(cannot + "it is " + status + acknowledgeHint(status));
      case SUPPRESS ->
          status != CaseStatus.RESOLVED
              ? Optional.empty()
              : Optional.of(cannot + "it is RESOLVED and notifies nobody until it reopens");
      case RESOLVE ->
          status != CaseStatus.RESOLVED
              ? Optional.empty()
              : Optional.of(cannot + "it is RESOLVED already");
      case REOPEN ->
          status == CaseStatus.RESOLVED || status == CaseStatus.SUPPRESSED
              ? Optional.empty()
              : Optional.of(
                  cannot + "it is " + status + "; only a resolved or suppressed case reopens");
    };
  }

  /**
   * {@code state} after {@code action}, which {@link #refusal} allows, at wall-clock {@code now}.
   */
  public static Case apply(Case state, CaseAction action, long now) {
    Case next = Case.newBuilder(state).setUpdatedAt(Instant.ofEpochMilli(now)).build();
    CaseStep step;
    switch (action.getAction()) {
      case ACKNOWLEDGE -> {
        next.setStatus(CaseStatus.ACKNOWLEDGED);
        step = CaseStep.ACKNOWLEDGED;
      }
      case SUPPRESS -> {
        if (state.getStatus() != CaseStatus.SUPPRESSED) {
          next.setStatusBeforeSuppression(state.getStatus());
        }
        next.setStatus(CaseStatus.SUPPRESSED);
        next.setSuppressedUntil(action.getUntil());
        step = CaseStep.SUPPRESSED;
      }
      case RESOLVE -> {
        next = unsuppressed(next, CaseStatus.RESOLVED);
        // the operator has seen what came in: nothing is left to notify about
        next.setUnnotifiedAlerts(0);
        next.setUnnotifiedEscalation(false);
        step = CaseStep.RESOLVED;
      }
      default -> {
        boolean lift = state.getStatus() == CaseStatus.SUPPRESSED;
        next = unsuppressed(next, lift ? before(state) : CaseStatus.REOPENED);
        step = lift ? CaseStep.SUPPRESSION_ENDED : CaseStep.REOPENED;
      }
    }
    return withEntry(
        next,
        entry(step, next, now)
            .setActionId(action.getActionId())
            .setBy(action.getBy())
            .setReason(action.getReason())
            .setReasonCutFrom(action.getReasonCutFrom())
            .setUntil(action.getUntil())
            .build());
  }

  /** {@code state}, suppressed until a time that has come, back to the status it had before. */
  public static Case endSuppression(Case state, long now) {
    Case next =
        unsuppressed(
            Case.newBuilder(state).setUpdatedAt(Instant.ofEpochMilli(now)).build(), before(state));
    return withEntry(
        next,
        entry(CaseStep.SUPPRESSION_ENDED, next, now)
            .setNote("suppressed until " + state.getSuppressedUntil())
            .build());
  }

  /** {@code state} with {@code action} recorded as refused, and why. */
  public static Case refused(Case state, CaseAction action, String why, long now) {
    return withEntry(
        Case.newBuilder(state).setUpdatedAt(Instant.ofEpochMilli(now)).build(),
        entry(CaseStep.REFUSED, state, now)
            .setActionId(action.getActionId())
            .setBy(action.getBy())
            .setReason(action.getReason())
            .setReasonCutFrom(action.getReasonCutFrom())
            .setUntil(action.getUntil())
            .setNote(why)
            .build());
  }

  /** The verb of {@code kind} as the CLI spells it: ack, suppress, resolve, reopen. */
  public static String verb(CaseActionKind kind) {
    return kind == CaseActionKind.ACKNOWLEDGE ? "ack" : kind.toString().toLowerCase(Locale.ROOT);
  }

  private static String acknowledgeHint(CaseStatus status) {
    return switch (status) {
      case SUPPRESSED -> "; reopen lifts the suppression";
      case RESOLVED -> "; reopen it first";
      default -> " already";
    };
  }

  private static CaseStatus before(Case state) {
    return state.getStatusBeforeSuppression() == null
        ? CaseStatus.OPEN
        : state.getStatusBeforeSuppression();
  }

  private static Case unsuppressed(Case state, CaseStatus status) {
    state.setStatus(status);
    state.setSuppressedUntil(null);
    state.setStatusBeforeSuppression(null);
    return state;
  }

  private static CaseHistoryEntry.Builder entry(CaseStep step, Case after, long now) {
    return CaseHistoryEntry.newBuilder()
        .setAt(Instant.ofEpochMilli(now))
        .setStep(step)
        .setStatus(after.getStatus());
  }

  private static Case withEntry(Case state, CaseHistoryEntry entry) {
    return CaseHistory.withStep(state, entry);
  }
}
