package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommitCadenceTest {

  private static final long MS = 1_000_000;

  @Test
  void shouldTakeTheMeanAndPercentilesOfIntervalsWithinEachCommitter() {
    // given two loops: one committing at 0, 100, 300 ms, the other at 5,000 and 5,150 ms
    List<long[]> times =
        List.of(new long[] {0, 100 * MS, 300 * MS}, new long[] {5_000 * MS, 5_150 * MS});

    // when
    CommitCadence cadence = CommitCadence.ofCommitTimes(times, 50 * MS, "timed");

    // then the gap between the loops is no interval: (100 + 200 + 150) / 3
    assertThat(cadence.commits()).isEqualTo(5);
    assertThat(cadence.meanIntervalMillis()).isEqualTo(150.0);
    assertThat(cadence.timed().at(50)).isEqualTo(150);
    assertThat(cadence.timed().at(99)).isEqualTo(200);
    assertThat(cadence.commitMillis()).isEqualTo(10.0);
  }

  @Test
  void shouldCountSampledSpansFromEachThreadsFirstCommitOn() {
    // given a thread first seen at 3 commits at 2 s and last at 23 commits at 6 s,
    // another from 1 commit at 2.5 s to 11 commits at 4.5 s; 40 commits in all by the end
    List<CommitWatch.Span> spans =
        List.of(
            new CommitWatch.Span(2_000 * MS, 3, 6_000 * MS, 23),
            new CommitWatch.Span(2_500 * MS, 1, 4_500 * MS, 11));

    // when
    CommitCadence cadence = CommitCadence.ofSpans(40, spans, 400 * MS, "sampled");

    // then (4 s + 2 s) over (20 + 10) intervals; the time before the first commit does not count
    assertThat(cadence.meanIntervalMillis()).isEqualTo(200.0);
    assertThat(cadence.timed()).isNull();
    assertThat(cadence.commitMillis()).isEqualTo(10.0);
  }

  @Test
  void shouldHaveNoMeanWithoutTwoCommits() {
    CommitCadence cadence = CommitCadence.ofCommitTimes(List.of(new long[] {7 * MS}), 0, "timed");

    assertThat(cadence.commits()).isEqualTo(1);
    assertThat(cadence.meanIntervalMillis()).isNaN();
    assertThat(CostTable.interval(cadence)).isEqualTo("fewer than 2 commits");
  }
}
