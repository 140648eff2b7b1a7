package io.transfermonitor.streams.corroborate;

import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 3b, corroborate. In: OBSERVED tanker deliveries with an IMO number, keyed by that number
 * (repartitioned, so every observation of a vessel meets the others here). Keeps the vessel's
 * observations in the {@code vessel-observations} store for the retention and groups them into
 * deliveries ({@link Deliveries}, by the {@link CorroborationRule}). Out, keyed by IMO number: the
 * observation once for every delivery its arrival changed, carrying the {@link Corroboration}: the
 * first observation of a delivery in full, a later larger one by the difference, a smaller one by
 * nothing, each with every event id and source of the delivery as its evidence.
 *
 * <p>Exactly-once: the store and the output are written in one transaction, and an event id already
 * held is not counted again.
 */
public final class DeliveryCorroborator implements Processor<String, Fact, String, Fact> {

  private final String storeName;
  private final CorroborationRule rule;
  private final Duration retention;
  private ProcessorContext<String, Fact> context;
  private KeyValueStore<String, VesselObservations> vessels;

  public DeliveryCorroborator(String storeName, CorroborationRule rule, Duration retention) {
    this.storeName = storeName;
    this.rule = rule;
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, Fact> context) {
    this.context = context;
    this.vessels = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Fact> record) {
    Fact fact = record.value();
    long now = context.currentSystemTimeMs();
    VesselObservations held = vessels.get(record.key());
    VesselObservations known =
        (held == null ? VesselObservations.none() : held).storedSince(now - retention.toMillis());
    if (known.contains(fact.eventId())) {
      return; // counted already: a re-send the re-send filter no longer remembers
    }
    Observation observation = Observation.of(fact, now);
    List<Observation> alike = known.like(observation.identity());
    List<Delivery> before = Deliveries.group(alike, rule);
    List<Delivery> after =
        Deliveries.group(known.with(observation).like(observation.identity()), rule);
    vessels.put(record.key(), known.with(observation));
    for (Corroboration change : Deliveries.changes(before, after)) {
      context.forward(record.withValue(fact.withCorroboration(change)));
    }
  }
}
