package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Party;
import io.transfermonitor.streams.fact.Fact;

/**
 * A party of an event that matched a designation at or above the screening threshold: what the
 * rules and then the alert stage turn into a SCREEN alert. One per event and designation (the best
 * of the event's parties).
 *
 * @param fact the event
 * @param party the party as written on the event
 * @param match the designation matched, the method and score
 * @param retroactive true when found by rescreening past events after the designation (or a changed
 *     version of it) arrived
 * @param processedAt wall-clock time of the match, epoch millis
 */
public record ScreeningHit(
    Fact fact, Party party, DesignationMatch match, boolean retroactive, long processedAt) {

  /** The designation's reference number. */
  public String designationId() {
    return match.designationId();
  }
}
