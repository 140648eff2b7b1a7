package io.transfermonitor.streams.dedupe;

import io.transfermonitor.streams.fact.Fact;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One event as its task remembers it in the {@code events} store (key = event id, window = the
 * wall-clock time it was first seen, kept for the re-send retention): one entry per event, which
 * the re-send check, the rescreening of past events and the recovery of partial totals all read.
 *
 * @param fact the event, normalized; read back from the store without its id (the key carries it)
 * @param alerted reference numbers of the designations it has raised a hit for
 * @param sourceSlot which input of the task it was read from ({@link EventSources}), -1 if unknown
 * @param sourceOffset its offset there, -1 if unknown
 */
public record SeenEvent(Fact fact, Set<String> alerted, int sourceSlot, long sourceOffset) {

  public SeenEvent {
    alerted = Set.copyOf(alerted);
  }

  /** A new entry for {@code fact}, read at {@code offset} of input {@code slot}. */
  public static SeenEvent first(Fact fact, int slot, long offset) {
    return new SeenEvent(fact, Set.of(), slot, offset);
  }

  /** This entry with {@code designationIds} added to the ones already hit. */
  public SeenEvent withAlerted(Set<String> designationIds) {
    Set<String> all = new LinkedHashSet<>(alerted);
    all.addAll(designationIds);
    return new SeenEvent(fact, all, sourceSlot, sourceOffset);
  }

  /** This entry with the event's id put back into its fact (the store keeps it in the key). */
  public SeenEvent withEventId(String eventId) {
    return new SeenEvent(fact.withEventId(eventId), alerted, sourceSlot, sourceOffset);
  }
}
