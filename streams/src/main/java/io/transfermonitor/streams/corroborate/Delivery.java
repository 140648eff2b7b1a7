package io.transfermonitor.streams.corroborate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One delivery: the observations of one vessel that the {@link CorroborationRule} puts together, by
 * event time. It counts once, with its largest observation.
 *
 * @param observations its observations, by event time then event id (never empty)
 */
record Delivery(List<Observation> observations) {

  Delivery {
    observations = List.copyOf(observations);
  }

  /** The first observation's event id, which names the delivery. */
  String id() {
    return first().eventId();
  }

  /** The first observation's event time: the period the delivery counts in. */
  long time() {
    return first().eventTime();
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

  private Observation first() {
    return observations.get(0);
  }
}
