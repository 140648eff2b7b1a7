package io.transfermonitor.streams.ais;

/**
 * One position of one vessel as the detectors read it: a {@code VesselPosition} without what they
 * do not use. Speed, course and heading are null when the message said "not available".
 *
 * @param mmsi the vessel's MMSI, 9 digits
 * @param time epoch milliseconds (UTC)
 * @param lat degrees north
 * @param lon degrees east
 * @param speedKnots speed over ground, or null
 * @param courseDegrees course over ground, or null
 * @param headingDegrees true heading, or null
 */
public record Ping(
    String mmsi,
    long time,
    double lat,
    double lon,
    Double speedKnots,
    Double courseDegrees,
    Integer headingDegrees) {

  /** A position with no speed, course or heading (a test's or a CSV's bare track point). */
  public static Ping at(String mmsi, long time, double lat, double lon) {
    return new Ping(mmsi, time, lat, lon, null, null, null);
  }

  /** The same position with speed over ground {@code knots}. */
  public Ping withSpeed(double knots) {
    return new Ping(mmsi, time, lat, lon, knots, courseDegrees, headingDegrees);
  }

  /** Metres from this position to {@code other}'s. */
  public double metresTo(Ping other) {
    return Geo.metres(lat, lon, other.lat, other.lon);
  }
}
