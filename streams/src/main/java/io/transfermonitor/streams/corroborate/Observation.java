package io.transfermonitor.streams.corroborate;

import io.transfermonitor.streams.fact.Fact;
import java.util.Comparator;

/**
 * One observation of a vessel, as the {@code vessel-observations} store keeps it.
 *
 * @param eventId the observation's event id
 * @param eventTime when the vessel was seen, epoch millis
 * @param source who saw it (the event's source name)
 * @param port the discharge port, or null when none was given
 * @param identity what the observation must share with others of its delivery ({@link
 *     CorroborationRule#identity})
 * @param amount the quantity observed, in barrels
 * @param storedAt wall-clock time it was stored, epoch millis: it is forgotten after the retention
 */
public record Observation(
    String eventId,
    long eventTime,
    String source,
    String port,
    String identity,
    double amount,
    long storedAt) {

  /** Event time, then event id: the order deliveries are grouped in, whatever the arrival order. */
  static final Comparator<Observation> BY_TIME =
      Comparator.comparingLong(Observation::eventTime).thenComparing(Observation::eventId);

  static Observation of(Fact fact, long now) {
    return new Observation(
        fact.eventId(),
        fact.eventTime(),
        fact.sourceName(),
        fact.dischargePort(),
        CorroborationRule.identity(fact),
        fact.amount(),
        now);
  }
}
