package io.transfermonitor.bench;

/**
 * What one pass over the input measured.
 *
 * @param name "baseline" or "monitor"
 * @param records input records consumed (committed) in the pass
 * @param nanos wall time from start until every input offset was committed
 * @param peakUsedBytes highest heap in use during the pass (sampled; includes uncollected garbage)
 * @param peakLiveBytes highest heap in use right after a GC during the pass (the live set)
 * @param liveAtEndBytes heap in use after a full GC once the pass had consumed everything, still
 *     running (the live set)
 * @param gcMillis time spent in GC during the pass
 * @param stateBytes bytes on disk under the pass's state directories (0 for the baseline)
 * @param changelogBytes bytes the broker holds in the pass's changelog topics (0 for the baseline)
 * @param cadence how often the pass actually committed
 * @param cost what the pass wrote and read, per class of topic
 */
public record PassResult(
    String name,
    long records,
    long nanos,
    long peakUsedBytes,
    long peakLiveBytes,
    long liveAtEndBytes,
    long gcMillis,
    long stateBytes,
    long changelogBytes,
    CommitCadence cadence,
    PassCost cost) {

  /**
   * A pass of {@code records} input records in {@code nanos}, its heap from {@code heap} (the live
   * set at the end as {@code liveAtEndBytes}), its cost and changelogs from {@code measured}.
   */
  static PassResult of(
      String name,
      long records,
      long nanos,
      HeapWatch heap,
      long liveAtEndBytes,
      long stateBytes,
      CostMeter.Measured measured,
      CommitCadence cadence) {
    return new PassResult(
        name,
        records,
        nanos,
        heap.peakUsedBytes(),
        heap.peakLiveBytes(),
        liveAtEndBytes,
        heap.gcMillisSinceStart(),
        stateBytes,
        measured.after().changelogBytes(),
        cadence,
        measured.cost());
  }

  /** Input records per second of wall time. */
  public double recordsPerSecond() {
    return nanos == 0 ? 0 : records / (nanos / 1e9);
  }

  /** Wall time in seconds. */
  public double seconds() {
    return nanos / 1e9;
  }
}
