package io.transfermonitor.streams.corroborate;

/**
 * An observation as the {@code vessel-observations} store holds it: the observation, and the event
 * time of the first observation of the delivery it belongs to (where a regrouping must start).
 *
 * @param observation the observation
 * @param deliveryTime event time of its delivery's first observation, epoch millis
 */
public record HeldObservation(Observation observation, long deliveryTime) {}
