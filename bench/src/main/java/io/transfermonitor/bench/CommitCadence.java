package io.transfermonitor.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * How often a pass actually committed, against the commit interval it was given: the number of
 * transactions committed, the mean interval between consecutive commits of one committer (a
 * baseline loop or a stream thread; pooled over committers, so start-up before the first commit
 * does not count), the percentiles of those intervals where each commit was timed, and the mean
 * time the producer spent on one commit (flush, offsets, commit: {@link ClientTraffic}).
 *
 * @param commits transactions committed in the pass
 * @param intervals intervals between consecutive commits of one committer
 * @param spanNanos sum over committers of the time from their first to their last commit
 * @param timed the interval of every pair of commits, in ms, where each commit was timed; null when
 *     only the count was sampled
 * @param commitNanos producer time spent committing, all committers
 * @param source where the figures come from, printed with them
 */
public record CommitCadence(
    long commits,
    long intervals,
    long spanNanos,
    Percentiles timed,
    long commitNanos,
    String source) {

  /**
   * The cadence of committers that timed each of their commits: {@code commitTimes} holds, per
   * committer, the {@code System.nanoTime()} at which each commit completed, in order.
   */
  public static CommitCadence ofCommitTimes(
      List<long[]> commitTimes, long commitNanos, String source) {
    long commits = 0;
    long span = 0;
    List<Long> intervals = new ArrayList<>();
    for (long[] times : commitTimes) {
      commits += times.length;
      for (int i = 1; i < times.length; i++) {
        intervals.add((times[i] - times[i - 1]) / 1_000_000);
      }
      if (times.length > 1) {
        span += times[times.length - 1] - times[0];
      }
    }
    long[] ms = intervals.stream().mapToLong(Long::longValue).toArray();
    return new CommitCadence(commits, ms.length, span, Percentiles.of(ms), commitNanos, source);
  }

  /**
   * The cadence of committers whose commit count was sampled: {@code commits} in all, and per
   * committer the first and last {@link CommitWatch.Span span} in which its count changed.
   */
  public static CommitCadence ofSpans(
      long commits, List<CommitWatch.Span> spans, long commitNanos, String source) {
    long intervals = 0;
    long span = 0;
    for (CommitWatch.Span s : spans) {
      intervals += s.lastCount() - s.firstCount();
      span += s.lastNanos() - s.firstNanos();
    }
    return new CommitCadence(commits, intervals, span, null, commitNanos, source);
  }

  /** Mean interval between consecutive commits in ms; NaN when there was no pair of commits. */
  public double meanIntervalMillis() {
    return intervals == 0 ? Double.NaN : spanNanos / 1e6 / intervals;
  }

  /** Mean time of one commit in ms; NaN without commits. */
  public double commitMillis() {
    return commits == 0 ? Double.NaN : commitNanos / 1e6 / commits;
  }
}
