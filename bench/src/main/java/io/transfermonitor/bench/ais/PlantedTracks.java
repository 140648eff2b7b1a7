package io.transfermonitor.bench.ais;

import static io.transfermonitor.bench.ais.Voyage.HOUR;
import static io.transfermonitor.bench.ais.Voyage.MINUTE;

import io.transfermonitor.cli.ais.PlantedKind;
import io.transfermonitor.cli.ais.TrackSet;
import io.transfermonitor.cli.ais.Truth;
import io.transfermonitor.streams.ais.Gazetteer;
import io.transfermonitor.streams.ais.Gazetteer.Area;
import io.transfermonitor.streams.ais.Gazetteer.Port;
import io.transfermonitor.streams.ais.Geo;
import io.transfermonitor.streams.ais.Ping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A synthetic track set with planted truth, the same for the same seed: at least 20 of each finding
 * the AIS detectors report and 20 near misses of each kind that must not be reported (see {@link
 * PlantedKind}), among background traffic. Every planted scenario has vessels of its own and a
 * place of its own (points of a lattice over the sea area at least 27 km apart and 25 km from every
 * port), so scenarios do not meet by accident. Ships under way go 8 to 14 kn; vessels meeting drift
 * at 0.1 to 0.8 kn, as ship-to-ship transfers do. Nothing here is real: the ports and the area of
 * interest are made up on an open plane around the Yellow Sea's coordinates.
 */
public final class PlantedTracks {

  /** When every set begins: 1 May 2024, 00:00 UTC. It spans 14 days. */
  public static final long EPOCH = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();

  static final int ENCOUNTERS = 20;
  static final int PAUSED_ENCOUNTERS = 4;
  static final int NEAR_MISSES = 20;
  static final int PORT_CALLS = 20;
  static final int GAPS = 10;
  static final int CLONES = 5;
  static final int LOITERERS = 20;

  private static final String[] MIDS = {"445", "273", "412", "413", "351", "636", "538"};
  private static final long DAY = 24 * HOUR;

  private final Random random;
  private final Gazetteer gazetteer;
  private final List<double[]> slots;
  private final List<Ping> pings = new ArrayList<>();
  private final List<Truth> truths = new ArrayList<>();
  private int vessels;

  private PlantedTracks(long seed) {
    this.random = new Random(seed);
    this.gazetteer = gazetteer();
    this.slots = slots();
  }

  /**
   * The set of {@code seed}, with {@code background} vessels under way besides the planted ones.
   */
  public static TrackSet generate(long seed, int background) {
    PlantedTracks set = new PlantedTracks(seed);
    for (int i = 0; i < ENCOUNTERS + PAUSED_ENCOUNTERS; i++) {
      boolean paused = i < PAUSED_ENCOUNTERS;
      double length = paused ? 9.5 * HOUR : (2.5 + 3.5 * set.random.nextDouble()) * HOUR;
      set.sideBySide(set.slot(), length, paused ? 0.4 : 0.8, PlantedKind.ENCOUNTER, paused);
    }
    for (int i = 0; i < NEAR_MISSES; i++) {
      set.passing(set.slot());
      double tooShort = (80 + set.random.nextInt(31)) * MINUTE;
      set.sideBySide(set.slot(), tooShort, 0.8, PlantedKind.NEAR_MISS_SHORT, false);
      double inPort = (3 + 3 * set.random.nextDouble()) * HOUR;
      set.sideBySide(set.inPort(), inPort, 0.1, PlantedKind.NEAR_MISS_IN_PORT, false);
    }
    for (int i = 0; i < PORT_CALLS; i++) {
      set.portCall();
    }
    for (int i = 0; i < GAPS; i++) {
      set.dark((13 + 17 * set.random.nextDouble()) * HOUR, PlantedKind.DARK_GAP);
      set.dark((10.5 + 0.4 * set.random.nextDouble()) * HOUR, PlantedKind.NEAR_MISS_GAP);
    }
    for (int i = 0; i < CLONES; i++) {
      set.cloned();
    }
    for (int i = 0; i < LOITERERS; i++) {
      set.loiter(set.slot());
    }
    for (int i = 0; i < background; i++) {
      set.underWay();
    }
    set.pings.sort(Comparator.comparingLong(Ping::time).thenComparing(Ping::mmsi));
    return new TrackSet(set.pings, set.truths, set.gazetteer);
  }

