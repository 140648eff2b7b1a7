package io.transfermonitor.streams.query;

import io.transfermonitor.streams.components.ComponentRows;
import io.transfermonitor.streams.components.ComponentTally;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A row of the components found in weapons (the {@code component-totals} store, the same figures as
 * {@code tm.aggregates.components}): one maker, maker's country, year made or weapon type.
 *
 * @param dimension MAKER, COUNTRY, YEAR_MADE or WEAPON_TYPE
 * @param value the maker, the ISO alpha-3 country, the year, the weapon type; "-" when not given
 * @param findings distinct findings counted
 * @param priorityListed how many carry an HS code on the Common High Priority List
 * @param newestMade the month the most recently made component was made ({@code yyyy-MM}), or null
 *     when none has a date code
 * @param makers the distinct makers
 */
public record ComponentRow(
    String dimension,
    String value,
    long findings,
    long priorityListed,
    String newestMade,
    List<String> makers) {

  /** The row of the store entry {@code dimension/value}. */
  public static ComponentRow of(String key, ComponentTally tally) {
    String newest =
        tally.newestManufactured() == null
            ? null
            : Instant.ofEpochMilli(tally.newestManufactured())
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString()
                .substring(0, 7);
    return new ComponentRow(
        ComponentRows.dimension(key),
        ComponentRows.value(key),
        tally.eventIds().size(),
        tally.priorityListed(),
        newest,
        tally.makers());
  }
}
