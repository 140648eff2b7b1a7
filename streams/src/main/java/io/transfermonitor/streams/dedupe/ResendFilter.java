package io.transfermonitor.streams.dedupe;

import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Stage 2, drop re-sends. In: facts keyed by event id, on the partition of their id. Out: each
 * event id once within the retention. Remembers every event it lets through as one {@link
 * SeenEvent} in the {@code events} window store, stamped with the monitor's clock when first seen,
 * so entries expire on their own once the retention has passed; the later stages read that one
 * entry (screening updates the designations it hit), so an event costs one changelog record.
 */
public final class ResendFilter implements Processor<String, Fact, String, Fact> {

  private final String storeName;
  private final Duration retention;
  private final EventSources sources;
  private final MonitorMetrics metrics;
  private ProcessorContext<String, Fact> context;
  private WindowStore<String, SeenEvent> seen;

  public ResendFilter(String storeName, Duration retention, MonitorMetrics metrics) {
    this(storeName, retention, EventSources.unknown(), metrics);
  }

  /**
   * @param sources the task's inputs, so each entry can say where its event was read from
   */
  public ResendFilter(
      String storeName, Duration retention, EventSources sources, MonitorMetrics metrics) {
    this.storeName = storeName;
    this.retention = retention;
    this.sources = sources;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Fact> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Fact> record) {
    long now = context.currentSystemTimeMs();
    // the upper bound tolerates another instance's clock running ahead of this one
    try (WindowStoreIterator<SeenEvent> earlier =
        seen.fetch(record.key(), now - retention.toMillis(), now + retention.toMillis())) {
      if (earlier.hasNext()) {
        metrics.duplicate(record.value().kind());
        return;
      }
    }
    RecordMetadata from = context.recordMetadata().orElse(null);
    seen.put(
        record.key(),
        SeenEvent.first(
            record.value(),
            from == null ? -1 : sources.slotOf(from.topic()),
            from == null ? -1 : from.offset()),
        now);
    context.forward(record);
  }
}