  /** The made-up ports (3 km radius) and area of interest the sets are planted around. */
  public static Gazetteer gazetteer() {
    String source = "synthetic (transfer-monitor bench)";
    double[][] at = {
      {38.0, 121.5}, {38.0, 124.0}, {36.0, 120.5}, {34.0, 120.5},
      {33.0, 122.5}, {33.0, 125.0}, {35.5, 125.5}, {37.5, 125.5}
    };
    List<Port> ports = new ArrayList<>();
    for (int i = 0; i < at.length; i++) {
      ports.add(new Port("Port " + (char) ('A' + i), "XXX", at[i][0], at[i][1], 3_000, source));
    }
    Area area =
        new Area(
            "Area of interest",
            List.of(
                new double[] {36.5, 123.0},
                new double[] {38.0, 123.0},
                new double[] {38.0, 125.0},
                new double[] {36.5, 125.0}),
            source);
    return new Gazetteer(ports, List.of(area));
  }

  /** Lattice points over the sea area, 25 km or more from every port, in random order. */
  private List<double[]> slots() {
    List<double[]> points = new ArrayList<>();
    for (double lat = 33.4; lat <= 37.6; lat += 0.25) {
      for (double lon = 121.0; lon <= 125.0; lon += 0.3) {
        if (gazetteer.metresToNearestPort(lat, lon) >= 25_000) {
          points.add(new double[] {lat, lon});
        }
      }
    }
    Collections.shuffle(points, random);
    return points;
  }

  private double[] slot() {
    if (slots.isEmpty()) {
      throw new IllegalStateException("no lattice point left for another scenario");
    }
    return slots.remove(slots.size() - 1);
  }

  /**
   * A spot 0.5 to 1.5 km from a port's position: a pair drifting there at 0.1 kn for up to 8 h
   * stays within 3.3 km of it, in port by the rule that lets a vessel go only beyond 4 km.
   */
  private double[] inPort() {
    Port port = gazetteer.ports().get(random.nextInt(gazetteer.ports().size()));
    return Geo.offset(
        port.lat(), port.lon(), random.nextDouble() * 360, 500 + 1_000 * random.nextDouble());
  }

  private String mmsi() {
    vessels++;
    return MIDS[vessels % MIDS.length] + String.format("%06d", 100_000 + vessels);
  }

  private long someTime() {
    return EPOCH + DAY / 2 + (long) (random.nextDouble() * 11 * DAY);
  }

  /**
   * Two vessels side by side from {@code start} for {@code length}: the first waits at the spot up
   * to an hour before the second arrives at 10 kn, both drift together, the second leaves at 10 kn
   * and the first lingers up to an hour; they drift at 0.1 kn to {@code maxDrift}. Paused: after
   * 2.5 to 3 h the second moves off 3 km at about 1.5 kn, for 2.5 to 3.5 h in all, and comes back
   * (one encounter, merged).
   */
  private void sideBySide(
      double[] spot, double length, double maxDrift, PlantedKind kind, boolean paused) {
    String a = mmsi();
    String b = mmsi();
    long start = someTime();
    long end = start + (long) length;
    long wait = (long) (random.nextDouble() * HOUR);
    long linger = (long) (random.nextDouble() * HOUR);
    double drift = 0.1 + (maxDrift - 0.1) * random.nextDouble();
    double driftBearing = random.nextDouble() * 360;
    double apart = 50 + 250 * random.nextDouble();
    double side = random.nextDouble() * 360;

    Voyage first =
        Voyage.arriving(a, start - wait, spot[0], spot[1], random.nextDouble() * 360, 15_000, 10)
            .driftUntil(end + linger, driftBearing, drift);
    first.sail(random.nextDouble() * 360, 15_000, 10);
    double[] bStart = alongside(first.at(start), side, apart);
    Voyage second =
        Voyage.arriving(b, start, bStart[0], bStart[1], random.nextDouble() * 360, 15_000, 10);
    if (paused) {
      long away = start + (long) ((2.5 + 0.5 * random.nextDouble()) * HOUR);
      long back = away + (long) ((2.5 + random.nextDouble()) * HOUR);
      double off = random.nextDouble() * 360;
      second.to(away, alongside(first.at(away), side, apart));
      second.to(
          away + HOUR, Geo.offset(first.at(away + HOUR)[0], first.at(away + HOUR)[1], off, 3_000));
      second.to(
          back - HOUR, Geo.offset(first.at(back - HOUR)[0], first.at(back - HOUR)[1], off, 3_000));
      second.to(back, alongside(first.at(back), side, apart));
    }
    second
        .to(end, alongside(first.at(end), side, apart))
        .sail(random.nextDouble() * 360, 15_000, 10);
    pings.addAll(first.pings(random));
    pings.addAll(second.pings(random));
    truths.add(new Truth(kind, List.of(a, b), start, end));
    if (kind == PlantedKind.NEAR_MISS_IN_PORT) {
      // side by side in port is no encounter, but each vessel's stay is a port call
      Port port = gazetteer.nearestPort(spot[0], spot[1]).orElseThrow();
      truths.add(portCall(a, first, port));
      truths.add(portCall(b, second, port));
    }
  }

