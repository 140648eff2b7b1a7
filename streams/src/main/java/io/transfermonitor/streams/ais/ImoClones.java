package io.transfermonitor.streams.ais;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One IMO number on two MMSIs that cannot be one ship: their positions are more than the minimum
 * distance apart and closer in time than the window, and going from one to the other would need
 * more than the maximum speed. Keyed by IMO: the state is the newest sighting of each MMSI that
 * sent the number ({@link #accept(List, ImoSighting)}), at most {@link #MAX_MMSIS}.
 */
public final class ImoClones {

  /** How many MMSIs of one IMO number the state keeps (the newest). */
  public static final int MAX_MMSIS = 8;

  /**
   * @param minNauticalMiles closer than this, two MMSIs of one IMO are a re-flag or a second
   *     transponder, not a clone ({@code tm.ais.imo-clone.min-nm}, 10 nm)
   * @param windowMillis sightings further apart in time are not compared ({@code
   *     tm.ais.imo-clone.window}, 24 h)
   * @param maxKnots the fastest a vessel can go ({@code tm.ais.imo-clone.max-knots}, 50 kn, as the
   *     track filter)
   */
  public record Params(double minNauticalMiles, long windowMillis, double maxKnots) {

    /** The defaults. */
    public static final Params DEFAULTS = new Params(10.0, 24 * 3_600_000L, 50.0);
  }

  private final Params params;

  public ImoClones(Params params) {
    this.params = params;
  }

  /**
   * Compares {@code sighting} with the other MMSIs' sightings of its IMO number in {@code state},
   * then keeps it there (replacing its MMSI's older one).
   *
   * @return an anomaly for each other MMSI it cannot be the same ship as
   */
  public List<IdentityAnomaly> accept(List<ImoSighting> state, ImoSighting sighting) {
    return accept(state, new HashMap<>(), sighting);
  }

  /**
   * As {@link #accept(List, ImoSighting)}, but a pair of MMSIs reported within the window before is
   * not reported again: {@code reported} holds when each pair (its MMSIs in order, joined by {@code
   * /}) was last reported, and forgets pairs older than the window.
   */
  public List<IdentityAnomaly> accept(
      List<ImoSighting> state, Map<String, Long> reported, ImoSighting sighting) {
    long now = sighting.position().time();
    reported.values().removeIf(at -> now - at > params.windowMillis());
    List<IdentityAnomaly> anomalies = new ArrayList<>();
    Ping here = sighting.position();
    for (ImoSighting other : state) {
      if (other.mmsi().equals(sighting.mmsi())) {
        continue;
      }
      Ping there = other.position();
      double nm = here.metresTo(there) / Geo.METRES_PER_NAUTICAL_MILE;
      String pair = pair(sighting.mmsi(), other.mmsi());
      if (Math.abs(here.time() - there.time()) <= params.windowMillis()
          && nm > params.minNauticalMiles()
          && Geo.impliedKnots(here, there) > params.maxKnots()
          && !reported.containsKey(pair)) {
        reported.put(pair, now);
        anomalies.add(
            new IdentityAnomaly(
                sighting.mmsi(),
                IdentityAnomaly.Kind.IMO_CLONE,
                here.time(),
                String.format(
                    Locale.ROOT,
                    "IMO %s sent by MMSI %s at %.4f,%.4f and by MMSI %s at %.4f,%.4f,"
                        + " %.0f nm apart within %d min",
                    sighting.imo(),
                    sighting.mmsi(),
                    here.lat(),
                    here.lon(),
                    other.mmsi(),
                    there.lat(),
                    there.lon(),
                    nm,
                    Math.abs(here.time() - there.time()) / 60_000)));
      }
    }
    state.removeIf(s -> s.mmsi().equals(sighting.mmsi()));
    state.add(sighting);
    if (state.size() > MAX_MMSIS) {
      state.sort(Comparator.comparingLong(s -> s.position().time()));
      state.remove(0);
    }
    return anomalies;
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a;
  }
}
