package io.transfermonitor.producers;

import io.transfermonitor.model.RejectedEvent;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where normalized events go: {@link EventProducer} sends them to Kafka; tests hand in their own.
 * Sends may be asynchronous; {@link #flush} waits for all of them, after which {@link #failed}
 * counts those the destination did not take.
 */
public interface EventSink extends AutoCloseable {

  /** Sends one event record of {@code io.transfermonitor.model} (any kind). */
  void send(SpecificRecord event);

  /**
   * Sends one event; {@code onFailure} hears, on some other thread and by {@link #flush} at the
   * latest, if the destination did not take it. Sinks that cannot fail never call it.
   */
  default void send(SpecificRecord event, Consumer<Exception> onFailure) {
    send(event);
  }

  /** Sends a record that could not be used, to the rejected topic. */
  void reject(RejectedEvent rejected);

  /** Waits until everything sent so far is acknowledged or has failed. */
  void flush();

  /** Sends that failed after {@link #flush} (0 for sinks that cannot fail). */
  default long failed() {
    return 0;
  }

  @Override
  void close();

  /** A sink that takes nothing: for {@code --dry-run}. */
  static EventSink discarding() {
    return new EventSink() {
      @Override
      public void send(SpecificRecord event) {}

      @Override
      public void reject(RejectedEvent rejected) {}

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
