package io.transfermonitor.streams.activity;

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

  /** The row key. */
  public String key() {
    return row.key();
  }
}
