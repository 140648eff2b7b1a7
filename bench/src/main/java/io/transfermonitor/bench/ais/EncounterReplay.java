package io.transfermonitor.bench.ais;

import io.transfermonitor.streams.ais.Cells;
import io.transfermonitor.streams.ais.Encounter;
import io.transfermonitor.streams.ais.EncounterParams;
import io.transfermonitor.streams.ais.Encounters;
import io.transfermonitor.streams.ais.Ping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The encounter search run over a track set the way the monitor runs it, without Kafka: pings in
 * time order, those {@link Encounters#admits} sent to every cell within reach, each cell expired
 * once a minute of stream time and its state dropped when empty. What it reports is read as a
 * compacted topic would hold it: the last report of each encounter id.
 */
public final class EncounterReplay {

  private static final long EXPIRY_INTERVAL = 60_000;

  private EncounterReplay() {}

  /** The encounters found in {@code set}, as truths of kind {@link PlantedKind#ENCOUNTER}. */
  public static List<Truth> findings(TrackSet set, EncounterParams params) {
    Cells cells = new Cells(params.cellDegrees());
    Map<String, Encounters> byCell = new HashMap<>();
    Map<String, Encounter> latest = new LinkedHashMap<>();
    long streamTime = Long.MIN_VALUE / 2;
    for (Ping ping : set.pings()) {
      if (ping.time() - streamTime >= EXPIRY_INTERVAL) {
        streamTime = Math.max(streamTime, ping.time());
        expire(byCell, streamTime, latest);
      }
      if (!Encounters.admits(ping, params, set.gazetteer())) {
        continue;
      }
      for (String cell : cells.cellsFor(ping, params.cellReachMetres())) {
        byCell
            .computeIfAbsent(cell, c -> new Encounters(c, cells, params))
            .accept(ping)
            .forEach(e -> latest.put(e.id(), e));
      }
    }
    expire(byCell, streamTime + 2 * params.mergeGap().toMillis(), latest);
    List<Truth> found = new ArrayList<>(latest.size());
    for (Encounter e : latest.values()) {
      found.add(
          new Truth(
              PlantedKind.ENCOUNTER, List.of(e.lowerMmsi(), e.higherMmsi()), e.start(), e.end()));
    }
    return found;
  }

  private static void expire(
      Map<String, Encounters> byCell, long streamTime, Map<String, Encounter> latest) {
    byCell
        .values()
        .removeIf(
            state -> {
              state.expire(streamTime).forEach(e -> latest.put(e.id(), e));
              return state.isEmpty();
            });
  }
}
