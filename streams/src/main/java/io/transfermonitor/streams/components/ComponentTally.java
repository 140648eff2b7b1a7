package io.transfermonitor.streams.components;

import io.transfermonitor.streams.fact.Detail;
import io.transfermonitor.streams.fact.Fact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row of the components found in weapons as its task keeps it: the findings counted (by event
 * id, so a finding sent again counts once), how many are on the Common High Priority List, when the
 * newest component was made, and the makers.
 *
 * @param eventIds the findings counted, sorted
 * @param priorityListed how many carry an HS code on the list
 * @param newestManufactured epoch millis of the most recently made component, or null
 * @param makers the distinct makers, sorted
 */
public record ComponentTally(
    List<String> eventIds, long priorityListed, Long newestManufactured, List<String> makers) {

  public ComponentTally {
    eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
    makers = makers == null ? List.of() : List.copyOf(makers);
  }

  /** No finding yet. */
  public static ComponentTally none() {
    return new ComponentTally(List.of(), 0, null, List.of());
  }

  /** Whether the finding {@code eventId} is counted already. */
  public boolean counts(String eventId) {
    return Collections.binarySearch(eventIds, eventId) >= 0;
  }

  /**
   * This row with {@code fact} counted, {@code listed} if its HS code is on the priority list;
   * itself when the fact is counted already or no finding.
   */
  public ComponentTally plus(Fact fact, boolean listed) {
    if (!(fact.detail() instanceof Detail.Component c) || counts(fact.eventId())) {
      return this;
    }
    List<String> ids = new ArrayList<>(eventIds);
    ids.add(-Collections.binarySearch(ids, fact.eventId()) - 1, fact.eventId());
    List<String> names = new ArrayList<>(makers);
    int at = Collections.binarySearch(names, c.maker());
    if (at < 0) {
      names.add(-at - 1, c.maker());
    }
    Long newest = newestManufactured;
    if (c.manufactured() != null && (newest == null || c.manufactured() > newest)) {
      newest = c.manufactured();
    }
    return new ComponentTally(ids, priorityListed + (listed ? 1 : 0), newest, names);
  }
}
