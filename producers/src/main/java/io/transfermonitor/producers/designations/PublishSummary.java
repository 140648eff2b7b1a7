package io.transfermonitor.producers.designations;

import java.util.List;

/**
 * What a load published, compared with what the designations topic held.
 *
 * @param added designations the topic did not hold
 * @param changed designations it held with other content
 * @param removed designations of the same list(s) it held that the load no longer has: published as
 *     tombstones (delisted)
 * @param unchanged designations it held as they are: not published again
 * @param removedIds reference numbers of the removed ones
 */
public record PublishSummary(
    int added, int changed, int removed, int unchanged, List<String> removedIds) {

  public PublishSummary {
    removedIds = List.copyOf(removedIds);
  }

  /** Records written: additions, changes and tombstones. */
  public int published() {
    return added + changed + removed;
  }

  /** E.g. {@code 1 added, 0 changed, 1 removed, 1016 unchanged}. */
  public String describe() {
    return added
        + " added, "
        + changed
        + " changed, "
        + removed
        + " removed, "
        + unchanged
        + " unchanged";
  }
}
