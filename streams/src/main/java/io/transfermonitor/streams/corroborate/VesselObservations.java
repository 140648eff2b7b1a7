package io.transfermonitor.streams.corroborate;

import java.util.ArrayList;
import java.util.List;

/**
 * The observations of one vessel that the corroboration stage remembers, the value of its {@code
 * vessel-observations} store (key = IMO number).
 *
 * @param observations in arrival order
 */
public record VesselObservations(List<Observation> observations) {

  public VesselObservations {
    observations = observations == null ? List.of() : List.copyOf(observations);
  }

  static VesselObservations none() {
    return new VesselObservations(List.of());
  }

  boolean contains(String eventId) {
    return observations.stream().anyMatch(o -> o.eventId().equals(eventId));
  }

  /** The observations sharing {@code identity}: the ones one delivery may be made of. */
  List<Observation> like(String identity) {
    return observations.stream().filter(o -> o.identity().equals(identity)).toList();
  }

  VesselObservations with(Observation observation) {
    List<Observation> more = new ArrayList<>(observations);
    more.add(observation);
    return new VesselObservations(more);
  }

  /** Without the observations stored before {@code cutoff} (wall clock, epoch millis). */
  VesselObservations storedSince(long cutoff) {
    return new VesselObservations(
        observations.stream().filter(o -> o.storedAt() >= cutoff).toList());
  }
}