  /**
   * The call a voyage's plan makes at {@code port} by Global Fishing Watch's rule: from the first
   * time within the port's radius to the first time after it beyond the radius plus 1 km, read off
   * the plan every 5 seconds.
   */
  private static Truth portCall(String mmsi, Voyage voyage, Port port) {
    long arrival = -1;
    for (long t = voyage.start(); t <= voyage.end(); t += 5_000) {
      double[] p = voyage.at(t);
      double metres = port.metresTo(p[0], p[1]);
      if (arrival < 0 && metres <= port.radiusMetres()) {
        arrival = t;
      } else if (arrival >= 0 && metres > port.radiusMetres() + 1_000) {
        return new Truth(PlantedKind.PORT_CALL, List.of(mmsi), arrival, t);
      }
    }
    throw new IllegalStateException(mmsi + " never enters and leaves " + port.name());
  }

  private static double[] alongside(double[] of, double bearing, double metres) {
    return Geo.offset(of[0], of[1], bearing, metres);
  }

  /** Two ships under way whose courses cross with 50 to 200 m between them at the closest. */
  private void passing(double[] spot) {
    long at = someTime();
    double bearing = random.nextDouble() * 360;
    double crossing = bearing + 30 + 150 * random.nextDouble();
    double cpa = 50 + 150 * random.nextDouble();
    double[] other = Geo.offset(spot[0], spot[1], bearing + 90, cpa);
    String a = mmsi();
    String b = mmsi();
    double speedA = 10 + 4 * random.nextDouble();
    double speedB = 10 + 4 * random.nextDouble();
    Voyage first = Voyage.arriving(a, at, spot[0], spot[1], bearing + 180, 20_000, speedA);
    first.sail(bearing, 20_000, speedA);
    Voyage second = Voyage.arriving(b, at, other[0], other[1], crossing + 180, 20_000, speedB);
    second.sail(crossing, 20_000, speedB);
    pings.addAll(first.pings(random));
    pings.addAll(second.pings(random));
    truths.add(
        new Truth(PlantedKind.NEAR_MISS_PASSING, List.of(a, b), at - 5 * MINUTE, at + 5 * MINUTE));
  }

  /**
   * A vessel coming straight in to a berth 1 km from a port's position (10 kn, then 4 kn from 5
   * km), stopped there 6 to 48 h, leaving the same way. Its visit, by Global Fishing Watch's rule,
   * runs from within 3 km to beyond 4 km.
   */
  private void portCall() {
    Port port = gazetteer.ports().get(random.nextInt(gazetteer.ports().size()));
    double bearing = random.nextDouble() * 360;
    double[] berth = Geo.offset(port.lat(), port.lon(), bearing, 1_000);
    double[] fiveKm = Geo.offset(port.lat(), port.lon(), bearing, 5_000);
    long docked = someTime();
    long leaves = docked + (long) ((6 + 42 * random.nextDouble()) * HOUR);
    String mmsi = mmsi();
    Voyage voyage =
        Voyage.arriving(
            mmsi, docked - Voyage.millisFor(4_000, 4), fiveKm[0], fiveKm[1], bearing, 25_000, 10);
    voyage.to(docked, berth).to(leaves, berth).to(leaves + Voyage.millisFor(4_000, 4), fiveKm);
    voyage.sail(bearing, 25_000, 10);
    pings.addAll(voyage.pings(random));
    long arrival = docked - Voyage.millisFor(2_000, 4);
    long departure = leaves + Voyage.millisFor(3_000, 4);
    truths.add(new Truth(PlantedKind.PORT_CALL, List.of(mmsi), arrival, departure));
  }

