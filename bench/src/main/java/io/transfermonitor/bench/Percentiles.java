package io.transfermonitor.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of measured values (latencies in milliseconds), by the nearest-rank method
 * on a sorted copy: the p-th percentile is the smallest value such that at least p % of the values
 * are at or below it. No interpolation, so every figure printed is a value that was measured.
 */
public final class Percentiles {

  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  /** The percentiles of {@code values}; the array is copied, not changed. */
  public static Percentiles of(long[] values) {
    long[] copy = Arrays.copyOf(values, values.length);
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  /** How many values there are. */
  public int count() {
    return sorted.length;
  }

  /**
   * The nearest-rank percentile {@code p} (0 &lt; p &le; 100).
   *
   * @throws IllegalStateException when there are no values
   */
  public long at(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    if (sorted.length == 0) {
      throw new IllegalStateException("no values measured");
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** The largest value. */
  public long max() {
    return at(100);
  }
}
