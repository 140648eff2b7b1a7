package io.transfermonitor.cli.ais;

import io.transfermonitor.streams.ais.Gazetteer;
import io.transfermonitor.streams.ais.Ping;
import java.util.List;

/**
 * Vessel tracks with what is planted in them: the positions of every vessel in time order, the
 * truth a detector is scored against, and the ports and areas of interest the set was planted
 * around.
 */
public record TrackSet(List<Ping> pings, List<Truth> truths, Gazetteer gazetteer) {

  public TrackSet {
    pings = List.copyOf(pings);
    truths = List.copyOf(truths);
  }

  /** How many truths of {@code kind} the set holds. */
  public long count(PlantedKind kind) {
    return truths.stream().filter(t -> t.kind() == kind).count();
  }

  /** How many distinct MMSIs broadcast in the set. */
  public long vessels() {
    return pings.stream().map(Ping::mmsi).distinct().count();
  }
}
