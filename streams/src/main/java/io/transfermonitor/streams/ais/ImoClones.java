package io.transfermonitor.streams.ais;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
    List<IdentityAnomaly> anomalies = new ArrayList<>();
    Ping here = sighting.position();
    for (ImoSighting other : state) {
      if (other.mmsi().equals(sighting.mmsi())) {
        continue;
      }
      Ping there = other.position();
      double nm = here.metresTo(there) / Geo.METRES_PER_NAUTICAL_MILE;
      if (Math.abs(here.time() - there.time()) <= params.windowMillis()
          && nm > params.minNauticalMiles()
          && Geo.impliedKnots(here, there) > params.maxKnots()) {
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
}
