package io.transfermonitor.cli.ais;

/**
 * What is planted in a track set: the findings a detector should report, and the near misses it
 * must not (each looks like a finding and breaks exactly one of its rules).
 */
public enum PlantedKind {
  /** Two vessels within 500 m, both slow, away from ports, for 2 h or more. */
  ENCOUNTER(true),
  /** A vessel in port: from within 3 km of its position to beyond 4 km (GFW's port visits). */
  PORT_CALL(true),
  /** No position for 12 h or more from a vessel in an area of interest. */
  DARK_GAP(true),
  /** One MMSI broadcast from two places far apart at the same time. */
  CLONED_MMSI(true),
  /** Two ships passing within 200 m at 10 kn or more: close, but not slow nor long. */
  NEAR_MISS_PASSING(false),
  /** Two vessels side by side for at most 1 h 50: slow and close, but not long enough. */
  NEAR_MISS_SHORT(false),
  /**
   * Two vessels side by side for hours inside a port: everything but the distance from port. Each
   * vessel's stay is planted as a {@link #PORT_CALL} too.
   */
  NEAR_MISS_IN_PORT(false),
  /** A vessel silent for 10.5 to 11 h in an area of interest: a gap, but under 12 h. */
  NEAR_MISS_GAP(false);

  private final boolean finding;

  PlantedKind(boolean finding) {
    this.finding = finding;
  }

  /** Whether a detector should report it (a near miss should not). */
  public boolean isFinding() {
    return finding;
  }
}
