package io.transfermonitor.streams.ais;

/**
 * Judges a vessel's next position against the newest one its track holds: a duplicate (same time,
 * about the same place) is dropped; a position older than the newest within the out-of-order
 * tolerance is late but harmless (the track keeps the newer one, and nothing the detectors decide
 * depends on it); one older than that is dropped as too old; one that needs more than the maximum
 * speed from the newest, over more than the minimum jump, is an identity anomaly (two vessels on
 * one MMSI, or a spoof), not a position, and the track keeps its old one.
 */
public final class TrackFilter {

  /**
   * @param outOfOrderToleranceMillis how much older than the newest a position may be and still be
   *     taken as late rather than dropped ({@code tm.ais.track.out-of-order-tolerance}, 10 min)
   * @param maxKnots the fastest a vessel can go; a position needing more is a jump ({@code
   *     tm.ais.track.max-knots}, 50 kn)
   * @param minJumpMetres below this distance no position is a jump, however little time passed, so
   *     GPS noise between two messages a second apart is not ({@code tm.ais.track.min-jump-metres},
   *     1 nm)
   * @param duplicateMetres two positions at the same time and at most this far apart are one
   *     ({@code tm.ais.track.duplicate-metres}, 50 m)
   */
  public record Params(
      long outOfOrderToleranceMillis,
      double maxKnots,
      double minJumpMetres,
      double duplicateMetres) {

    /** The published defaults. */
    public static final Params DEFAULTS = new Params(10 * 60_000L, 50.0, 1_852.0, 50.0);
  }

  /** What to do with a position. */
  public enum Verdict {
    /** The first or a newer position: the track moves on. */
    NEXT,
    /** Older than the newest (or at its time) within the tolerance: taken, changes nothing. */
    LATE,
    /** Dropped: the same as the newest. */
    DUPLICATE,
    /** Dropped: older than the tolerance allows. */
    TOO_OLD,
    /** Not a position of this vessel: an identity anomaly. */
    JUMP
  }

  private final Params params;

  public TrackFilter(Params params) {
    this.params = params;
  }

  public Params params() {
    return params;
  }

  /** The verdict on {@code next} given the track's newest position {@code last} (null if none). */
  public Verdict judge(Ping last, Ping next) {
    if (last == null) {
      return Verdict.NEXT;
    }
    long ahead = next.time() - last.time();
    double metres = last.metresTo(next);
    if (ahead == 0 && metres <= params.duplicateMetres()) {
      return Verdict.DUPLICATE;
    }
    if (ahead < -params.outOfOrderToleranceMillis()) {
      return Verdict.TOO_OLD;
    }
    if (metres > params.minJumpMetres() && Geo.impliedKnots(last, next) > params.maxKnots()) {
      return Verdict.JUMP;
    }
    return ahead > 0 ? Verdict.NEXT : Verdict.LATE;
  }
}
