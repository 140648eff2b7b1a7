package io.transfermonitor.streams.ais;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every AIS detector run over positions in time order, without Kafka, the way the monitor's two AIS
 * stages run them: each position through its vessel's {@link VesselTrack#take} (as {@link
 * TrackProcessor}), each position the track took and {@link Encounters#cellsFor} admits to every
 * cell within reach (as {@link EncounterProcessor}), and once a minute of stream time (the newest
 * position time read, as the stages' punctuations use it) the check for vessels gone dark and the
 * end of contacts whose vessels stopped meeting. One task holds every vessel and cell here.
 *
 * <p>What it found is held as the monitor's compacted findings topic holds it: the newest report of
 * each finding id, so an open dark period gives way to the closed one and an encounter to its
 * merged self. Positions dropped (duplicates, too old) are counted, not kept. A silence is checked
 * once it reaches the dark gap: the monitor checks it again every minute, but with no position and
 * no voyage data in between its answer cannot change. Not thread-safe.
 */
public final class AisReplay {

  private static final long CHECK_INTERVAL_MILLIS = 60_000;

  private final AisSettings settings;
  private final Cells cells;
  private final long gapMillis;
  private final Map<String, VesselTrack> tracks = new HashMap<>();
  private final Map<String, Encounters> byCell = new HashMap<>();

  /** Vessels by their newest position's time, oldest first, until their silence is checked. */
  private final LinkedHashMap<String, Long> silences = new LinkedHashMap<>();

  private final Map<String, AisFinding> findings = new LinkedHashMap<>();
  private final Map<String, Encounter> encounters = new LinkedHashMap<>();
  private long newest = Long.MIN_VALUE;
  // half the range, so newest - checked cannot overflow before the first check
  private long checked = Long.MIN_VALUE / 2;
  private long positions;
  private long dropped;

  public AisReplay(AisSettings settings) {
    this.settings = settings;
    this.cells = settings.cells();
    this.gapMillis = settings.detectors().darkPeriods().params().gapMillis();
  }

  /** Runs {@code pings} (in time order) through the detectors and ends what they leave open. */
  public static AisReplay of(AisSettings settings, Collection<Ping> pings) {
    AisReplay replay = new AisReplay(settings);
    pings.forEach(replay::accept);
    replay.finish();
    return replay;
  }

  /** One position, after the periodic checks its time is due for. */
  public void accept(Ping raw) {
    if (newest != Long.MIN_VALUE && newest - checked >= CHECK_INTERVAL_MILLIS) {
      check(newest);
    }
    positions++;
    newest = Math.max(newest, raw.time());
    VesselTrack track =
        tracks.computeIfAbsent(raw.mmsi(), m -> new VesselTrack(settings.detectors(), m));
    VesselTrack.Step step = track.take(raw);
    step.findings().forEach(this::keep);
    if (!step.taken()) {
      return;
    }
    silences.remove(raw.mmsi());
    silences.put(raw.mmsi(), step.ping().time());
    for (String cell :
        Encounters.cellsFor(step.ping(), settings.encounters(), settings.gazetteer(), cells)) {
      Encounters state =
          byCell.computeIfAbsent(cell, c -> new Encounters(c, cells, settings.encounters()));
      state.accept(step.ping()).forEach(e -> encounters.put(e.id(), e));
    }
  }

  /**
   * The end of the positions: the periodic checks at the newest time, then every contact still open
   * ended, since its vessels send nothing more. Silences shorter than the dark gap stay unreported,
   * as in a monitor that reads nothing more.
   */
  public void finish() {
    if (newest == Long.MIN_VALUE) {
      return;
    }
    check(newest);
    EncounterParams p = settings.encounters();
    expireCells(newest + p.maxSilence().toMillis() + p.mergeGap().toMillis() + 1);
  }

  /**
   * The findings of the per-vessel detectors, the newest report of each id, in order first seen.
   */
  public List<AisFinding> findings() {
    return List.copyOf(findings.values());
  }

  /** The encounters, the newest report of each id, in the order first reported. */
  public List<Encounter> encounters() {
    return List.copyOf(encounters.values());
  }

  /** How many positions were read. */
  public long positions() {
    return positions;
  }

  /** How many the track stage dropped (duplicates and positions too old). */
  public long dropped() {
    return dropped;
  }

  /** How many vessels (MMSIs) sent a position. */
  public int vessels() {
    return tracks.size();
  }

  private void check(long streamTime) {
    checked = streamTime;
    for (Iterator<Map.Entry<String, Long>> it = silences.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> silent = it.next();
      if (streamTime - silent.getValue() < gapMillis) {
        break;
      }
      it.remove();
      tracks.get(silent.getKey()).check(streamTime).forEach(this::keep);
    }
    expireCells(streamTime);
  }

  private void expireCells(long streamTime) {
    List<Encounter> ended = new ArrayList<>();
    byCell
        .values()
        .removeIf(
            state -> {
              ended.addAll(state.expire(streamTime));
              return state.isEmpty();
            });
    ended.forEach(e -> encounters.put(e.id(), e));
  }

  private void keep(AisFinding finding) {
    if (finding instanceof PositionDropped) {
      dropped++;
    } else {
      findings.put(finding.id(), finding);
    }
  }
}
