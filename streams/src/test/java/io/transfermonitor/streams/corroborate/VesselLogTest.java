package io.transfermonitor.streams.corroborate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VesselLogTest {

  /**
   * The store's keys and range bounds are what the formatter wrote before: stores stay readable.
   */
  @Test
  void timesAreWrittenAsTheFormatterWroteThem() {
    long[] edges = {
      0,
      1,
      9,
      10,
      99_999_999_999_999L,
      100_000_000_000_000L,
      999_999_999_999_999L,
      1_000_000_000_000_000L,
      Long.MAX_VALUE,
      -1,
      -1L * 365 * 24 * 3600 * 1000 * 20,
      1_700_000_000_000L,
      Long.MIN_VALUE
    };
    for (long t : edges) {
      assertThat(VesselLog.time(t)).as("%d", t).isEqualTo(formatted(t));
    }
    SplittableRandom random = new SplittableRandom(26);
    for (int i = 0; i < 100_000; i++) {
      long t = random.nextLong(-3_000_000_000_000L, 5_000_000_000_000L);
      assertThat(VesselLog.time(t)).as("%d", t).isEqualTo(formatted(t));
    }
  }

  private static String formatted(long epochMillis) {
    return String.format(Locale.ROOT, "%015d", epochMillis);
  }
}
