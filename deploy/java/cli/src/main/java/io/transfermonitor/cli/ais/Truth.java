package io.transfermonitor.cli.ais;

import java.util.List;
import java.util.Objects;

/**
 * One thing planted in a track set, or one thing a detector found: its kind, the vessels (MMSIs,
 * sorted, so a pair reads the same whichever vessel a detector names first), when it began and
 * ended (epoch millis).
 */
public record Truth(PlantedKind kind, List<String> vessels, long start, long end) {

  public Truth {
    Objects.requireNonNull(kind, "kind");
    vessels = vessels.stream().sorted().toList();
    if (vessels.isEmpty()) {
      throw new IllegalArgumentException("a " + kind + " names at least one vessel");
    }
    if (end < start) {
      throw new IllegalArgumentException("a " + kind + " cannot end before it starts");
    }
  }
}
