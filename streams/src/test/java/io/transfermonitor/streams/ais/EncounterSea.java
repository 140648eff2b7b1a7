package io.transfermonitor.streams.ais;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The encounter search as the monitor runs it, without Kafka: pings in time order, filtered by
 * {@link Encounters#admits}, sent to every cell within reach, each cell's {@link Encounters} fed
 * and expired as stream time moves on.
 */
final class EncounterSea {

  final Cells cells;
  final EncounterParams params;
  final Gazetteer gazetteer;
  final Map<String, Encounters> byCell = new TreeMap<>();
  private long streamTime = Long.MIN_VALUE / 2;

  EncounterSea(EncounterParams params, Gazetteer gazetteer) {
    this.params = params;
    this.cells = new Cells(params.cellDegrees());
    this.gazetteer = gazetteer;
  }

  /**
   * Every encounter reported when it ended, in the order reported (a merged one again under its
   * id); not the reports on reaching the minimum duration ({@link #reports}).
   */
  List<Encounter> run(List<Ping> pings) {
    return reports(pings).stream().filter(e -> !e.ongoing()).toList();
  }

  /** Every report, those on reaching the minimum duration (ongoing) too, in the order made. */
  List<Encounter> reports(List<Ping> pings) {
    List<Encounter> found = reportsWithoutEnding(pings);
    for (Encounters cell : byCell.values()) {
      found.addAll(cell.expire(streamTime + params.mergeGap().toMillis() * 2));
    }
    return found;
  }

  /** The ended encounters, stream time left where the last ping put it. */
  List<Encounter> runWithoutEnding(List<Ping> pings) {
    return reportsWithoutEnding(pings).stream().filter(e -> !e.ongoing()).toList();
  }

  /** Every report, stream time left where the last ping put it. */
  List<Encounter> reportsWithoutEnding(List<Ping> pings) {
    List<Ping> sorted = new ArrayList<>(pings);
    sorted.sort(Comparator.comparingLong(Ping::time).thenComparing(Ping::mmsi));
    List<Encounter> found = new ArrayList<>();
    for (Ping ping : sorted) {
      if (ping.time() - streamTime >= 60_000) {
        streamTime = ping.time();
        for (Encounters cell : byCell.values()) {
          found.addAll(cell.expire(streamTime));
        }
      }
      if (!Encounters.admits(ping, params, gazetteer)) {
        continue;
      }
      for (String cell : cells.cellsFor(ping, params.cellReachMetres())) {
        found.addAll(
            byCell.computeIfAbsent(cell, c -> new Encounters(c, cells, params)).accept(ping));
      }
    }
    return found;
  }
}
