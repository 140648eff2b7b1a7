package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** A stream thread failing again where it failed before is told from one failure that passes. */
class RepeatedFailuresTest {

  private final RepeatedFailures failures = new RepeatedFailures();

  private static StreamsException inProcess(long offset) {
    return new StreamsException(
        "Exception caught in process. taskId=0_1, processor=count-in-ledgers,"
            + " topic=tm.events.tanker-deliveries, partition=1, offset="
            + offset
            + ", stacktrace=...",
        new IllegalStateException("boom"),
        new TaskId(0, 1));
  }

  @Test
  void shouldNameTheRecordAThreadFailedOnTwiceInARow() {
    // when: the same record fails twice
    assertThat(failures.failed(inProcess(42))).isEmpty();
    var second = failures.failed(inProcess(42));

    // then: reported with its coordinates
    assertThat(second)
        .hasValueSatisfying(
            where -> {
              assertThat(where.place()).isEqualTo("tm.events.tanker-deliveries-1@42");
              assertThat(where.task()).isEqualTo("0_1");
              assertThat(where.error()).contains("IllegalStateException: boom");
            });
    assertThat(failures.failed(inProcess(42))).isPresent();
    assertThat(failures.times()).isEqualTo(3);
  }

  @Test
  void shouldNotReportFailuresThatMoveOn() {
    assertThat(failures.failed(inProcess(42))).isEmpty();
    assertThat(failures.failed(inProcess(43))).isEmpty();
  }

  @Test
  void shouldTellASendThatFailsAgainInTheSameTaskWithoutAnInputRecord() {
    StreamsException send =
        new StreamsException(
            "Error encountered sending record to topic tm.alerts for task 2_0 due to: too large",
            new org.apache.kafka.common.errors.RecordTooLargeException("1100376 bytes"),
            new TaskId(2, 0));

    assertThat(failures.failed(send)).isEmpty();
    assertThat(failures.failed(send))
        .hasValueSatisfying(where -> assertThat(where.place()).isEqualTo("task 2_0"));
  }
}
