package io.transfermonitor.streams.ais;

/**
 * Two vessels that met: within the distance of {@link EncounterParams} for at least its duration,
 * both slow and away from ports. Reported first when it reaches that duration ({@code ongoing}: the
 * vessels are still together, {@code end} is the last time they were known close), then again under
 * the same {@code id} when it ends. A later encounter of the same pair less than the merge gap
 * after this one's end is the same encounter: it is reported again under this one's {@code id},
 * with the later end.
 *
 * @param id {@code lowerMmsi/higherMmsi/startEpochMillis}: the same on a replay and after a merge
 * @param lowerMmsi the vessel with the lower MMSI (as strings compare)
 * @param higherMmsi the other vessel
 * @param start epoch millis: when both were first known close
 * @param end epoch millis: when both were last known close
 * @param lat mean latitude of the midpoints of their close pairings
 * @param lon mean longitude of those midpoints, in -180..180 (averaged across the antimeridian)
 * @param medianMetres median distance between them over their close pairings
 * @param pairings how many close pairings the figures come from (at most a few hundred: long
 *     encounters are thinned)
 * @param ongoing reported on reaching the minimum duration, the vessels still together; the report
 *     when it ends comes later under the same id
 * @param announced reported before under this id (on reaching the minimum duration, or an earlier
 *     encounter this one merged with): this report updates the finding
 * @param counted its event has gone out under this id (with an earlier report, or an earlier
 *     encounter this one merged with): a rule has heard of it, so this report makes no event; an
 *     encounter that was no ship-to-ship transfer when first reported (no DPRK, designated or dark
 *     vessel in it then) is not counted, and is judged again at each later report
 */
public record Encounter(
    String id,
    String lowerMmsi,
    String higherMmsi,
    long start,
    long end,
    double lat,
    double lon,
    double medianMetres,
    int pairings,
    boolean ongoing,
    boolean announced,
    boolean counted) {

  /** The id of the encounter of two vessels that began at {@code start}. */
  public static String id(String lowerMmsi, String higherMmsi, long start) {
    return lowerMmsi + "/" + higherMmsi + "/" + start;
  }

  /** How long it lasted, in milliseconds. */
  public long durationMillis() {
    return end - start;
  }
}
