package io.transfermonitor.streams.screen;

import java.time.Duration;

/**
 * How the screening stage decides and how far back it looks.
 *
 * @param threshold a match scoring at least this raises a hit (and so an alert)
 * @param nearMiss a best match scoring at least this but below the threshold is a near miss:
 *     counted, never raised
 * @param lookBack how long events stay in the index of parties seen, to be rescreened when a
 *     designation arrives
 * @param rescreenInterval how often, by the wall clock, the stage looks for designations it has not
 *     rescreened past events against yet
 */
public record ScreeningSettings(
    double threshold, double nearMiss, Duration lookBack, Duration rescreenInterval) {

  public ScreeningSettings {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
    }
    if (!(nearMiss > 0 && nearMiss <= threshold)) {
      throw new IllegalArgumentException(
          "nearMiss must be in (0, threshold], was " + nearMiss + " (threshold " + threshold + ")");
    }
  }
}
