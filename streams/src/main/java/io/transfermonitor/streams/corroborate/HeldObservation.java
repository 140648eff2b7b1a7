package io.transfermonitor.streams.corroborate;

/**
 * An observation as the {@code vessel-observations} store holds it: the observation, the event time
 * of the first observation of the delivery it belongs to (where a regrouping must start), and where
 * its vessel's task read it (what a rule recount compares with the stretches the rule counted).
 *
 * @param observation the observation
 * @param deliveryTime event time of its delivery's first observation, epoch millis
 * @param readAt the offset on {@code observations-by-vessel} of the batch that brought it; -1 when
 *     unknown (stored by a monitor before observations were recounted)
 */
public record HeldObservation(Observation observation, long deliveryTime, long readAt) {}
