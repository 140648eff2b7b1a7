package io.transfermonitor.streams.corroborate;

import io.transfermonitor.streams.fact.Corroboration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a vessel's observations into deliveries, and tells what changed between two groupings.
 *
 * <p>Sightings of ship-to-ship transfers ({@link CorroborationRule#sighting}) are grouped after the
 * observations that count: each joins the earliest delivery within the window of it (before or
 * after) that it fits, as evidence, or else is grouped with the other sightings left like any
 * observation.
 *
 * <p>The grouping depends only on the set of observations, never on their arrival order: they are
 * taken by event time (then event id), and each joins the earliest delivery it may join by the
 * {@link CorroborationRule} (same identity, within the window of the delivery's first observation,
 * a compatible port), else starts one. So replays and out-of-order arrivals end with the same
 * deliveries and the same totals.
 */
final class Deliveries {

  private Deliveries() {}

  /**
   * The deliveries of {@code observations}, by the time of their first observation. One pass in
   * event-time order: a delivery whose window has closed for one observation has closed for every
   * later one, so each observation is tried only against the deliveries still open, and a delivery
   * keeps its port (that of its first observation naming one) as it grows.
   */
  static List<Delivery> group(List<Observation> observations, CorroborationRule rule) {
    List<Observation> sorted = new ArrayList<>(observations);
    sorted.sort(Observation.BY_TIME);
    List<Observation> counts = new ArrayList<>(sorted.size());
    List<Observation> sightings = new ArrayList<>(0);
    for (Observation o : sorted) {
      (CorroborationRule.sighting(o) ? sightings : counts).add(o);
    }
    List<Growing> deliveries = grow(counts, rule);
    List<Observation> alone = new ArrayList<>(0);
    for (Observation s : sightings) {
      Growing seen = null;
      for (Growing d : deliveries) {
        if (Math.abs(s.eventTime() - d.time) <= rule.window().toMillis()
            && CorroborationRule.fits(s, d.identity)) {
          seen = d;
          break; // the earliest: deliveries are in time order
        }
      }
      if (seen == null) {
        alone.add(s);
      } else {
        seen.observations.add(s);
      }
    }
    List<Growing> all = new ArrayList<>(deliveries);
    all.addAll(grow(alone, rule));
    List<Delivery> grouped = new ArrayList<>(all.size());
    for (Growing d : all) {
      List<Observation> in = new ArrayList<>(d.observations);
      in.sort(Observation.BY_TIME);
      grouped.add(new Delivery(d.head, in));
    }
    grouped.sort(Comparator.comparingLong(Delivery::time).thenComparing(Delivery::id));
    return grouped;
  }

  /**
   * The earliest delivery time whose delivery the arrival (or the forgetting) of {@code o} can
   * change: grouping the observations of the deliveries that start from then on, with or without
   * {@code o}, gives exactly the deliveries that grouping everything gives from then on, and the
   * deliveries that start earlier are the same with or without it. The window before {@code o}
   * ({@code w}), but twice that for an observation of a ship-to-ship transfer that counts:
   *
   * <ul>
   *   <li>What comes before {@code o} (by event time, then id) is grouped as without it, so the
   *       heads of deliveries that count before {@code o} stay, and a delivery that counts changes
   *       only if it is of {@code o}'s identity and open for {@code o} or for something after it:
   *       started {@code w} before {@code o} at the earliest.
   *   <li>A sighting takes the earliest head near it that it fits; the heads before {@code o} stay,
   *       so a sighting changes delivery only if it is {@code o}, or if the head it joins, before
   *       or after, is {@code o}'s or later: the sighting is at most {@code w} before {@code o}.
   *   <li>The sightings that count on their own are grouped like the observations that count; one
   *       that comes or goes at {@code o - w} changes a delivery of them from {@code o - 2w} on.
   * </ul>
   *
   * A sighting itself only joins a delivery within {@code w} of it or counts on its own: {@code o -
   * w}. Observations that are no ship-to-ship transfer meet no sighting: {@code o - w}. The bound
   * is exact: a sighting at {@code o - w}, alone in a delivery started at {@code o - 2w}, joins a
   * report arriving at {@code o} and leaves that delivery. The observations of the deliveries that
   * start from then on start at most {@code w} earlier (a sighting joins a head up to {@code w}
   * after it).
   */
  static long reach(Observation o, CorroborationRule rule) {
    long window = rule.window().toMillis();
    boolean countsWithSightings =
        CorroborationRule.shipToShip(o.identity()) && !CorroborationRule.sighting(o);
    return o.eventTime() - (countsWithSightings ? 2 * window : window);
  }

  /**
   * Groups {@code sorted} (in time order) as the observations of one vessel that count: each joins
   * the earliest delivery still open for it of its identity and port, else starts one.
   */
  private static List<Growing> grow(List<Observation> sorted, CorroborationRule rule) {
    List<Growing> deliveries = new ArrayList<>();
    int firstOpen = 0;
    for (Observation o : sorted) {
      while (firstOpen < deliveries.size() && !rule.open(deliveries.get(firstOpen).time, o)) {
        firstOpen++;
      }
      String port = CorroborationRule.place(o.port());
      Growing joined = null;
      for (int i = firstOpen; i < deliveries.size() && joined == null; i++) {
        Growing d = deliveries.get(i);
        if (d.identity.equals(o.identity()) && rule.joinsPlace(d.port, port)) {
          joined = d;
        }
      }
      if (joined == null) {
        deliveries.add(new Growing(o, port));
      } else {
        joined.add(o, port);
      }
    }
    return deliveries;
  }

  /** A delivery while the grouping builds it. */
  private static final class Growing {
    final Observation head;
    final long time;
    final String identity;
    final List<Observation> observations = new ArrayList<>();
    String port;

    Growing(Observation first, String place) {
      this.head = first;
      this.time = first.eventTime();
      this.identity = first.identity();
      add(first, place);
    }

    void add(Observation o, String place) {
      observations.add(o);
      if (port == null) {
        port = place;
      }
    }
  }

  /**
   * Every delivery that differs between {@code before} and {@code after}, as a {@link
   * Corroboration}: takings-back first, so a total never passes a level on its way to a lower
   * value, then by delivery time and id.
   */
  static List<Corroboration> changes(List<Delivery> before, List<Delivery> after) {
    Map<String, Delivery> was = byId(before);
    Map<String, Delivery> now = byId(after);
    Map<String, Delivery> all = new LinkedHashMap<>(was);
    now.forEach(all::putIfAbsent);
    List<Corroboration> changes = new ArrayList<>();
    all.forEach(
        (id, any) -> {
          Delivery b = was.get(id);
          Delivery a = now.get(id);
          if (b == null || !b.equals(a)) {
            changes.add(change(id, any.time(), b, a));
          }
        });
    changes.sort(
        Comparator.comparing((Corroboration c) -> c.counted() - c.countedBefore() >= 0)
            .thenComparingLong(Corroboration::deliveryTime)
            .thenComparing(Corroboration::deliveryId));
    return changes;
  }

  private static Corroboration change(String id, long time, Delivery before, Delivery after) {
    return new Corroboration(
        id,
        time,
        before == null ? 0 : before.counted(),
        after == null ? 0 : after.counted(),
        before == null ? 0 : before.observations().size(),
        after == null ? List.of() : after.eventIds(),
        before == null ? 0 : before.sources().size(),
        after == null ? List.of() : after.sources());
  }

  private static Map<String, Delivery> byId(List<Delivery> deliveries) {
    Map<String, Delivery> byId = new LinkedHashMap<>();
    deliveries.forEach(d -> byId.put(d.id(), d));
    return byId;
  }
}
