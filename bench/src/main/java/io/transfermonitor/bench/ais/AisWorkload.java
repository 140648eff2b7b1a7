package io.transfermonitor.bench.ais;

import static io.transfermonitor.bench.ais.Voyage.HOUR;
import static io.transfermonitor.bench.ais.Voyage.MINUTE;

import io.transfermonitor.cli.ais.PlantedKind;
import io.transfermonitor.cli.ais.TrackSet;
import io.transfermonitor.cli.ais.Truth;
import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.model.VesselVoyage;
import io.transfermonitor.streams.ais.Gazetteer;
import io.transfermonitor.streams.ais.Gazetteer.Port;
import io.transfermonitor.streams.ais.Geo;
import io.transfermonitor.streams.ais.Mid;
import io.transfermonitor.streams.ais.Ping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;

/**
 * The benchmark's AIS feed: {@code vessels} vessels and {@code positions} positions, in time order
 * as a live feed delivers them, each vessel's static and voyage data (type 5) at its first
 * position. It is a run of 14-day periods; each holds one {@link PlantedTracks} set (encounters,
 * port calls, dark gaps, cloned MMSIs and their near misses, for the detectors' real work) and its
 * share of background vessels: four in five under way at 8 to 14 kn, one in five drifting slowly
 * (as ships at anchor or waiting do, the positions the encounter search looks at). There is one
 * period per 1,000 vessels; the positions the planted sets leave are shared evenly by the
 * background vessels, and the feed ends after {@code positions}, so a short run is cut within its
 * first period.
 *
 * <p>Every vessel gets an MMSI of its own (its set's MID, one in seven the DPRK's 445, and its
 * number), IMO number {@code 9000000 + number} (as the event workload and the synthetic
 * designations name vessels) and a register entry; tankers at a port call send their draught again
 * when they leave, two to four metres shallower, so a delivery can be estimated. The ports are the
 * planted sets' made-up ones ({@link #gazetteer}), some of them the DPRK's. Periods are generated
 * one at a time, so memory holds one period's positions, not the feed's.
 */
public final class AisWorkload implements Iterator<AisWorkload.AisRecord> {

  /** Vessels per planted set: one set, and one 14-day period, per this many vessels. */
  static final int VESSELS_PER_SET = 1_000;

  /** The most positions one background vessel may send in its period. */
  static final int MAX_TRACK = 9_000;

  private static final long PERIOD = 14 * 24 * HOUR;
  private static final String[] MIDS = {"445", "273", "412", "413", "351", "636", "538"};
  private static final String[] PORT_COUNTRIES = {"PRK", "RUS", "CHN", "PRK"};
  private static final String SOURCE = "bench";

  /** One record of the feed: a position or a voyage report, keyed by MMSI. */
  public record AisRecord(String mmsi, SpecificRecord value) {
    /** Whether it is a position ({@code tm.ais.positions}) rather than voyage data. */
    public boolean isPosition() {
      return value instanceof VesselPosition;
    }
  }

  private final long positions;
  private final int vessels;
  private final long seed;
  private final int sets;
  private final Random random;
  private final List<VesselRecord> register = new ArrayList<>();
  private final Map<PlantedKind, Long> planted = new EnumMap<>(PlantedKind.class);
  private List<Ping> pings = List.of();
  private List<VesselVoyage> voyages = List.of();
  private List<Truth> truths = List.of();
  private int nextPing;
  private int nextVoyage;
  private int period;
  private int numbered;
  private long emittedPositions;
  private long lastTime = Long.MIN_VALUE;

  /**
   * The feed of {@code seed}.
   *
   * @throws IllegalArgumentException when a background vessel would have to send more than {@value
   *     #MAX_TRACK} positions in its period (too few vessels for the positions)
   */
  public AisWorkload(long positions, int vessels, long seed) {
    if (positions < 1 || vessels < 1) {
      throw new IllegalArgumentException("positions and vessels must be at least 1");
    }
    this.positions = positions;
    this.vessels = vessels;
    this.seed = seed;
    this.sets = Math.max(1, vessels / VESSELS_PER_SET);
    this.random = new Random(seed);
    generatePeriod(); // the first period now, so a shape that cannot be met fails here
  }

  /**
   * The planted sets' ports (3 km radius), every other one a DPRK port, and their area of interest:
   * what the monitor must know for the planted port calls to be deliveries.
   */
  public static Gazetteer gazetteer() {
    Gazetteer planted = PlantedTracks.gazetteer();
    List<Port> ports = new ArrayList<>();
    for (int i = 0; i < planted.ports().size(); i++) {
      Port p = planted.ports().get(i);
      ports.add(
          new Port(
              "Bench " + p.name(),
              PORT_COUNTRIES[i % PORT_COUNTRIES.length],
              p.lat(),
              p.lon(),
              p.radiusMetres(),
              p.source()));
    }
    return new Gazetteer(ports, planted.areas());
  }

