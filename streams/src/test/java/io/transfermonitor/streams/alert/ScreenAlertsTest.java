package io.transfermonitor.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScreenAlertsTest {

  /**
   * A screen alert's message writes its score as the formatter wrote it: messages stay the same.
   */
  @Test
  void scoresAreWrittenAsTheFormatterWroteThem() {
    double[] edges = {
      0,
      -0.0,
      1,
      0.005,
      0.015,
      0.125,
      0.135,
      0.994999,
      0.995,
      0.9949999999999999,
      0.845,
      0.855,
      1e-9,
      12.345,
      1e20,
      0.1 + 0.2,
      -0.004,
      -0.5,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.MIN_VALUE,
      Double.MAX_VALUE
    };
    for (double score : edges) {
      assertThat(ScreenAlerts.twoDecimals(score)).as("%s", score).isEqualTo(formatted(score));
    }
    SplittableRandom random = new SplittableRandom(26);
    for (int i = 0; i < 200_000; i++) {
      double score = random.nextDouble();
      assertThat(ScreenAlerts.twoDecimals(score)).as("%s", score).isEqualTo(formatted(score));
      double thousandths = random.nextInt(1001) / 1000.0; // the ties of rounding half up
      assertThat(ScreenAlerts.twoDecimals(thousandths))
          .as("%s", thousandths)
          .isEqualTo(formatted(thousandths));
    }
  }

  private static String formatted(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }
}
