package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.TopicClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator finds when a stream thread fails twice in a row on one record: the record's
 * coordinates on the rejected topic, written once on a real broker outside any transaction, and the
 * {@code tm.stream.thread.stuck} counter per retry.
 */
@ExtendWith(KafkaStackExtension.class)
class StuckRecordReportIT {

  @TempDir Path stateDir;

  @Test
  void shouldPutTheStuckRecordsCoordinatesOnTheRejectedTopicOnceAndCountEveryRetry(
      KafkaStack stack) {
    // given: the monitor's client settings and its rejected topic
    Topics topics = stack.uniqueTopics();
    MonitorMetrics metrics = MonitorMetrics.inMemory();
    Properties props = StackProperties.of(stack, stateDir);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, stack.uniqueName("stuck"));
    StuckRecordReport report =
        new StuckRecordReport(
            props,
            topics.rejected(),
            SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()),
            metrics);
    RepeatedFailures.Where where =
        new RepeatedFailures.Where(
            "0_1",
            topics.eventTopic(EventKind.TANKER_DELIVERY),
            1,
            42L,
            "org.apache.kafka.common.errors.RecordTooLargeException: The message is 1200653 bytes");

    // when: the second and the third failure on the same record
    report.report(where, 2, new IllegalStateException("second"));
    report.report(where, 3, new IllegalStateException("third"));

    // then: one rejected record naming the input record and the error, two counts
    try (KafkaConsumer<String, RejectedEvent> rejected =
        TopicClients.readCommitted(
            stack.bootstrapServers(), stack.schemaRegistryUrl(), RejectedEvent.class)) {
      rejected.subscribe(List.of(topics.rejected()));
      List<RejectedEvent> seen = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                rejected.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                assertThat(seen).isNotEmpty();
              });
      rejected.poll(Duration.ofSeconds(2)).forEach(r -> seen.add(r.value()));
      assertThat(seen).hasSize(1);
      RejectedEvent stuck = seen.get(0);
      assertThat(stuck.getStage()).isEqualTo(RejectionStage.PROCESSING);
      assertThat(stuck.getSourceTopic()).isEqualTo(where.topic());
      assertThat(stuck.getSourcePartition()).isEqualTo(1);
      assertThat(stuck.getSourceOffset()).isEqualTo(42L);
      assertThat(stuck.getErrorClass())
          .isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");
      assertThat(stuck.getReason()).contains("failed twice in a row", "task 0_1");
    }
    assertThat(metrics.registry().counter("tm.stream.thread.stuck", "task", "0_1").count())
        .isEqualTo(2.0);
  }
}
