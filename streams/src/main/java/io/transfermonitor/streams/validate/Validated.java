package io.transfermonitor.streams.validate;

import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.streams.fact.Fact;
import java.util.List;

/**
 * What validation makes of one event: an {@link Accepted} fact for the stages that count, or a
 * {@link Rejected} event for the rejected topic. Sealed, so the topology handles both and nothing
 * else.
 */
public sealed interface Validated {

  /** The accepted fact, or nothing: for {@code flatMapValues}. */
  default List<Fact> acceptedFacts() {
    return this instanceof Accepted a ? List.of(a.fact()) : List.of();
  }

  /** The rejected event, or nothing: for {@code flatMapValues}. */
  default List<RejectedEvent> rejectedEvents() {
    return this instanceof Rejected r ? List.of(r.event()) : List.of();
  }

  /** A valid event as the fact the later stages count; keyed by event id. */
  record Accepted(Fact fact) implements Validated {}

  /** An invalid event with its reasons; keyed by the record's original key. */
  record Rejected(RejectedEvent event) implements Validated {}
}
