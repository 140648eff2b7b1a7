package io.transfermonitor.streams.fact;

import java.util.List;

/**
 * What one fact adds to a total. A plain fact adds itself: its amount at its event time, one event,
 * one delivery. An observation merged by the corroboration stage adds the change it made to its
 * delivery: the difference between the delivery's largest observation before and after (nothing
 * when a larger one already counts), filed at the delivery's first observation, so one delivery
 * counts once and in one period. A late observation that regroups its vessel's deliveries may take
 * back what another delivery counted (a negative change).
 *
 * @param amount what the total gains (or loses), in the fact's unit
 * @param time event time the total files it under, epoch millis
 * @param events change in the number of events counted
 * @param deliveries change in the number of deliveries counted
 * @param corroboratedDeliveries change in the number of deliveries seen by more than one source
 * @param sources the distinct sources behind what is counted (the delivery's, for a corroboration)
 * @param ownRecord whether this is the record of the fact's own delivery (not of another delivery
 *     its arrival regrouped): only then is the fact itself cited as evidence
 */
public record Contribution(
    double amount,
    long time,
    long events,
    long deliveries,
    long corroboratedDeliveries,
    List<String> sources,
    boolean ownRecord) {

  public Contribution {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
