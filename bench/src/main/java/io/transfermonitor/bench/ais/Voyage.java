package io.transfermonitor.bench.ais;

import io.transfermonitor.streams.ais.Geo;
import io.transfermonitor.streams.ais.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A vessel's planned movement: waypoints with times, straight (great-circle) and at steady speed
 * between them. {@link #pings} samples it the way thinned AIS looks: one position every one to
 * three minutes (a transponder's every 2 to 10 s, kept one a minute or so), tens of metres of noise
 * on the position, a tenth of a knot on the speed, a few degrees on the course.
 */
final class Voyage {

  static final long MINUTE = 60_000;
  static final long HOUR = 60 * MINUTE;

  /** Share of positions whose speed, course and heading say "not available". */
  static final double NOT_AVAILABLE = 0.02;

  private record Waypoint(long time, double lat, double lon) {}

  private final String mmsi;
  private final List<Waypoint> waypoints = new ArrayList<>();

  private Voyage(String mmsi, long time, double lat, double lon) {
    this.mmsi = mmsi;
    waypoints.add(new Waypoint(time, lat, lon));
  }

  /** A voyage that begins at ({@code lat}, {@code lon}) at {@code time}. */
  static Voyage from(String mmsi, long time, double lat, double lon) {
    return new Voyage(mmsi, time, lat, lon);
  }

  /**
   * A voyage that arrives at ({@code lat}, {@code lon}) at {@code time} from {@code metres} off.
   */
  static Voyage arriving(
      String mmsi,
      long time,
      double lat,
      double lon,
      double fromBearing,
      double metres,
      double kn) {
    double[] start = Geo.offset(lat, lon, fromBearing, metres);
    Voyage voyage = new Voyage(mmsi, time - millisFor(metres, kn), start[0], start[1]);
    return voyage.to(time, lat, lon);
  }

  /** Goes straight to ({@code lat}, {@code lon}), arriving at {@code time}. */
  Voyage to(long time, double lat, double lon) {
    if (time < end()) {
      throw new IllegalArgumentException("waypoints must go forward in time");
    }
    waypoints.add(new Waypoint(time, lat, lon));
    return this;
  }

  /** Goes to ({@code lat, lon}) = {@code at}, arriving at {@code time}. */
  Voyage to(long time, double[] at) {
    return to(time, at[0], at[1]);
  }

  /** Sails {@code metres} on {@code bearing} at {@code knots}. */
  Voyage sail(double bearing, double metres, double knots) {
    Waypoint last = last();
    double[] to = Geo.offset(last.lat(), last.lon(), bearing, metres);
    return to(last.time() + millisFor(metres, knots), to);
  }

  /** Drifts {@code knots} on {@code bearing} until {@code time}. */
  Voyage driftUntil(long time, double bearing, double knots) {
    Waypoint last = last();
    double metres = knots * Geo.METRES_PER_NAUTICAL_MILE * (time - last.time()) / HOUR;
    return to(time, Geo.offset(last.lat(), last.lon(), bearing, metres));
  }

  long start() {
    return waypoints.get(0).time();
  }

  long end() {
    return last().time();
  }

  /** Where the plan puts the vessel at {@code time} (the first or last waypoint outside it). */
  double[] at(long time) {
    Waypoint first = waypoints.get(0);
    if (time <= first.time()) {
      return new double[] {first.lat(), first.lon()};
    }
    for (int i = 1; i < waypoints.size(); i++) {
      Waypoint a = waypoints.get(i - 1);
      Waypoint b = waypoints.get(i);
      if (time <= b.time()) {
        double f = b.time() == a.time() ? 1 : (double) (time - a.time()) / (b.time() - a.time());
        double metres = Geo.metres(a.lat(), a.lon(), b.lat(), b.lon());
        if (metres == 0) {
          return new double[] {a.lat(), a.lon()};
        }
        return Geo.offset(
            a.lat(), a.lon(), Geo.bearing(a.lat(), a.lon(), b.lat(), b.lon()), f * metres);
      }
    }
    Waypoint last = last();
    return new double[] {last.lat(), last.lon()};
  }

  /** Thinned, noisy AIS positions from the first waypoint to the last. */
  List<Ping> pings(Random random) {
    List<Ping> pings = new ArrayList<>();
    long t = waypoints.get(0).time() + (long) (random.nextDouble() * MINUTE);
    int segment = 1;
    while (t <= end()) {
      while (waypoints.get(segment).time() < t) {
        segment++;
      }
      Waypoint a = waypoints.get(segment - 1);
      Waypoint b = waypoints.get(segment);
      double metres = Geo.metres(a.lat(), a.lon(), b.lat(), b.lon());
      double hours = Math.max(1, b.time() - a.time()) / (double) HOUR;
      double knots = metres / Geo.METRES_PER_NAUTICAL_MILE / hours;
      double course =
          metres == 0 ? random.nextDouble() * 360 : Geo.bearing(a.lat(), a.lon(), b.lat(), b.lon());
      double[] p = at(t);
      double[] noisy =
          Geo.offset(p[0], p[1], random.nextDouble() * 360, Math.abs(random.nextGaussian()) * 15);
      double sog = Math.max(0, Math.round((knots + random.nextGaussian() * 0.1) * 10) / 10.0);
      double cog = Math.floorMod(Math.round(course + random.nextGaussian() * 3), 360);
      if (random.nextDouble() < NOT_AVAILABLE) {
        pings.add(Ping.at(mmsi, t, noisy[0], noisy[1]));
      } else {
        pings.add(new Ping(mmsi, t, noisy[0], noisy[1], sog, cog, (int) cog));
      }
      t += MINUTE + (long) (random.nextDouble() * 2 * MINUTE);
    }
    return pings;
  }

  private Waypoint last() {
    return waypoints.get(waypoints.size() - 1);
  }

  static long millisFor(double metres, double knots) {
    return Math.round(metres / Geo.METRES_PER_NAUTICAL_MILE / knots * HOUR);
  }
}
