package io.transfermonitor.streams.ais;

import java.time.Duration;

/**
 * When two vessels' meeting is an encounter. The defaults are Global Fishing Watch's published
 * rules (Miller et al. 2018, "Identifying Global Patterns of Transshipment Behavior", Frontiers in
 * Marine Science; GFW's encounter FAQ and technical documentation): within 500 m of each other for
 * at least 2 h, both below 2 kn, at least 10 km from a port (GFW: a coastal anchorage), encounters
 * less than 4 h apart merged. The rest say how a stream of unsynchronised pings is read.
 *
 * @param maxDistanceMetres how close two vessels must be ({@code
 *     tm.ais.encounter.max-distance-metres}, 500 m)
 * @param minDuration how long they must stay that close ({@code tm.ais.encounter.min-duration}, 2
 *     h)
 * @param maxSpeedKnots the speed over ground each must stay below ({@code
 *     tm.ais.encounter.max-knots}, 2 kn)
 * @param minPortMetres how far from the nearest port it must happen ({@code
 *     tm.ais.encounter.min-port-metres}, 10 km)
 * @param mergeGap encounters of one pair less than this apart are one encounter ({@code
 *     tm.ais.encounter.merge-gap}, 4 h)
 * @param pairingTolerance a ping is compared with the other vessel's latest ping at most this much
 *     older or newer ({@code tm.ais.encounter.pairing-tolerance}, 10 min): AIS thinned to a few
 *     minutes never puts two vessels' pings at the same instant
 * @param maxSilence close pairings of one pair further apart than this break their contact (30 min,
 *     {@code tm.ais.encounter.max-silence}): a satellite pass missed is not the end of a meeting,
 *     an afternoon is
 * @param cellDegrees the size of the grid's cells ({@link Cells}; {@code
 *     tm.ais.encounter.cell-degrees}, 0.2° as {@link AisSettings#of} sets it; 0.1° is about 11 km)
 * @param cellReachMetres how far from a cell its pings come from ({@code
 *     tm.ais.encounter.cell-reach-metres}, 10 km): a pair is judged whole in the cell where its
 *     encounter began as long as it drifts no further than this out of it
 */
public record EncounterParams(
    double maxDistanceMetres,
    Duration minDuration,
    double maxSpeedKnots,
    double minPortMetres,
    Duration mergeGap,
    Duration pairingTolerance,
    Duration maxSilence,
    double cellDegrees,
    double cellReachMetres) {

  public EncounterParams {
    positive("maxDistanceMetres", maxDistanceMetres);
    positive("maxSpeedKnots", maxSpeedKnots);
    positive("cellDegrees", cellDegrees);
    if (!(minPortMetres >= 0)) {
      throw new IllegalArgumentException("minPortMetres must be 0 or more, not " + minPortMetres);
    }
    if (!(cellReachMetres >= maxDistanceMetres)) {
      throw new IllegalArgumentException(
          "cellReachMetres ("
              + cellReachMetres
              + ") must be at least maxDistanceMetres ("
              + maxDistanceMetres
              + "), or two close vessels could miss each other");
    }
    positive("minDuration", minDuration);
    positive("mergeGap", mergeGap);
    positive("pairingTolerance", pairingTolerance);
    positive("maxSilence", maxSilence);
  }

  /** Global Fishing Watch's published rules and this monitor's defaults for the rest. */
  public static EncounterParams defaults() {
    return new EncounterParams(
        500,
        Duration.ofHours(2),
        2,
        10_000,
        Duration.ofHours(4),
        Duration.ofMinutes(10),
        Duration.ofMinutes(30),
        0.1,
        10_000);
  }

  private static void positive(String name, double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be above 0, not " + value);
    }
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be above 0, not " + value);
    }
  }
}
