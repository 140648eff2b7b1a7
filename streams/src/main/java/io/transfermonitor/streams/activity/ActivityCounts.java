package io.transfermonitor.streams.activity;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.streams.fact.Contribution;
import io.transfermonitor.streams.fact.Fact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;

/**
 * Stage 8, activity rows of one fact: its weekly cell, and for troop deployments and worker
 * dispatches the total of its calendar year. A corroborated tanker observation adds what it adds to
 * its delivery (each delivery's barrels once), in the week of the delivery's first observation.
 */
public final class ActivityCounts {

  /** Kinds whose cumulative total per period is kept besides the weekly cells. */
  static final Set<EventKind> CUMULATIVE =
      Set.of(EventKind.TROOP_DEPLOYMENT, EventKind.WORKER_DISPATCH);

  private ActivityCounts() {}

  /** The rows {@code fact} adds to, keyed by row. */
  public static List<KeyValue<String, ActivityCount>> of(Fact fact) {
    Contribution c = fact.contribution();
    ZonedDateTime time = Instant.ofEpochMilli(c.time()).atZone(ZoneOffset.UTC);
    boolean tanker = fact.kind() == EventKind.TANKER_DELIVERY;
    Long deliveries = tanker ? c.deliveries() : null;
    Long corroborated = tanker ? c.corroboratedDeliveries() : null;
    List<KeyValue<String, ActivityCount>> rows = new ArrayList<>(2);
    rows.add(
        row(
            new ActivityCount(
                ActivityCount.WEEKLY,
                fact.kind(),
                isoWeek(time),
                fact.origin(),
                fact.destination(),
                fact.transportMode(),
                fact.routeStart(),
                fact.routeEnd(),
                fact.amountUnit(),
                c.amount(),
                c.events(),
                deliveries,
                corroborated)));
    if (CUMULATIVE.contains(fact.kind())) {
      rows.add(
          row(
              new ActivityCount(
                  ActivityCount.PERIOD,
                  fact.kind(),
                  String.valueOf(time.getYear()),
                  fact.origin(),
                  fact.destination(),
                  null,
                  null,
                  null,
                  fact.amountUnit(),
                  c.amount(),
                  c.events(),
                  null,
                  null)));
    }
    return rows;
  }

  /** {@code 2024-W01}: the ISO-8601 week-based year and week. */
  public static String isoWeek(ZonedDateTime time) {
    int week = time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    // "%d-W%02d" by hand: a Formatter per event was a tenth of the activity stage
    return time.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
  }

  private static KeyValue<String, ActivityCount> row(ActivityCount count) {
    return KeyValue.pair(count.key(), count);
  }
}
