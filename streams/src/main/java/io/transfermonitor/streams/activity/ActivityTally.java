package io.transfermonitor.streams.activity;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One activity row as the {@code activity} store keeps it (key = the row key).
 *
 * @param eventCount events counted
 * @param quantities quantity per unit
 * @param deliveryCount tanker deliveries: deliveries counted, else null
 * @param corroboratedDeliveryCount tanker deliveries: deliveries more than one source saw, else
 *     null
 */
public record ActivityTally(
    long eventCount,
    SortedMap<String, Double> quantities,
    Long deliveryCount,
    Long corroboratedDeliveryCount) {

  public ActivityTally {
    quantities =
        Collections.unmodifiableSortedMap(
            quantities == null ? new TreeMap<>() : new TreeMap<>(quantities));
  }

  public static ActivityTally none() {
    return new ActivityTally(0, null, null, null);
  }

  public ActivityTally add(ActivityCount count) {
    SortedMap<String, Double> more = new TreeMap<>(quantities);
    more.merge(count.unit(), count.quantity(), Double::sum);
    return new ActivityTally(
        eventCount + count.events(),
        more,
        sum(deliveryCount, count.deliveries()),
        sum(corroboratedDeliveryCount, count.corroboratedDeliveries()));
  }

  /** This tally and {@code other} added up. */
  ActivityTally plus(ActivityTally other) {
    SortedMap<String, Double> more = new TreeMap<>(quantities);
    other.quantities.forEach((unit, quantity) -> more.merge(unit, quantity, Double::sum));
    return new ActivityTally(
        eventCount + other.eventCount,
        more,
        sum(deliveryCount, other.deliveryCount),
        sum(corroboratedDeliveryCount, other.corroboratedDeliveryCount));
  }

  private static Long sum(Long total, Long change) {
    if (change == null) {
      return total;
    }
    return (total == null ? 0 : total) + change;
  }
}
