package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseHistoryEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A case's history as the case keeps it: its latest {@value #KEPT} steps with their full text, a
 * count of the earlier ones ({@code earlierSteps}), and the ids of its latest {@value #ACTION_IDS}
 * operator actions, so that an action seen again is not applied again. Bounded because the whole
 * case is one Kafka record, written on every change; every step, with the earlier ones, goes to the
 * audit topic as it is taken ({@link #newSteps}).
 */
public final class CaseHistory {

  /** Steps a case keeps. */
  static final int KEPT = 20;

  /** Action ids a case keeps. */
  static final int ACTION_IDS = 100;

  private CaseHistory() {}

  /** {@code state} with {@code step} added (changed in place and returned). */
  static Case withStep(Case state, CaseHistoryEntry step) {
    List<CaseHistoryEntry> history = new ArrayList<>(state.getHistory());
    history.add(step);
    int dropped = Math.max(0, history.size() - KEPT);
    state.setHistory(List.copyOf(history.subList(dropped, history.size())));
    state.setEarlierSteps(state.getEarlierSteps() + dropped);
    if (step.getActionId() != null && !state.getActionIds().contains(step.getActionId())) {
      List<String> ids = new ArrayList<>(state.getActionIds());
      ids.add(step.getActionId());
      state.setActionIds(
          List.copyOf(ids.subList(Math.max(0, ids.size() - ACTION_IDS), ids.size())));
    }
    return state;
  }

  /** Whether the action {@code actionId} was applied or refused in {@code state} already. */
  public static boolean seen(Case state, String actionId) {
    // cases kept before the action ids were have them in their history only
    return state.getActionIds().contains(actionId)
        || state.getHistory().stream().anyMatch(e -> actionId.equals(e.getActionId()));
  }

  /** Every step the case has taken, the ones it keeps and the earlier ones. */
  public static long steps(Case state) {
    return state.getEarlierSteps() + state.getHistory().size();
  }

  /** The steps {@code after} took since {@code before} (null: a case just opened), oldest first. */
  static List<CaseHistoryEntry> newSteps(Case before, Case after) {
    long added = steps(after) - (before == null ? 0 : steps(before));
    List<CaseHistoryEntry> history = after.getHistory();
    int from = (int) Math.max(0, history.size() - added);
    return history.subList(from, history.size());
  }
}
