package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void shouldReportNearestRankPercentilesOfUnsortedLatencies() {
    // given 1..100 ms in reverse order
    long[] latencies = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray();

    // when
    Percentiles p = Percentiles.of(latencies);

    // then
    assertThat(p.at(50)).isEqualTo(50);
    assertThat(p.at(99)).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
    assertThat(p.count()).isEqualTo(100);
  }

  @Test
  void shouldReportAMeasuredValueNotAnInterpolatedOne() {
    // given a few values far apart
    Percentiles p = Percentiles.of(new long[] {10, 1000, 20});

    // then p50 is the middle measurement and p99 the slowest
    assertThat(p.at(50)).isEqualTo(20);
    assertThat(p.at(99)).isEqualTo(1000);
  }

  @Test
  void shouldLeaveTheCallersArrayAsItWas() {
    long[] latencies = {3, 1, 2};

    Percentiles.of(latencies).at(50);

    assertThat(latencies).containsExactly(3, 1, 2);
  }

  @Test
  void shouldRefuseAPercentileOfNothing() {
    assertThatThrownBy(() -> Percentiles.of(new long[0]).at(99))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no values");
  }
}
