package io.transfermonitor.cli.ais;

import io.transfermonitor.streams.ais.AisFinding;
import io.transfermonitor.streams.ais.AisReplay;
import io.transfermonitor.streams.ais.DarkPeriod;
import io.transfermonitor.streams.ais.Encounter;
import io.transfermonitor.streams.ais.IdentityAnomaly;
import io.transfermonitor.streams.ais.PortCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the detectors of an {@link AisReplay} found, as {@link Truth}s a track set's truth can be
 * scored against: an encounter from its start to its end; a port call from its arrival (the first
 * position within the port's radius) to its departure (the first beyond the radius plus the exit
 * margin); a dark period from the last position before the silence to the first after, once closed
 * (a vessel still silent when the positions end has no end to score, and is counted apart); an
 * MMSI's position jumps less than {@link #JUMP_EPISODE_GAP_MILLIS} apart as one cloned MMSI, from
 * the first jump to the last. The track stage reports every position of the second ship as a jump;
 * a cloned MMSI is the run of them.
 */
public final class DetectorFindings {

  /** Jumps of one MMSI further apart than this (1 h) are two episodes. */
  public static final long JUMP_EPISODE_GAP_MILLIS = 3_600_000;

  /** The detectors scored, in the order of the table. */
  public static final List<PlantedKind> SCORED =
      List.of(
          PlantedKind.ENCOUNTER,
          PlantedKind.PORT_CALL,
          PlantedKind.DARK_GAP,
          PlantedKind.CLONED_MMSI);

  private final Map<PlantedKind, List<Truth>> byKind;
  private final int openDark;

  private DetectorFindings(Map<PlantedKind, List<Truth>> byKind, int openDark) {
    this.byKind = byKind;
    this.openDark = openDark;
  }

  /** The findings of {@code replay}, after its {@link AisReplay#finish()}. */
  public static DetectorFindings of(AisReplay replay) {
    Map<PlantedKind, List<Truth>> byKind = new TreeMap<>();
    SCORED.forEach(kind -> byKind.put(kind, new ArrayList<>()));
    for (Encounter e : replay.encounters()) {
      byKind
          .get(PlantedKind.ENCOUNTER)
          .add(
              new Truth(
                  PlantedKind.ENCOUNTER,
                  List.of(e.lowerMmsi(), e.higherMmsi()),
                  e.start(),
                  e.end()));
    }
    int openDark = 0;
    Map<String, List<Long>> jumps = new TreeMap<>();
    for (AisFinding finding : replay.findings()) {
      if (finding instanceof PortCall call) {
        byKind
            .get(PlantedKind.PORT_CALL)
            .add(
                new Truth(
                    PlantedKind.PORT_CALL, List.of(call.mmsi()), call.arrival(), call.departure()));
      } else if (finding instanceof DarkPeriod dark && dark.open()) {
        openDark++;
      } else if (finding instanceof DarkPeriod dark) {
        byKind
            .get(PlantedKind.DARK_GAP)
            .add(
                new Truth(
                    PlantedKind.DARK_GAP,
                    List.of(dark.mmsi()),
                    dark.last().time(),
                    dark.next().time()));
      } else if (finding instanceof IdentityAnomaly anomaly
          && anomaly.kind() == IdentityAnomaly.Kind.POSITION_JUMP) {
        jumps.computeIfAbsent(anomaly.mmsi(), m -> new ArrayList<>()).add(anomaly.time());
      }
    }
    jumps.forEach((mmsi, times) -> episodes(mmsi, times, byKind.get(PlantedKind.CLONED_MMSI)));
    return new DetectorFindings(byKind, openDark);
  }

  private static void episodes(String mmsi, List<Long> times, List<Truth> out) {
    List<Long> sorted = times.stream().sorted().toList();
    long start = sorted.get(0);
    long end = start;
    for (long time : sorted) {
      if (time - end > JUMP_EPISODE_GAP_MILLIS) {
        out.add(new Truth(PlantedKind.CLONED_MMSI, List.of(mmsi), start, end));
        start = time;
      }
      end = time;
    }
    out.add(new Truth(PlantedKind.CLONED_MMSI, List.of(mmsi), start, end));
  }

  /** The findings of {@code kind}, one of {@link #SCORED}. */
  public List<Truth> of(PlantedKind kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** Every finding, by kind in the order of {@link #SCORED}, each kind by start. */
  public List<Truth> all() {
    List<Truth> all = new ArrayList<>();
    for (PlantedKind kind : SCORED) {
      of(kind).stream().sorted(java.util.Comparator.comparingLong(Truth::start)).forEach(all::add);
    }
    return all;
  }

  /** Vessels still dark when the positions ended: open dark periods, not scored. */
  public int openDarkPeriods() {
    return openDark;
  }
}
