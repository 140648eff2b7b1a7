package io.transfermonitor.streams.corroborate;

import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 3b, corroborate, on the task that holds a vessel's observations: OBSERVED tanker deliveries
 * with an IMO number arrive one by one. Keeps each observation for the retention in the {@code
 * vessel-observations} store ({@link VesselLog}: one entry each, with the time of its delivery) and
 * groups them into deliveries ({@link Deliveries}, by the {@link CorroborationRule}). Out: the
 * observation once for every delivery its arrival changed, carrying the {@link Corroboration}: the
 * first observation of a delivery in full, a later larger one by the difference, a smaller one by
 * nothing, each with every event id and source of the delivery as its evidence.
 *
 * <p>An arrival at time t regroups only what it can change. Grouping takes observations by event
 * time and puts each in the earliest delivery still open for it (started at most the window
 * before), so what comes before t keeps its delivery, and neither t nor anything after it can join
 * a delivery started more than the window before t; a sighting of a ship-to-ship transfer joins the
 * earliest delivery near it (the window before or after), so the sightings that can move are those
 * from the window before t on, and with them the deliveries of sightings that count on their own
 * from twice the window before t ({@link Deliveries#reach}). The regrouping takes the vessel's
 * observations of the same group whose delivery started from that reach on: grouped alone they make
 * the same deliveries they make among all, and the arrival can change only those. Its cost is the
 * observations of one window (up to three for a ship-to-ship transfer, whose sightings may precede
 * their delivery by the window), whatever the vessel's history.
 *
 * <p>Exactly-once: the store and the output are written in one transaction, and an observation
 * already held is not counted again.
 */
public final class Corroborator {

  private final VesselLog vessels;
  private final CorroborationRule rule;
  private final Duration retention;

  /**
   * @param store the {@code vessel-observations} store ({@link VesselLog#storeBuilder})
   * @param rule when observations are one delivery
   * @param retention how long an observation is kept (by the wall clock)
   */
  public Corroborator(
      KeyValueStore<String, HeldObservation> store, CorroborationRule rule, Duration retention) {
    this.vessels = new VesselLog(store);
    this.rule = rule;
    this.retention = retention;
  }

  /**
   * Files {@code fact}, an observation of vessel {@code imo}, at wall-clock {@code now}, read at
   * offset {@code readAt} of the task's input: the fact once for every delivery its arrival
   * changed, carrying the {@link Corroboration}, take-backs first; nothing for an observation held
   * already.
   */
  public List<Fact> arrive(String imo, Fact fact, long now, long readAt) {
    Observation observation = Observation.of(fact, now);
    if (vessels.holds(imo, observation)) {
      return List.of(); // counted already: a re-send the re-send filter no longer remembers
    }
    List<HeldObservation> region = regionOf(imo, observation, now - retention.toMillis());
    List<Observation> alike = region.stream().map(HeldObservation::observation).toList();
    List<Delivery> before = Deliveries.group(alike, rule);
    List<Observation> withIt = new ArrayList<>(alike);
    withIt.add(observation);
    List<Delivery> after = Deliveries.group(withIt, rule);
    keep(imo, observation, readAt, region, after);
    // each change is counted as its delivery's head counts: with a sighting of a ship-to-ship
    // transfer, that may be another observation than the one arriving
    Map<String, String> identityOf = new HashMap<>();
    before.forEach(d -> identityOf.put(d.id(), d.identity()));
    after.forEach(d -> identityOf.put(d.id(), d.identity()));
    List<Fact> changes = new ArrayList<>(1);
    for (Corroboration change : Deliveries.changes(before, after)) {
      Fact counted = CorroborationRule.countedAs(fact, identityOf.get(change.deliveryId()));
      changes.add(counted.withCorroboration(change));
    }
    return changes;
  }

  /**
   * The held observations of the vessel and identity (for a ship-to-ship transfer, of its product
   * class) a regrouping for {@code arrival} must take: those of the deliveries started from {@link
   * Deliveries#reach} on (the window before it, twice that for a ship-to-ship transfer that counts,
   * whose sightings may move). A sighting may join a delivery up to the window after it, so for a
   * ship-to-ship transfer the scan starts one window earlier still; the stored time of each
   * observation's delivery picks them.
   */
  private List<HeldObservation> regionOf(String imo, Observation arrival, long forgetBefore) {
    long reach = Deliveries.reach(arrival, rule);
    long scanFrom =
        CorroborationRule.shipToShip(arrival.identity()) ? reach - rule.window().toMillis() : reach;
    List<HeldObservation> held = vessels.from(imo, arrival.identity(), scanFrom, forgetBefore);
    held.removeIf(h -> h.deliveryTime() < reach);
    return held;
  }

  /** Stores the arrival and every observation whose delivery now starts at another time. */
  private void keep(
      String imo,
      Observation arrival,
      long readAt,
      List<HeldObservation> region,
      List<Delivery> after) {
    Map<String, Long> deliveryOf = new HashMap<>();
    for (Delivery delivery : after) {
      delivery.eventIds().forEach(id -> deliveryOf.put(id, delivery.time()));
    }
    vessels.put(imo, new HeldObservation(arrival, deliveryOf.get(arrival.eventId()), readAt));
    for (HeldObservation held : region) {
      long now = deliveryOf.get(held.observation().eventId());
      if (now != held.deliveryTime()) {
        vessels.put(imo, new HeldObservation(held.observation(), now, held.readAt()));
      }
    }
  }
}
