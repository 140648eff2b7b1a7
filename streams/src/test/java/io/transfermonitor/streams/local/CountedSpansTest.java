package io.transfermonitor.streams.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which events of a task a rule counted, from the stretches of reading it was live in. */
class CountedSpansTest {

  @Test
  void shouldCoverTheEventsReadWhileTheRuleWasLiveAndNoOthers() {
    // given: live from the start, gone after offset 4 of slot 0 and 2 of slot 1, back after 7 / 5
    CountedSpans spans =
        CountedSpans.none()
            .opened(Map.of())
            .endedBy(Map.of(0, 4L, 1, 2L))
            .opened(Map.of(0, 7L, 1, 5L));

    // then
    assertThat(spans.covers(0, 4, 0)).isTrue();
    assertThat(spans.covers(0, 5, 0)).isFalse();
    assertThat(spans.covers(0, 7, 0)).isFalse();
    assertThat(spans.covers(0, 8, 0)).isTrue();
    assertThat(spans.covers(1, 3, 0)).isFalse();
    assertThat(spans.covers(1, 6, 0)).isTrue();
    // a slot the task had not read by the restoration: all of it read since, so counted
    assertThat(spans.covers(2, 0, 0)).isTrue();
    assertThat(CountedSpans.none().opened(Map.of()).endedBy(Map.of(0, 4L)).covers(2, 0, 0))
        .isFalse();
    assertThat(spans.counting()).isTrue();
  }

  @Test
  void shouldCoverWhatARecountCountedFromWhenItsEventsWereFirstSeen() {
    // given: never live; a recount up to offset 9 of events first seen from t = 1,000
    CountedSpans spans = CountedSpans.none().recounted("r1", Map.of(0, 9L), 1_000L);

    // then
    assertThat(spans.covers(0, 3, 1_000)).isTrue();
    assertThat(spans.covers(0, 3, 999)).isFalse();
    assertThat(spans.covers(0, 10, 2_000)).isFalse();
    assertThat(spans.hasDone("r1")).isTrue();
    assertThat(spans.hasDone("r2")).isFalse();
    assertThat(spans.counting()).isFalse();
  }

  @Test
  void shouldGoOnWithTheSameStretchWhenTheRuleIsLiveAcrossARestart() {
    // given: live, cut at the last send by a restart, opened again there
    CountedSpans spans =
        CountedSpans.none().opened(Map.of()).endedBy(Map.of(0, 4L)).opened(Map.of(0, 4L));

    // then: one stretch, still open, covering both sides
    assertThat(spans.spans()).hasSize(1);
    assertThat(spans.covers(0, 2, 0)).isTrue();
    assertThat(spans.covers(0, 9, 0)).isTrue();
  }
}
