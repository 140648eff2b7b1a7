package io.transfermonitor.streams.query;

import io.transfermonitor.model.VesselFinding;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AIS findings as {@code tm.ais.findings} has them last: one row per finding id, a later record
 * of the same id (an open dark period closed, an encounter merged into a longer one) replacing the
 * earlier. Fed by {@link OutputFeed}, which reads the compacted topic from its start on every
 * instance, so any instance answers with every finding; read by the dashboard's map. Thread-safe.
 */
public final class VesselFindings {

  private static final Comparator<FindingRow> LATEST_FIRST =
      Comparator.comparing((FindingRow f) -> Instant.parse(f.start()))
          .reversed()
          .thenComparing(FindingRow::findingId);

  private final Map<String, FindingRow> byId = new ConcurrentHashMap<>();

  /** Keeps {@code finding}, in place of any earlier one of the same id. */
  public void accept(VesselFinding finding) {
    byId.put(finding.getFindingId(), FindingRow.of(finding));
  }

  /** Every finding, the latest start first. */
  public List<FindingRow> all() {
    return byId.values().stream().sorted(LATEST_FIRST).toList();
  }
}
