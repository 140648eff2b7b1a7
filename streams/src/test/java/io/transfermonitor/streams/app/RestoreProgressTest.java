package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreProgressTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final RestoreProgress progress = new RestoreProgress(now::get, Duration.ofSeconds(5));
  private final TopicPartition events0 = new TopicPartition("m-events-changelog", 0);
  private final TopicPartition events1 = new TopicPartition("m-events-changelog", 1);

  @Test
  void aRoundLastsWhileAnyRestoreOverlapsIt() {
    progress.onRestoreStart(events0, "events", 0, 1_000);
    progress.onRestoreStart(events1, "events", 100, 600);
    progress.onBatchRestored(events0, "events", 999, 1_000);
    progress.onRestoreEnd(events0, "events", 1_000);
    assertThat(progress.restoring()).isTrue();
    progress.onBatchRestored(events1, "events", 599, 500);
    progress.onRestoreEnd(events1, "events", 500);
    assertThat(progress.restoring()).isFalse();
    assertThat(progress.restored()).isEqualTo(1_500);

    progress.onRestoreStart(events0, "events", 1_000, 1_010); // a new round counts from zero
    assertThat(progress.restored()).isZero();
  }

  @Test
  void aSuspendedRestoreEndsItsPartOfTheRound() {
    progress.onRestoreStart(events0, "events", 0, 1_000);
    progress.onBatchRestored(events0, "events", 99, 100);
    progress.onRestoreSuspended(events0, "events", 100);
    assertThat(progress.restoring()).isFalse();
    assertThat(progress.restored()).isEqualTo(100);
  }
}
