package io.transfermonitor.producers.ais;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generates the demo's synthetic AIS set, {@code scenarios/ais-2023-2025.nmea}: the seed scenario's
 * story as a receiver would have logged it, with the vessels of the demo register.
 *
 * <ol>
 *   <li>2023: the Russian cargo ship Demo Shuttle 1 calls at Dunai, sails to Rajin, loads there
 *       (draught 4.2 m to 6.8 m), leaves and goes silent for 18 h in DPRK east coast waters, then
 *       reappears off Posyet Bay and calls at Dunai (a dark period on the Rajin–Dunai shuttle);
 *   <li>2024: the DPRK tanker Haebit 3 loads at Vostochny (3.4 m to 6.9 m), sails round the
 *       peninsula to Nampho, discharges (back to 3.4 m) and leaves: the call at Nampho that the
 *       seed's delivery 29 (17 August 2024) saw by imagery;
 *   <li>2024: the Russian tanker Sever 12 and the DPRK tanker Mirae 9 lie side by side for 5 h, 35
 *       km off Chongjin in DPRK east coast waters, before the seed's ship-to-ship delivery 28 (11
 *       August 2024), then part.
 * </ol>
 *
 * Every track ends outside the areas of interest and heading away from them, so no vessel is left
 * dark in one when the log ends. Deterministic (seed {@value #SEED}): running {@link #main} again
 * writes the same file, which {@code DemoAisSetTest} checks.
 */
final class DemoAisSet {

  static final long SEED = 2023_2025L;
  static final Path FILE = Path.of("src/main/resources/scenarios/ais-2023-2025.nmea");

  private static final int SHUTTLE = 273990103;
  private static final int HAEBIT = 445990050;
  private static final int SEVER = 273990098;
  private static final int MIRAE = 445990048;

  private static final double[] DUNAI = {42.88028, 132.33750};
  private static final double[] RAJIN = {42.34000, 130.38972};
  private static final double[] VOSTOCHNY = {42.733, 133.067};
  private static final double[] NAMPHO = {38.73556, 125.40889};

  /** 35 km south-east of Chongjin, inside DPRK east coast waters. */
  private static final double[] MEETING = {41.55, 130.05};

  private static final int UNDER_WAY = 0;
  private static final int AT_ANCHOR = 1;
  private static final int MOORED = 5;
  private static final int CARGO = 70;
  private static final int TANKER = 80;
  private static final double METRES_PER_DEGREE = 111_195.0;
  private static final double METRES_PER_NM = 1_852.0;

  private final AisSentenceEncoder encoder = new AisSentenceEncoder("tm-demo-synthetic");
  private final Random random = new Random(SEED);
  private final List<Line> lines = new ArrayList<>();

  /** A line of the log and the time it sorts by; voyage lines keep their order. */
  private record Line(Instant time, int order, String text) {}

  public static void main(String[] args) throws IOException {
    Files.write(FILE, generate(), StandardCharsets.US_ASCII);
  }

  /** The set's lines, in time order. */
  static List<String> generate() {
    DemoAisSet set = new DemoAisSet();
    set.darkShuttle();
    set.deliveryAtNampho();
    set.shipToShip();
    return set.lines.stream()
        .sorted(Comparator.comparing(Line::time).thenComparing(Line::order))
        .map(Line::text)
        .toList();
  }

  private void darkShuttle() {
    Instant t = Instant.parse("2023-09-01T00:00:00Z");
    voyage(SHUTTLE, t, 1890103, "UDSH1", "DEMO SHUTTLE 1", CARGO, 4.2, "DUNAI");
    t = moor(SHUTTLE, DUNAI, t, Duration.ofHours(20));
    voyage(SHUTTLE, t, 1890103, "UDSH1", "DEMO SHUTTLE 1", CARGO, 4.2, "RAJIN");
    t = sail(SHUTTLE, t, 10, 20, DUNAI, new double[] {42.55, 131.35}, new double[] {42.30, 130.45});
    t = sail(SHUTTLE, t, 6, 10, new double[] {42.30, 130.45}, RAJIN);
    t = moor(SHUTTLE, RAJIN, t, Duration.ofHours(78));
    voyage(SHUTTLE, t, 1890103, "UDSH1", "DEMO SHUTTLE 1", CARGO, 6.8, "DUNAI");
    Instant dark = sail(SHUTTLE, t, 8, 10, RAJIN, new double[] {42.20, 130.62});
    // AIS off for 18 h in DPRK east coast waters; back on off Posyet Bay, bound for Dunai
    t = sail(SHUTTLE, dark.plus(Duration.ofHours(18)), 10, 20, new double[] {42.62, 131.55}, DUNAI);
    t = moor(SHUTTLE, DUNAI, t, Duration.ofHours(24));
    voyage(SHUTTLE, t, 1890103, "UDSH1", "DEMO SHUTTLE 1", CARGO, 4.2, "VLADIVOSTOK");
    sail(SHUTTLE, t, 10, 20, DUNAI, new double[] {42.70, 132.60});
  }

  private void deliveryAtNampho() {
    double[][] route = {
      VOSTOCHNY,
      {42.30, 133.00},
      {38.00, 130.60},
      {35.20, 129.60},
      {34.30, 128.60},
      {34.00, 126.90},
      {34.30, 125.60},
      {35.50, 124.60},
      {37.50, 124.30},
      {38.60, 124.90},
      {38.72, 125.25},
      NAMPHO
    };
    Instant arrival = Instant.parse("2024-08-17T00:30:00Z");
    Instant departure = arrival.minus(hoursAt(11, route));
    Instant t = departure.minus(Duration.ofHours(30));
    voyage(HAEBIT, t, 8990050, "HMHB3", "HAEBIT 3", TANKER, 3.4, "VOSTOCHNY");
    moor(HAEBIT, VOSTOCHNY, t, Duration.ofHours(30));
    voyage(HAEBIT, departure, 8990050, "HMHB3", "HAEBIT 3", TANKER, 6.9, "NAMPHO");
    t = sail(HAEBIT, departure, 11, 60, route);
    t = moor(HAEBIT, NAMPHO, t, Duration.ofHours(29));
    voyage(HAEBIT, t, 8990050, "HMHB3", "HAEBIT 3", TANKER, 3.4, "VOSTOCHNY");
    sail(
        HAEBIT,
        t,
        11,
        30,
        NAMPHO,
        new double[] {38.72, 125.25},
        new double[] {38.60, 124.90},
        new double[] {37.00, 124.30});
  }

  private void shipToShip() {
    Instant meet = Instant.parse("2024-08-10T22:00:00Z");
    double[] severFrom = {42.55, 132.80};
    // each approach ends before the meeting, so positions of one vessel stay in time order
    Instant t = meet.minus(hoursAt(10, severFrom, MEETING)).minus(Duration.ofHours(1));
    voyage(SEVER, t, 8990098, "UBSV12", "SEVER 12", TANKER, 6.6, "VOSTOCHNY");
    sail(SEVER, t, 10, 30, severFrom, MEETING);
    double[] miraeFrom = {41.70, 129.90};
    double[] beside = offset(MEETING, 90, 180);
    t = meet.minus(hoursAt(10, miraeFrom, beside)).minus(Duration.ofMinutes(30));
    voyage(MIRAE, t.minus(Duration.ofMinutes(1)), 8990048, "HMMR9", "MIRAE 9", TANKER, 3.5, "");
    sail(MIRAE, t, 10, 10, miraeFrom, beside);
    // 5 h drifting together at 0.3 kn, 150-250 m apart, positions every 5 min
    Instant end = meet.plus(Duration.ofHours(5));
    for (Instant at = meet; at.isBefore(end); at = at.plus(Duration.ofMinutes(5))) {
      double drift = Duration.between(meet, at).toSeconds() / 3600.0 * 0.3 * METRES_PER_NM;
      double[] s = offset(offset(MEETING, 45, drift), random.nextInt(360), random.nextInt(20));
      double[] m = offset(s, 90, 150 + random.nextInt(100));
      position(SEVER, at, s, 0.2 + random.nextInt(3) / 10.0, 45, AT_ANCHOR);
      position(MIRAE, at.plusSeconds(90), m, 0.2 + random.nextInt(3) / 10.0, 45, UNDER_WAY);
    }
    // they part: Mirae 9 drifts off east at 1.5 kn, then leaves; Sever 12 waits, then leaves
    double[] severAt = offset(MEETING, 45, 5 * 0.3 * METRES_PER_NM);
    double[] miraeAt = offset(severAt, 90, 200);
    for (int minute = 0; minute <= 60; minute += 5) {
      Instant at = end.plus(Duration.ofMinutes(minute));
      position(SEVER, at, severAt, 0.1, 45, AT_ANCHOR);
      double[] m = offset(miraeAt, 90, minute * 1.5 * METRES_PER_NM / 60);
      position(MIRAE, at.plusSeconds(90), m, 1.5, 90, UNDER_WAY);
    }
    Instant leave = end.plus(Duration.ofMinutes(65));
    double[] miraeOff = offset(miraeAt, 90, 1.5 * METRES_PER_NM);
    sail(MIRAE, leave.plusSeconds(90), 10, 20, miraeOff, new double[] {41.55, 131.60});
    sail(SEVER, leave, 10, 30, severAt, severFrom);
  }

  /** Positions every 30 min at {@code port}, a few metres apart, stopped; returns the end. */
  private Instant moor(int mmsi, double[] port, Instant from, Duration stay) {
    Instant end = from.plus(stay);
    Instant t = from;
    for (; t.isBefore(end); t = t.plus(Duration.ofMinutes(30))) {
      double[] p = offset(port, random.nextInt(360), random.nextInt(30));
      position(mmsi, t, p, random.nextInt(2) / 10.0, 0, MOORED);
    }
    return t;
  }

  /**
   * Positions along {@code route} at {@code knots}, one every {@code minutes} and one at its end;
   * returns the time a next position is due after the end.
   */
  private Instant sail(int mmsi, Instant from, double knots, int minutes, double[]... route) {
    double metresPerMinute = knots * METRES_PER_NM / 60;
    Instant t = from;
    double carried = 0;
    for (int leg = 1; leg < route.length; leg++) {
      double[] a = route[leg - 1];
      double[] b = route[leg];
      double length = metres(a, b);
      double course = bearing(a, b);
      for (double along = carried; along < length; along += metresPerMinute * minutes) {
        position(mmsi, t, offset(a, course, along), knots, course, UNDER_WAY);
        t = t.plus(Duration.ofMinutes(minutes));
        carried = along + metresPerMinute * minutes - length;
      }
    }
    double[] last = route[route.length - 1];
    position(mmsi, t, last, knots, bearing(route[route.length - 2], last), UNDER_WAY);
    return t.plus(Duration.ofMinutes(minutes));
  }

  private void position(int mmsi, Instant t, double[] p, double knots, double course, int status) {
    int heading = (int) Math.round(course) % 360;
    lines.add(
        new Line(t, 1, encoder.position(mmsi, t, p[0], p[1], knots, course, heading, status)));
  }

  private void voyage(
      int mmsi,
      Instant t,
      int imo,
      String callSign,
      String name,
      int type,
      double draught,
      String destination) {
    for (String text : encoder.voyage(mmsi, t, imo, callSign, name, type, draught, destination)) {
      lines.add(new Line(t, 0, text));
    }
  }

  private static Duration hoursAt(double knots, double[]... route) {
    double metres = 0;
    for (int i = 1; i < route.length; i++) {
      metres += metres(route[i - 1], route[i]);
    }
    return Duration.ofSeconds(Math.round(metres / (knots * METRES_PER_NM) * 3600));
  }

  /** Distance on a local flat map: good to a fraction of a percent over these legs. */
  private static double metres(double[] a, double[] b) {
    double dy = (b[0] - a[0]) * METRES_PER_DEGREE;
    double dx = (b[1] - a[1]) * METRES_PER_DEGREE * Math.cos(Math.toRadians((a[0] + b[0]) / 2));
    return Math.hypot(dx, dy);
  }

  private static double bearing(double[] a, double[] b) {
    double dy = b[0] - a[0];
    double dx = (b[1] - a[1]) * Math.cos(Math.toRadians((a[0] + b[0]) / 2));
    return (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
  }

  private static double[] offset(double[] p, double course, double metres) {
    double rad = Math.toRadians(course);
    double lat = p[0] + metres * Math.cos(rad) / METRES_PER_DEGREE;
    double lon =
        p[1] + metres * Math.sin(rad) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(p[0])));
    return new double[] {lat, lon};
  }
}
