package io.transfermonitor.producers.ais;

import io.transfermonitor.model.VesselPosition;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts of one read: lines, messages decoded per AIS message type (0 for CSV rows), records
 * written, rejections per reason. Filled by the readers as they go.
 */
public final class AisSummary {

  private long lines;
  private long blankLines;
  private long timeLines;
  private long positions;
  private long voyages;
  private final SortedMap<Integer, Long> decodedByType = new TreeMap<>();
  private final Map<RejectReason, Long> rejectedByReason = new EnumMap<>(RejectReason.class);

  void line() {
    lines++;
  }

  void blankLine() {
    blankLines++;
  }

  /** A {@code $PGHP} line: read for the time of the sentence after it, no record of its own. */
  void timeLine() {
    timeLines++;
  }

  void decoded(int messageType) {
    decodedByType.merge(messageType, 1L, Long::sum);
  }

  void record(AisResult result) {
    if (result instanceof AisResult.Rejected rejected) {
      rejectedByReason.merge(rejected.reason(), 1L, Long::sum);
    } else if (((AisResult.Decoded) result).record() instanceof VesselPosition) {
      positions++;
    } else {
      voyages++;
    }
  }

  /** Lines read, blank ones included. */
  public long lines() {
    return lines;
  }

  public long blankLines() {
    return blankLines;
  }

  public long timeLines() {
    return timeLines;
  }

  /** VesselPosition records decoded. */
  public long positions() {
    return positions;
  }

  /** VesselVoyage records decoded. */
  public long voyages() {
    return voyages;
  }

  /** Messages (or CSV rows, type 0) that gave at least one record, per AIS message type. */
  public SortedMap<Integer, Long> decodedByType() {
    return Collections.unmodifiableSortedMap(decodedByType);
  }

  /** Rejections per reason; a multi-sentence message rejected whole counts once per fragment. */
  public Map<RejectReason, Long> rejectedByReason() {
    return Collections.unmodifiableMap(rejectedByReason);
  }

  /** All rejections. */
  public long rejected() {
    return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
