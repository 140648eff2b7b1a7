package io.transfermonitor.streams.activity;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the facts one task has read since it last sent its totals add to one activity row: the row
 * (its dimensions, from the first count) and the tally of what they add. Keyed by the row on the
 * {@code activity-partials} repartition topic, so the task that keeps the row adds it in one step.
 *
 * @param row the row's dimensions (its own quantity fields are not read)
 * @param added what the facts add
 */
public record ActivityPartial(ActivityCount row, ActivityTally added) {

  /** The partial of one count. */
  public static ActivityPartial of(ActivityCount count) {
    return new ActivityPartial(count, ActivityTally.none().add(count));
  }

  /** This partial with {@code count} added. */
  public ActivityPartial plus(ActivityCount count) {
    return new ActivityPartial(row, added.add(count));
  }

  /** A sum starting from this partial, to add more counts of its row to in place. */
  public Sum sum() {
    return new Sum(this);
  }

  /** A sum starting from {@code count}, to add more counts of its row to in place. */
  public static Sum sum(ActivityCount count) {
    return new Sum(count);
  }

  /** An {@link ActivityPartial} being added to, in place, between a task's sends. */
  public static final class Sum {
    private final ActivityCount row;
    private long events;
    private final SortedMap<String, Double> quantities = new TreeMap<>();
    private Long deliveries;
    private Long corroboratedDeliveries;

    private Sum(ActivityCount first) {
      row = first;
      add(first);
    }

    private Sum(ActivityPartial from) {
      row = from.row();
      events = from.added().eventCount();
      quantities.putAll(from.added().quantities());
      deliveries = from.added().deliveryCount();
      corroboratedDeliveries = from.added().corroboratedDeliveryCount();
    }

    /** Adds one count of the row. */
    public Sum add(ActivityCount count) {
      events += count.events();
      quantities.merge(count.unit(), count.quantity(), Double::sum);
      if (count.deliveries() != null) {
        deliveries = (deliveries == null ? 0 : deliveries) + count.deliveries();
      }
      if (count.corroboratedDeliveries() != null) {
        corroboratedDeliveries =
            (corroboratedDeliveries == null ? 0 : corroboratedDeliveries)
                + count.corroboratedDeliveries();
      }
      return this;
    }

    /** What has been added so far, as a partial. */
    public ActivityPartial partial() {
      return new ActivityPartial(
          row, new ActivityTally(events, quantities, deliveries, corroboratedDeliveries));
    }
  }

  /** The row key. */
  public String key() {
    return row.key();
  }
}
