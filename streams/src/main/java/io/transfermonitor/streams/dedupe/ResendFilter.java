package io.transfermonitor.streams.dedupe;

import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Stage 2, drop re-sends. In: facts keyed by event id (co-partitioned by id). Out: each event id
 * once within the retention. The ids live in a persistent window store stamped with the monitor's
 * clock when first seen, so they expire on their own once the retention has passed.
 */
public final class ResendFilter implements Processor<String, Fact, String, Fact> {

  private final String storeName;
  private final Duration retention;
  private final MonitorMetrics metrics;
  private ProcessorContext<String, Fact> context;
  private WindowStore<String, Long> seen;

  public ResendFilter(String storeName, Duration retention, MonitorMetrics metrics) {
    this.storeName = storeName;
    this.retention = retention;
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
    try (WindowStoreIterator<Long> earlier =
        seen.fetch(record.key(), now - retention.toMillis(), now + retention.toMillis())) {
      if (earlier.hasNext()) {
        metrics.duplicate(record.value().kind());
        return;
      }
    }
    seen.put(record.key(), record.value().eventTime(), now);
    context.forward(record);
  }
}