  /**
   * A vessel under way at 3 to 8 kn in the area of interest that falls silent for {@code silence}
   * and is heard again where it would have got to: the gap runs from its last position before to
   * its first after.
   */
  private void dark(double silence, PlantedKind kind) {
    String mmsi = mmsi();
    double lat = 36.7 + 1.1 * random.nextDouble();
    double lon = 123.2 + 1.6 * random.nextDouble();
    long quiet = someTime();
    long heard = quiet + (long) silence;
    double knots = 3 + 5 * random.nextDouble();
    double bearing = random.nextDouble() * 360;
    double fourHours = knots * Geo.METRES_PER_NAUTICAL_MILE * 4;
    Voyage voyage = Voyage.arriving(mmsi, quiet, lat, lon, bearing + 180, fourHours, knots);
    double onward = knots * Geo.METRES_PER_NAUTICAL_MILE * (heard - quiet + 4 * HOUR) / HOUR;
    voyage.sail(bearing, onward, knots);
    long last = Long.MIN_VALUE;
    long next = Long.MAX_VALUE;
    for (Ping ping : voyage.pings(random)) {
      if (ping.time() <= quiet) {
        last = ping.time();
        pings.add(ping);
      } else if (ping.time() >= heard) {
        next = Math.min(next, ping.time());
        pings.add(ping);
      }
    }
    truths.add(new Truth(kind, List.of(mmsi), last, next));
  }

  /** One MMSI broadcast by two ships 300 to 600 km apart, both under way, for 6 to 12 h. */
  private void cloned() {
    String mmsi = mmsi();
    long from = someTime();
    long to = from + (long) ((6 + 6 * random.nextDouble()) * HOUR);
    double[] here = slot();
    double[] there =
        Geo.offset(
            here[0], here[1], random.nextDouble() * 360, 300_000 + 300_000 * random.nextDouble());
    double knots = 8 + 6 * random.nextDouble();
    double metres = knots * Geo.METRES_PER_NAUTICAL_MILE * (to - from) / HOUR;
    pings.addAll(
        Voyage.from(mmsi, from, here[0], here[1])
            .sail(random.nextDouble() * 360, metres, knots)
            .pings(random));
    pings.addAll(
        Voyage.from(mmsi, from, there[0], there[1])
            .sail(random.nextDouble() * 360, metres, knots)
            .pings(random));
    truths.add(new Truth(PlantedKind.CLONED_MMSI, List.of(mmsi), from, to));
  }

  /** A vessel alone, slow (0.5 to 1.5 kn) on a wandering course for 6 to 24 h: no finding. */
  private void loiter(double[] spot) {
    long from = someTime();
    Voyage voyage = Voyage.from(mmsi(), from, spot[0], spot[1]);
    long until = from + (long) ((6 + 18 * random.nextDouble()) * HOUR);
    while (voyage.end() < until) {
      voyage.driftUntil(
          voyage.end() + 2 * HOUR, random.nextDouble() * 360, 0.5 + random.nextDouble());
    }
    pings.addAll(voyage.pings(random));
  }

  /** A ship under way at 8 to 14 kn for 6 to 48 h, changing course every 6 h: no finding. */
  private void underWay() {
    long from = someTime();
    double lat = 33.2 + 4.6 * random.nextDouble();
    double lon = 120.8 + 4.5 * random.nextDouble();
    Voyage voyage = Voyage.from(mmsi(), from, lat, lon);
    long until = from + (long) ((6 + 42 * random.nextDouble()) * HOUR);
    double knots = 8 + 6 * random.nextDouble();
    while (voyage.end() < until) {
      voyage.sail(random.nextDouble() * 360, knots * Geo.METRES_PER_NAUTICAL_MILE * 6, knots);
    }
    pings.addAll(voyage.pings(random));
  }
}
