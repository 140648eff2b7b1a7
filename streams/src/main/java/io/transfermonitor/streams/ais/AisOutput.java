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
   * vessel said of itself (the cell stage has no track to ask).
   */
  record CellPing(Ping ping, String imo, String name, Integer shipType) implements AisOutput {}

  /**
   * The newest position time a track task has read, sent to the cells it recently fed: the
   * encounter search ends contacts by position time, and a cell whose vessels sped up or went quiet
   * gets no pings to tell it time has passed.
   */
  record Tick(long time) implements AisOutput {}

  /** A vessel's IMO number with its newest position, on its way to the IMO number's task. */
  record Sighting(ImoSighting sighting) implements AisOutput {}
}
