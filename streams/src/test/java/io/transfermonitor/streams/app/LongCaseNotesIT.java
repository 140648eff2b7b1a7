package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.TopicClients;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's long case notes on a real broker: nine actions, each with a reason of 120,000
 * characters, written to the case-actions topic as {@code cases ack|resolve|reopen} writes them.
 * Kept whole in the case's history they would make the case record larger than Kafka's 1 MiB, and
 * the stream thread would fail writing it, again and again; the case keeps its latest actions
 * instead, each reason cut to the cap with the cut said, and goes on counting.
 */
@ExtendWith(KafkaStackExtension.class)
class LongCaseNotesIT {

  private static final String CASE = "unscr-1718-arms-embargo/PRK/RUS";
  private static final int REASON_CHARS = 120_000;

  @TempDir Path stateDir;

  @Test
  void shouldApplyNineActionsWithLongReasonsAndKeepCountingWithTheCaseWellBelowOneMebibyte(
      KafkaStack stack) {
    // given: a case opened by one arms transfer
    Topics topics = stack.uniqueTopics();
    MonitorConfig config =
        MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName("notes")).build();
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
    String arms = topics.eventTopic(EventKind.ARMS_TRANSFER);
    try (KafkaProducer<String, byte[]> producer = producer(stack)) {
      for (Rule rule : Events.defaultRules()) {
        TopicClients.sendAvro(producer, registry, topics.rules(), rule.getRuleId(), rule);
      }
      producer.flush();
    }
    try (MonitorApplication monitor =
            MonitorApplication.start(StackProperties.of(stack, stateDir), config);
        KafkaProducer<String, byte[]> producer = producer(stack);
        KafkaConsumer<String, Case> cases =
            TopicClients.readCommitted(
                stack.bootstrapServers(), stack.schemaRegistryUrl(), Case.class)) {
      monitor.awaitRunning(Duration.ofSeconds(90));
      cases.subscribe(List.of(topics.cases()));
      TopicClients.sendAvro(producer, registry, arms, "arms-1", transfer("arms-1"));
      producer.flush();
      Map<String, ConsumerRecord<String, Case>> latest = new HashMap<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(poll(cases, latest)).isNotNull());

      // when: nine actions with 120,000-character reasons, then one more transfer
      CaseActionKind[] cycle = {
        CaseActionKind.ACKNOWLEDGE, CaseActionKind.RESOLVE, CaseActionKind.REOPEN
      };
      for (int i = 0; i < 9; i++) {
        CaseAction action =
            CaseAction.newBuilder()
                .setActionId("note-" + i)
                .setCaseId(CASE)
                .setAction(cycle[i % 3])
                .setBy("alice")
                .setReason(String.valueOf((char) ('a' + i)).repeat(REASON_CHARS))
                .setRequestedAt(Instant.now())
                .build();
        TopicClients.sendAvro(producer, registry, topics.caseActions(), CASE, action);
      }
      producer.flush();
      TopicClients.sendAvro(producer, registry, arms, "arms-2", transfer("arms-2"));
      producer.flush();

      // then: the last action applied and the second transfer counted
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> {
                ConsumerRecord<String, Case> now = poll(cases, latest);
                assertThat(now.value().getAlertCount()).isEqualTo(2);
                assertThat(now.value().getHistory())
                    .anyMatch(e -> "note-8".equals(e.getActionId()));
              });
      ConsumerRecord<String, Case> record = latest.get(CASE);
      assertThat(record.value().getStatus()).isEqualTo(CaseStatus.REOPENED);
      assertThat(record.serializedValueSize()).isLessThan(256 * 1024);
      // each reason cut to its start, saying so and where the whole action is
      assertThat(record.value().getHistory())
          .last()
          .satisfies(
              e -> {
                assertThat(e.getActionId()).isEqualTo("note-8");
                assertThat(e.getReasonCutFrom()).isEqualTo(REASON_CHARS);
                assertThat(e.getReason())
                    .startsWith("iiii")
                    .endsWith(
                        "120,000 characters written, the first 4,000 kept; the whole action is at "
                            + topics.caseActions()
                            + "-0@8]");
              });
      // and every step on the audit topic: the opening and the nine actions, in order
      try (KafkaConsumer<String, CaseHistoryEntry> audit =
          TopicClients.readCommitted(
              stack.bootstrapServers(), stack.schemaRegistryUrl(), CaseHistoryEntry.class)) {
        audit.subscribe(List.of(topics.casesAudit()));
        List<CaseHistoryEntry> steps = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  audit.poll(Duration.ofMillis(200)).forEach(r -> steps.add(r.value()));
                  assertThat(steps).hasSizeGreaterThanOrEqualTo(10);
                });
        assertThat(steps)
            .extracting(CaseHistoryEntry::getActionId)
            .startsWith(null, "note-0", "note-1")
            .contains("note-8");
      }
      assertThat(monitor.meters().find("kafka.stream.failed.stream.threads").functionCounters())
          .allSatisfy(c -> assertThat(c.count()).isZero());
    }
  }

  private static ConsumerRecord<String, Case> poll(
      KafkaConsumer<String, Case> cases, Map<String, ConsumerRecord<String, Case>> latest) {
    for (ConsumerRecord<String, Case> r : cases.poll(Duration.ofMillis(200))) {
      latest.put(r.key(), r);
    }
    return latest.get(CASE);
  }

  private static ArmsTransfer transfer(String id) {
    return Events.arms(id, "2024-05-01T00:00:00Z", "PRK", "RUS");
  }

  private static KafkaProducer<String, byte[]> producer(KafkaStack stack) {
    return TopicClients.rawProducer(stack.bootstrapServers(), Map.of());
  }
}
