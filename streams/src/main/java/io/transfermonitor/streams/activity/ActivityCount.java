package io.transfermonitor.streams.activity;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.TransportMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one fact adds to one activity row, keyed by the row: crosses the {@code activity-by-row}
 * repartition topic. Rows are either weekly cells ({@link #WEEKLY}: kind, ISO week, origin,
 * destination, transport mode, route) or period totals ({@link #PERIOD}: kind, calendar year,
 * origin, destination).
 *
 * @param dimension {@link #WEEKLY} or {@link #PERIOD}: the names of the row key's parts
 * @param kind the event kind
 * @param bucket the ISO week ({@code 2024-W11}) or the year ({@code 2024})
 * @param origin ISO alpha-3 origin, or null
 * @param destination ISO alpha-3 destination, or null
 * @param transportMode weekly rows: the transport mode, or null
 * @param routeStart weekly rows: where the route starts, or null
 * @param routeEnd weekly rows: where the route ends, or null
 * @param unit unit of {@code quantity}
 * @param quantity what the fact adds in {@code unit}
 * @param events change in the number of events
 * @param deliveries tanker deliveries: change in the number of deliveries, else null
 * @param corroboratedDeliveries tanker deliveries: change in the deliveries more than one source
 *     saw, else null
 */
public record ActivityCount(
    String dimension,
    EventKind kind,
    String bucket,
    String origin,
    String destination,
    TransportMode transportMode,
    String routeStart,
    String routeEnd,
    String unit,
    double quantity,
    long events,
    Long deliveries,
    Long corroboratedDeliveries) {

  /** Dimension of weekly cells. */
  public static final String WEEKLY =
      "kind/week/origin/destination/transportMode/routeStart/routeEnd";

  /** Dimension of period totals. */
  public static final String PERIOD = "kind/period/origin/destination";

  /** The row key: the values of the dimension, joined by '/', '-' for a missing one. */
  public String key() {
    List<String> parts = new ArrayList<>(List.of(kind.name(), bucket));
    parts.add(part(origin));
    parts.add(part(destination));
    if (WEEKLY.equals(dimension)) {
      parts.add(transportMode == null ? "-" : transportMode.name());
      parts.add(part(routeStart));
      parts.add(part(routeEnd));
    }
    return String.join("/", parts);
  }

  public boolean weekly() {
    return WEEKLY.equals(dimension);
  }

  /**
   * The parts of a row {@code key}, each value as it was before it was written into the key: null
   * for {@code -}, {@code %2F} and {@code %25} read back as {@code /} and {@code %}.
   */
  public static List<String> partsOf(String key) {
    List<String> values = new ArrayList<>();
    for (String part : key.split("/", -1)) {
      // undone in the reverse order of part(): an escaped '%' is never followed by "2F"
      values.add(part.equals("-") ? null : part.replace("%2F", "/").replace("%25", "%"));
    }
    return values;
  }

  private static String part(String value) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    return value.replace("%", "%25").replace("/", "%2F");
  }
}
