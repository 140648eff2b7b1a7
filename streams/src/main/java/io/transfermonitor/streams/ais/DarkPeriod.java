package io.transfermonitor.streams.ais;

/**
 * A vessel silent for at least the dark gap ({@link DarkPeriods}) after it was last seen in, or
 * heading for, an area of interest.
 *
 * @param mmsi the vessel
 * @param last its last position before the silence
 * @param next its first position after, or null while it is still dark (an open period)
 * @param asOf when an open period was checked (the next position's time once closed)
 * @param why the area it was in or heading for, e.g. "in DPRK west coast waters"
 * @param draughtBefore the draught it last sent before the silence, null when unknown
 * @param draughtAfter the draught it last sent by {@code asOf}, null when unknown
 */
public record DarkPeriod(
    String mmsi,
    Ping last,
    Ping next,
    long asOf,
    String why,
    Double draughtBefore,
    Double draughtAfter)
    implements AisFinding {

  @Override
  public String id() {
    return mmsi + "/dark/" + last.time();
  }

  @Override
  public long time() {
    return last.time();
  }

  /** Whether the vessel is still dark. */
  public boolean open() {
    return next == null;
  }

  /** Hours without a position, up to {@code asOf} while open. */
  public double hoursDark() {
    return (asOf - last.time()) / 3_600_000.0;
  }

  /** Nautical miles between the last and the next position; null while open. */
  public Double nauticalMiles() {
    return next == null ? null : last.metresTo(next) / Geo.METRES_PER_NAUTICAL_MILE;
  }

  /** Draught after less draught before; null when either is unknown. */
  public Double draughtChange() {
    return draughtBefore == null || draughtAfter == null ? null : draughtAfter - draughtBefore;
  }
}
