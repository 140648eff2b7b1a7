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

  /** Whether this is an accepted fact whose record the producer keyed otherwise than by its id. */
  default boolean keyedOtherwise() {
    return this instanceof Accepted a && !a.keyedById();
  }

  /**
   * A valid event as the fact the later stages count; keyed by event id.
   *
   * @param keyedById whether the producer keyed its record by the event id, so it was read on the
   *     partition of its id and needs no repartition before the re-send check
   */
  record Accepted(Fact fact, boolean keyedById) implements Validated {}

  /** An invalid event with its reasons; keyed by the record's original key. */
  record Rejected(RejectedEvent event) implements Validated {}
}