  @Override
  public boolean hasNext() {
    if (emittedPositions >= positions) {
      return false;
    }
    if (nextPing >= pings.size() && nextVoyage >= voyages.size()) {
      if (period >= sets) {
        return false;
      }
      generatePeriod();
    }
    return nextPing < pings.size() || nextVoyage < voyages.size();
  }

  @Override
  public AisRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    // voyage data first at equal times: a vessel says who it is with its first position
    boolean voyage =
        nextVoyage < voyages.size()
            && (nextPing >= pings.size()
                || voyages.get(nextVoyage).getTime().toEpochMilli() <= pings.get(nextPing).time());
    if (voyage) {
      VesselVoyage v = voyages.get(nextVoyage++);
      return new AisRecord(v.getMmsi(), v);
    }
    Ping p = pings.get(nextPing++);
    emittedPositions++;
    lastTime = p.time();
    return new AisRecord(p.mmsi(), position(p));
  }

  /** The register entries of every vessel the feed has named so far. */
  public List<VesselRecord> register() {
    return List.copyOf(register);
  }

  /** Positions handed out so far. */
  public long positionsSoFar() {
    return emittedPositions;
  }

  /**
   * What the feed holds of each kind of planted truth so far: those of the periods begun that ended
   * before the last position handed out (a short run cuts the rest).
   */
  public Map<PlantedKind, Long> plantedSoFar() {
    Map<PlantedKind, Long> counts = new EnumMap<>(planted);
    for (Truth t : truths) {
      if (t.end() <= lastTime) {
        counts.merge(t.kind(), 1L, Long::sum);
      }
    }
    return counts;
  }

  private void generatePeriod() {
    for (Truth t : truths) {
      planted.merge(t.kind(), 1L, Long::sum);
    }
    long shift = period * PERIOD;
    TrackSet set = PlantedTracks.generate(seed + period, 0);
    int numberedBefore = numbered;
    Map<String, String> renamed = new LinkedHashMap<>();
    List<Ping> all = new ArrayList<>();
    for (Ping p : set.pings()) {
      String mmsi = renamed.computeIfAbsent(p.mmsi(), m -> m.substring(0, 3) + number());
      all.add(moved(p, mmsi, shift));
    }
    List<Truth> moved = new ArrayList<>();
    List<Truth> portCalls = new ArrayList<>();
    for (Truth t : set.truths()) {
      Truth m =
          new Truth(
              t.kind(),
              t.vessels().stream().map(renamed::get).toList(),
              t.start() + shift,
              t.end() + shift);
      moved.add(m);
      if (m.kind() == PlantedKind.PORT_CALL) {
        portCalls.add(m);
      }
    }
    // the last period takes the vessels the others leave
    int target = period == sets - 1 ? vessels - numberedBefore : vessels / sets;
    int background = Math.max(0, target - renamed.size());
    int track = background == 0 ? 0 : trackLength(all.size(), renamed.size());
    long from = PlantedTracks.EPOCH + shift;
    for (int i = 0; i < background; i++) {
      String mmsi = MIDS[random.nextInt(MIDS.length)] + number();
      renamed.put(mmsi, mmsi);
      all.addAll(backgroundTrack(mmsi, from, track));
    }
    all.sort(Comparator.comparingLong(Ping::time).thenComparing(Ping::mmsi));
    pings = all;
    voyages = voyages(all, renamed.values(), portCalls);
    truths = moved;
    nextPing = 0;
    nextVoyage = 0;
    period++;
  }

  /**
   * Positions per background vessel: what the planted sets leave (each about as big as this
   * period's, {@code plantedPings} positions of {@code plantedVessels} vessels), shared evenly, at
   * least two hours' worth.
   */
  private int trackLength(long plantedPings, int plantedVessels) {
    long background = Math.max(1, vessels - (long) sets * plantedVessels);
    long left = Math.max(0, positions - sets * plantedPings);
    long each = Math.max(60, (left + background - 1) / background);
    if (each > MAX_TRACK) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%,d positions over %,d vessels is %,d per background vessel in 14 days, more than"
                  + " %,d: give more vessels",
              positions,
              vessels,
              each,
              MAX_TRACK));
    }
    return (int) each;
  }

  /** The next vessel's number, six digits. */
  private String number() {
    return String.format(Locale.ROOT, "%06d", numbered++);
  }

  private static Ping moved(Ping p, String mmsi, long shift) {
    return new Ping(
        mmsi,
        p.time() + shift,
        p.lat(),
        p.lon(),
        p.speedKnots(),
        p.courseDegrees(),
        p.headingDegrees());
  }

  /**
   * A background vessel's first {@code count} positions, starting somewhere in the sea area at a
   * time that lets it finish within its period.
   */
  private List<Ping> backgroundTrack(String mmsi, long periodStart, int count) {
    long length = count * 2 * MINUTE;
    long latest = Math.max(HOUR, PERIOD - length - 12 * HOUR);
    long start = periodStart + 6 * HOUR + (long) (random.nextDouble() * latest);
    double lat = 33.2 + 4.6 * random.nextDouble();
    double lon = 120.8 + 4.5 * random.nextDouble();
    Voyage voyage = Voyage.from(mmsi, start, lat, lon);
    boolean drifting = random.nextInt(5) == 0;
    // long enough for count positions at up to three minutes apart
    long until = start + count * 3 * MINUTE;
    while (voyage.end() < until) {
      if (drifting) {
        voyage.driftUntil(
            voyage.end() + 3 * HOUR, random.nextDouble() * 360, 0.3 + 1.2 * random.nextDouble());
      } else {
        double knots = 8 + 6 * random.nextDouble();
        voyage.sail(random.nextDouble() * 360, knots * Geo.METRES_PER_NAUTICAL_MILE * 6, knots);
      }
    }
    List<Ping> track = voyage.pings(random);
    return track.size() > count ? track.subList(0, count) : track;
  }

  /**
   * A voyage report of every vessel at its first position, registering it; a second one when a
   * tanker leaves a port call, its draught two to four metres less.
   */
  private List<VesselVoyage> voyages(
      List<Ping> sorted, Iterable<String> mmsis, List<Truth> portCalls) {
    Map<String, Long> first = new HashMap<>();
    for (Ping p : sorted) {
      first.putIfAbsent(p.mmsi(), p.time());
    }
    Map<String, Truth> callOf = new HashMap<>();
    portCalls.forEach(t -> callOf.put(t.vessels().get(0), t));
    List<VesselVoyage> out = new ArrayList<>();
    for (String mmsi : mmsis) {
      Truth call = callOf.get(mmsi);
      int number = Integer.parseInt(mmsi.substring(3));
      int shipType = call != null || random.nextInt(20) < 7 ? 80 : random.nextInt(4) == 0 ? 30 : 70;
      double draught = shipType == 80 ? 6 + 3 * random.nextDouble() : 3 + 5 * random.nextDouble();
      String imo = Integer.toString(9_000_000 + number);
      String name = "BENCH AIS " + number;
      register.add(registered(mmsi, imo, name, shipType, number));
      Long at = first.get(mmsi);
      if (at != null) {
        out.add(voyage(mmsi, at, imo, name, shipType, draught));
      }
      if (call != null) {
        double shallower = draught - 2 - 2 * random.nextDouble();
        out.add(voyage(mmsi, call.end() + MINUTE, imo, name, shipType, shallower));
      }
    }
    out.sort(Comparator.comparing(VesselVoyage::getTime).thenComparing(VesselVoyage::getMmsi));
    return out;
  }

  private VesselRecord registered(String mmsi, String imo, String name, int shipType, int number) {
    String flag = Mid.country(mmsi).orElse("PAN");
    // one in 40 registered under another flag than its MMSI says: an identity question
    if (number % 40 == 39) {
      flag = flag.equals("SLE") ? "PAN" : "SLE";
    }
    boolean tanker = shipType == 80;
    return VesselRecord.newBuilder()
        .setImo(imo)
        .setMmsi(mmsi)
        .setName(name)
        .setFlag(flag)
        .setShipType(
            tanker ? "Oil products tanker" : shipType == 30 ? "Fishing vessel" : "General cargo")
        .setDeadweightTonnes(
            (double) (tanker ? 3_000 + random.nextInt(9_000) : 2_000 + random.nextInt(18_000)))
        .setOwner("Bench Shipping " + number % 97)
        .setSource(SOURCE)
        .build();
  }

  private static VesselVoyage voyage(
      String mmsi, long time, String imo, String name, int shipType, double draught) {
    return VesselVoyage.newBuilder()
        .setMmsi(mmsi)
        .setTime(Instant.ofEpochMilli(time))
        .setImo(imo)
        .setName(name)
        .setShipType(shipType)
        .setLengthMetres(shipType == 80 ? 105.0 : 90.0)
        .setBeamMetres(shipType == 80 ? 16.0 : 14.0)
        .setDraughtMetres(Math.round(draught * 10) / 10.0)
        .setMessageType(5)
        .setSource(SOURCE)
        .build();
  }

  private static VesselPosition position(Ping p) {
    return VesselPosition.newBuilder()
        .setMmsi(p.mmsi())
        .setTime(Instant.ofEpochMilli(p.time()))
        .setLatitude(p.lat())
        .setLongitude(p.lon())
        .setSpeedKnots(p.speedKnots())
        .setCourseDegrees(p.courseDegrees())
        .setHeadingDegrees(p.headingDegrees())
        .setMessageType(1)
        .setSource(SOURCE)
        .build();
  }
}
