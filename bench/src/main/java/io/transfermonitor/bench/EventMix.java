package io.transfermonitor.bench;

import io.transfermonitor.model.EventKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * How often each event kind occurs in a workload, as relative weights. The default is what a
 * monitoring desk sees: mostly tanker deliveries and container shipments, a few arms transfers,
 * troop deployments, worker dispatches and payments.
 */
public final class EventMix {

  private final EventKind[] kinds = EventKind.values();
  private final double[] cumulative = new double[kinds.length];

  public EventMix(Map<EventKind, Double> weights) {
    double total = 0;
    for (int i = 0; i < kinds.length; i++) {
      double w = weights.getOrDefault(kinds[i], 0.0);
      if (w < 0) {
        throw new IllegalArgumentException("weight of " + kinds[i] + " must not be negative");
      }
      total += w;
      cumulative[i] = total;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("at least one event kind needs a positive weight");
    }
    for (int i = 0; i < kinds.length; i++) {
      cumulative[i] /= total;
    }
  }

  /**
   * 50 % tanker deliveries, 35 % container shipments, 4 % arms, 2 % troops, 4 % workers, 5 % pay.
   */
  public static EventMix realistic() {
    Map<EventKind, Double> w = new EnumMap<>(EventKind.class);
    w.put(EventKind.TANKER_DELIVERY, 50.0);
    w.put(EventKind.CONTAINER_SHIPMENT, 35.0);
    w.put(EventKind.ARMS_TRANSFER, 4.0);
    w.put(EventKind.TROOP_DEPLOYMENT, 2.0);
    w.put(EventKind.WORKER_DISPATCH, 4.0);
    w.put(EventKind.FINANCIAL_TRANSFER, 5.0);
    return new EventMix(w);
  }

  /** The kind drawn by a uniform number {@code u} in [0, 1). */
  public EventKind pick(double u) {
    for (int i = 0; i < kinds.length; i++) {
      if (u < cumulative[i]) {
        return kinds[i];
      }
    }
    return kinds[kinds.length - 1];
  }

  /** The share of {@code kind}, between 0 and 1. */
  public double share(EventKind kind) {
    int i = kind.ordinal();
    return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
  }
}
