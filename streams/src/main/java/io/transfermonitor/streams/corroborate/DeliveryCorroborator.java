package io.transfermonitor.streams.corroborate;

import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Stage 3b, corroborate. In: OBSERVED tanker deliveries with an IMO number, keyed by that number
 * (so every observation of a vessel meets the others here). Keeps each observation for the
 * retention in the {@code vessel-observations} store ({@link VesselLog}: one entry each, with the
 * time of its delivery) and groups them into deliveries ({@link Deliveries}, by the {@link
 * CorroborationRule}). Out, keyed by IMO number: the observation once for every delivery its
 * arrival changed, carrying the {@link Corroboration}: the first observation of a delivery in full,
 * a later larger one by the difference, a smaller one by nothing, each with every event id and
 * source of the delivery as its evidence.
 *
 * <p>An arrival at time t regroups only what it can change. Grouping takes observations by event
 * time and puts each in the earliest delivery it may join, so what comes before t keeps its
 * delivery; an observation at t may join a delivery started within the window before it, or start
 * one that later observations join instead of their own. So the regrouping starts at the earliest
 * delivery that has a member within the window before t (and, in turn, the earliest delivery with a
 * member after that one's start), where no delivery started earlier reaches, and takes every
 * observation of the vessel and identity from there: the same deliveries as grouping all of them,
 * at the cost of the few near t.
 *
 * <p>Exactly-once: the store and the output are written in one transaction, and an observation
 * already held is not counted again.
 */
public final class DeliveryCorroborator implements Processor<String, Fact, String, Fact> {

  private final String storeName;
  private final CorroborationRule rule;
  private final Duration retention;
  private ProcessorContext<String, Fact> context;
  private VesselLog vessels;

  public DeliveryCorroborator(String storeName, CorroborationRule rule, Duration retention) {
    this.storeName = storeName;
    this.rule = rule;
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, Fact> context) {
    this.context = context;
    this.vessels = new VesselLog(context.getStateStore(storeName));
  }

  @Override
  public void process(Record<String, Fact> record) {
    Fact fact = record.value();
    String imo = record.key();
    long now = context.currentSystemTimeMs();
    Observation observation = Observation.of(fact, now);
    if (vessels.holds(imo, observation)) {
      return; // counted already: a re-send the re-send filter no longer remembers
    }
    List<HeldObservation> region = regionOf(imo, observation, now - retention.toMillis());
    List<Observation> alike = region.stream().map(HeldObservation::observation).toList();
    List<Delivery> before = Deliveries.group(alike, rule);
    List<Observation> withIt = new ArrayList<>(alike);
    withIt.add(observation);
    List<Delivery> after = Deliveries.group(withIt, rule);
    keep(imo, observation, region, after);
    for (Corroboration change : Deliveries.changes(before, after)) {
      context.forward(record.withValue(fact.withCorroboration(change)));
    }
  }

  /**
   * The held observations of the vessel and identity a regrouping for {@code arrival} must take:
   * from a time no delivery started earlier reaches past.
   */
  private List<HeldObservation> regionOf(String imo, Observation arrival, long forgetBefore) {
    long from = arrival.eventTime() - rule.window().toMillis();
    while (true) {
      List<HeldObservation> held = vessels.from(imo, arrival.identity(), from, forgetBefore);
      long start =
          held.stream().mapToLong(HeldObservation::deliveryTime).min().orElse(Long.MAX_VALUE);
      if (start >= from) {
        return held;
      }
      from = start;
    }
  }

  /** Stores the arrival and every observation whose delivery now starts at another time. */
  private void keep(
      String imo, Observation arrival, List<HeldObservation> region, List<Delivery> after) {
    Map<String, Long> deliveryOf = new HashMap<>();
    for (Delivery delivery : after) {
      delivery.eventIds().forEach(id -> deliveryOf.put(id, delivery.time()));
    }
    vessels.put(imo, new HeldObservation(arrival, deliveryOf.get(arrival.eventId())));
    for (HeldObservation held : region) {
      long now = deliveryOf.get(held.observation().eventId());
      if (now != held.deliveryTime()) {
        vessels.put(imo, new HeldObservation(held.observation(), now));
      }
    }
  }
}
