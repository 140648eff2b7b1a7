package io.transfermonitor.streams.screen;

import io.transfermonitor.streams.fact.Fact;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One event in the index of parties seen (store {@code screened-events}, key = event id): the
 * event, when the monitor saw it, and the designations it has already raised a hit for, so neither
 * a rescreen nor a replay raises one twice.
 *
 * @param fact the event with its parties
 * @param seenAt wall-clock time the event was screened first, epoch millis (the store's window)
 * @param alerted reference numbers of the designations already hit
 */
record ScreenedEvent(Fact fact, long seenAt, Set<String> alerted) {

  ScreenedEvent {
    alerted = Set.copyOf(alerted);
  }

  /** This entry with {@code designationIds} added to the ones already hit. */
  ScreenedEvent withAlerted(Set<String> designationIds) {
    Set<String> all = new LinkedHashSet<>(alerted);
    all.addAll(designationIds);
    return new ScreenedEvent(fact, seenAt, all);
  }
}
