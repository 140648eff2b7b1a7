package io.transfermonitor.streams.query;

import io.transfermonitor.streams.activity.ActivityCount;
import io.transfermonitor.streams.activity.ActivityTally;
import java.util.List;
import java.util.Map;

/**
 * One row of the {@code activity} store as the dashboard and its JSON API show it: a weekly cell
 * (event kind, ISO week, origin, destination, transport mode, route) or a calendar year's total of
 * troops or workers (kind, year, origin, destination), with what it counted. The dimensions are
 * read back from the row key, so a row says what it counts without its key being parsed again.
 *
 * @param key the row key, as on {@code tm.aggregates.activity}
 * @param kind the event kind
 * @param week weekly cells: the ISO week ({@code 2024-W11}), else null
 * @param year yearly totals: the calendar year ({@code 2024}), else null
 * @param origin ISO alpha-3 origin, null when the events give none
 * @param destination ISO alpha-3 destination, null when the events give none
 * @param transportMode weekly cells: the transport mode, or null
 * @param routeStart weekly cells: where the route starts, or null
 * @param routeEnd weekly cells: where the route ends, or null
 * @param eventCount events counted
 * @param quantities quantity per unit (CONTAINERS, PERSONNEL, BARREL, a currency code, ...)
 * @param deliveryCount tanker deliveries: deliveries counted, else null
 * @param corroboratedDeliveryCount tanker deliveries: deliveries more than one source saw, else
 *     null
 */
public record ActivityRow(
    String key,
    String kind,
    String week,
    String year,
    String origin,
    String destination,
    String transportMode,
    String routeStart,
    String routeEnd,
    long eventCount,
    Map<String, Double> quantities,
    Long deliveryCount,
    Long corroboratedDeliveryCount) {

  private static final int WEEKLY_PARTS = ActivityCount.WEEKLY.split("/").length;
  private static final int PERIOD_PARTS = ActivityCount.PERIOD.split("/").length;

  public static ActivityRow of(String key, ActivityTally tally) {
    List<String> parts = ActivityCount.partsOf(key);
    boolean weekly = parts.size() == WEEKLY_PARTS;
    if (!weekly && parts.size() != PERIOD_PARTS) {
      throw new IllegalStateException(
          "activity row key '"
              + key
              + "' is neither "
              + ActivityCount.WEEKLY
              + " nor "
              + ActivityCount.PERIOD);
    }
    return new ActivityRow(
        key,
        parts.get(0),
        weekly ? parts.get(1) : null,
        weekly ? null : parts.get(1),
        parts.get(2),
        parts.get(3),
        weekly ? parts.get(4) : null,
        weekly ? parts.get(5) : null,
        weekly ? parts.get(6) : null,
        tally.eventCount(),
        Map.copyOf(tally.quantities()),
        tally.deliveryCount(),
        tally.corroboratedDeliveryCount());
  }

  /** Whether it is a weekly cell (else a year's total). */
  public boolean weekly() {
    return week != null;
  }
}
