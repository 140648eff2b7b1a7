package io.transfermonitor.streams.ais;

import java.util.ArrayList;
import java.util.List;

/** Tracks for tests: a vessel moving on a steady course, one ping every few minutes. */
final class Tracks {

  static final long MINUTE = 60_000;
  static final long HOUR = 60 * MINUTE;

  private Tracks() {}

  /**
   * Pings of a vessel from {@code from} (plus {@code offset}) to {@code to}, one each {@code
   * every}, going {@code knots} on {@code bearing} from ({@code lat}, {@code lon}) at {@code from}.
   */
  static List<Ping> steady(
      String mmsi,
      long from,
      long to,
      long every,
      long offset,
      double lat,
      double lon,
      double bearing,
      double knots) {
    List<Ping> pings = new ArrayList<>();
    for (long t = from + offset; t <= to; t += every) {
      double metres = knots * Geo.METRES_PER_NAUTICAL_MILE * (t - from) / HOUR;
      double[] p = Geo.offset(lat, lon, bearing, metres);
      pings.add(new Ping(mmsi, t, p[0], p[1], knots, bearing, (int) Math.round(bearing) % 360));
    }
    return pings;
  }

  /**
   * Two vessels drifting side by side {@code apart} metres apart from {@code from} to {@code to},
   * arriving before and leaving after at 11 kn, so that they are slow and close exactly then.
   */
  static List<Ping> sideBySide(
      String a, String b, double lat, double lon, long from, long to, double apart) {
    List<Ping> pings = new ArrayList<>();
    double[] bAt = Geo.offset(lat, lon, 0, apart);
    pings.addAll(steady(a, from, to, 2 * MINUTE, 0, lat, lon, 90, 0.6));
    pings.addAll(steady(b, from, to, 3 * MINUTE, MINUTE, bAt[0], bAt[1], 90, 0.6));
    double[] aEnd = Geo.offset(lat, lon, 90, 0.6 * 1852 * (to - from) / HOUR);
    double[] bEnd = Geo.offset(bAt[0], bAt[1], 90, 0.6 * 1852 * (to - from) / HOUR);
    // under way before and after: fast pings, which never reach the cells
    double[] aStart = Geo.offset(lat, lon, 270, 11 * 1852);
    double[] bStart = Geo.offset(bAt[0], bAt[1], 270, 11 * 1852);
    pings.addAll(steady(a, from - HOUR, from - 1, 2 * MINUTE, 0, aStart[0], aStart[1], 90, 11));
    pings.addAll(steady(b, from - HOUR, from - 1, 3 * MINUTE, 0, bStart[0], bStart[1], 90, 11));
    pings.addAll(steady(a, to + MINUTE, to + HOUR, 2 * MINUTE, 0, aEnd[0], aEnd[1], 0, 11));
    pings.addAll(steady(b, to + MINUTE, to + HOUR, 3 * MINUTE, 0, bEnd[0], bEnd[1], 180, 11));
    return pings;
  }
}
