package io.transfermonitor.streams.corroborate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One delivery: the observations of one vessel that the {@link CorroborationRule} puts together, by
 * event time. It counts once, with its largest observation, as its head counts (the first
 * observation that counts; sightings of a transfer that joined it may be earlier).
 *
 * @param head the observation that names it, whose period, route and rules it counts in
 * @param observations its observations, by event time then event id (never empty)
 */
record Delivery(Observation head, List<Observation> observations) {

  Delivery {
    observations = List.copyOf(observations);
  }

  /** A delivery whose first observation is its head. */
  Delivery(List<Observation> observations) {
    this(observations.get(0), observations);
  }

  /** The head's event id, which names the delivery. */
  String id() {
    return head.eventId();
  }

  /** The head's event time: the period the delivery counts in. */
  long time() {
    return head.eventTime();
  }

  /** What the head shares with observations of its delivery: the rules it counts against. */
  String identity() {
    return head.identity();
  }

  /** The port of the first observation that names one, or null. */
  String port() {
    return observations.stream()
        .map(Observation::port)
        .filter(p -> p != null)
        .findFirst()
        .orElse(null);
  }

  /** What the delivery counts: its largest observation. */
  double counted() {
    return observations.stream().mapToDouble(Observation::amount).max().orElse(0);
  }

  List<String> eventIds() {
    return observations.stream().map(Observation::eventId).toList();
  }

  /** Distinct sources, in the order they first saw it (a null source counts as one). */
  List<String> sources() {
    Set<String> sources = new LinkedHashSet<>();
    observations.forEach(o -> sources.add(String.valueOf(o.source())));
    return List.copyOf(sources);
  }
}
