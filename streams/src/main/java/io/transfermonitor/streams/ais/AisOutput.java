package io.transfermonitor.streams.ais;

import org.apache.avro.specific.SpecificRecord;

/** What the AIS stages pass on: a finding (with its event), an event alone, a ping for a cell. */
public sealed interface AisOutput {

  /** A finding for the findings topic, and its event when a rule is about it. */
  record Found(AisEvents.Made made) implements AisOutput {}

  /** An event without a finding of its own (a designated vessel seen). */
  record Event(String eventId, SpecificRecord event) implements AisOutput {}

  /**
   * A slow position away from ports, on its way to a cell of the encounter search, with what the
   * vessel said of itself (the cell stage has no track to ask), the partition of the track task
   * that sent it ({@link #UNKNOWN_SOURCE} from a monitor that did not say), and when the vessel
   * came back from its latest dark period in or heading for an area of interest (null: never, as
   * far as its track knows).
   */
  record CellPing(
      Ping ping, String imo, String name, Integer shipType, int source, Long backFromDark)
      implements AisOutput {

    /** A ping of a vessel not known to have been dark. */
    public CellPing(Ping ping, String imo, String name, Integer shipType, int source) {
      this(ping, imo, name, shipType, source, null);
    }
  }

  /**
   * How far the track task of partition {@code source} has read (its newest position time), sent to
   * every partition of the encounter search: a cell pairs pings in time order only once every track
   * task has read as far, and ends contacts by that time. {@code idle}: the task has read nothing
   * since its last tick of the wall clock, so the cells do not wait for it.
   */
  record Tick(long time, int source, boolean idle) implements AisOutput {}

  /** The source of a cell ping or tick written by a monitor that did not send one. */
  int UNKNOWN_SOURCE = -1;

  /** A vessel's IMO number with its newest position, on its way to the IMO number's task. */
  record Sighting(ImoSighting sighting) implements AisOutput {}
}
