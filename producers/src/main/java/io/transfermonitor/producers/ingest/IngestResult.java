package io.transfermonitor.producers.ingest;

import io.transfermonitor.model.EventKind;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What a run did.
 *
 * @param records records read (CSV rows without the header row, non-blank JSON lines)
 * @param produced records handed to the sink (validated only, in a dry run)
 * @param rejected records that failed mapping or validation
 * @param failedSends records the cluster did not acknowledge (0 in a dry run)
 * @param producedByKind produced records per event kind
 * @param elapsed wall-clock time of the run
 * @param dryRun true when nothing was produced
 */
public record IngestResult(
    long records,
    long produced,
    long rejected,
    long failedSends,
    Map<EventKind, Long> producedByKind,
    Duration elapsed,
    boolean dryRun) {

  public IngestResult {
    producedByKind = Map.copyOf(producedByKind);
  }

  /** Records per second over the run. */
  public double recordsPerSecond() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return records / seconds;
  }

  /** One line for a log or a terminal. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %,d records, %,d %s, %,d rejected%s, %.2f s, %,.0f records/s",
        dryRun ? "dry run" : "ingest",
        records,
        produced,
        dryRun ? "valid" : "produced",
        rejected,
        failedSends > 0 ? String.format(Locale.ROOT, ", %,d FAILED to send", failedSends) : "",
        elapsed.toNanos() / 1e9,
        recordsPerSecond());
  }
}
