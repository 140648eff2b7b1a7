package io.transfermonitor.producers;

import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.schemas.EventTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A sink that keeps what it is given, for unit tests of the pipeline (not Kafka); it can refuse
 * chosen events at flush the way a producer reports sends that expired.
 */
public final class CapturingSink implements EventSink {

  public final List<SpecificRecord> sent = new ArrayList<>();
  public final List<RejectedEvent> rejected = new ArrayList<>();
  public int flushes;
  private final Set<String> refused = new HashSet<>();
  private final List<Runnable> failures = new ArrayList<>();

  /** Makes the send of event {@code eventId} fail at the next flush, as a cluster that is down. */
  public CapturingSink refusing(String eventId) {
    refused.add(eventId);
    return this;
  }

  @Override
  public void send(SpecificRecord event, Consumer<Exception> onFailure) {
    if (refused.contains(EventTypes.headerOf(event).getEventId())) {
      failures.add(() -> onFailure.accept(new TimeoutException("Expiring 1 record(s)")));
    } else {
      send(event);
    }
  }

  @Override
  public void send(SpecificRecord event) {
    sent.add(event);
  }

  @Override
  public void reject(RejectedEvent event) {
    rejected.add(event);
  }

  @Override
  public void flush() {
    flushes++;
    failures.forEach(Runnable::run);
    failures.clear();
  }

  @Override
  public void close() {}
}
