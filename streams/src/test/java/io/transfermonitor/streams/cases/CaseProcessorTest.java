package io.transfermonitor.streams.cases;

import static io.transfermonitor.streams.cases.CaseAlerts.action;
import static io.transfermonitor.streams.cases.CaseAlerts.filedMunitions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.model.CaseChange;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.CaseStep;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import io.transfermonitor.streams.topology.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseProcessorTest {

  private static final long NOW = Instant.parse("2025-06-30T12:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;

  private final SchemaRegistryClient registry = InMemorySchemaRegistry.scope("case-processor");
  private final MockProcessorContext<String, CaseOutcome> context = new MockProcessorContext<>();
  private final MonitorMetrics metrics = MonitorMetrics.inMemory();
  private final CaseProcessor processor =
      new CaseProcessor(
          "cases",
          "case-timers",
          "cases-unpublished",
          Duration.ofMillis(100),
          "rules",
          new Pager(Duration.ofMinutes(5)),
          "tm.case-actions",
          AvroSerde.forValue(registry, CaseAction.class).serializer(),
          metrics);
  private KeyValueStore<String, Case> cases;
  private KeyValueStore<String, Long> timers;

  @BeforeEach
  void init() {
    KeyValueStore<String, Rule> rules =
        MockStores.keyValue(context, "rules", AvroSerde.forValue(registry, Rule.class));
    rules.put(CaseAlerts.ARMS, Events.defaultRule(CaseAlerts.ARMS));
    // as in production: the store's changelog carries cases under the subject of tm.cases
    cases =
        MockStores.keyValue(
            context,
            "cases",
            new Topic<>("tm.cases", Serdes.String(), AvroSerde.forValue(registry, Case.class))
                .valueSerdeAsOnThisTopic());
    timers = MockStores.keyValue(context, "case-timers", Serdes.Long());
    MockStores.keyValue(context, "cases-unpublished", Serdes.Long());
    context.setCurrentSystemTimeMs(NOW);
    processor.init(context);
  }

  @Test
  void shouldFileAnAlertOnceEvenWhenItArrivesAgain() {
    // when
    raise(filedMunitions("m1", "2023-09-07T00:00:00Z", 120));
    raise(filedMunitions("m1", "2023-09-07T00:00:00Z", 120));

    // then
    assertThat(outcomes(Alert.class))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getCaseId()).isEqualTo(CaseAlerts.ARMS_PRK_RUS);
              assertThat(a.getCaseChange()).isEqualTo(CaseChange.OPENED);
            });
    assertThat(outcomes(CaseNotification.class)).hasSize(1);
    Case state = cases.get(CaseAlerts.ARMS_PRK_RUS);
    assertThat(state.getAlertCount()).isEqualTo(1);
    assertThat(state.getTitle())
        .isEqualTo("Arms, munitions, missiles and related materiel to or from the DPRK: PRK → RUS");
  }

  @Test
  void shouldApplyAnActionOnceAndRefuseOneOnAnUnknownCaseToTheRejectedTopic() {
    // given
    raise(filedMunitions("m1", "2023-09-07T00:00:00Z", 120));
    CaseAction ack = action("a1", CaseActionKind.ACKNOWLEDGE, "alice", "on it");

    // when
    act(ack);
    act(ack);
    act(CaseAction.newBuilder(ack).setActionId("a2").setCaseId("no-such-case").build());

    // then
    assertThat(cases.get(CaseAlerts.ARMS_PRK_RUS).getHistory())
        .filteredOn(e -> "a1".equals(e.getActionId()))
        .hasSize(1);
    assertThat(cases.get(CaseAlerts.ARMS_PRK_RUS).getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(outcomes(RejectedEvent.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getStage()).isEqualTo(RejectionStage.CASE_ACTION);
              assertThat(r.getReason()).isEqualTo("no case no-such-case");
              assertThat(r.getSourceTopic()).isEqualTo("tm.case-actions");
              assertThat(r.getEventId()).isEqualTo("a2");
              assertThat(r.getRawValue()).isNotNull();
            });
  }

  @Test
  void shouldRecordAnIllegalActionInTheHistoryAndTheRejectedTopicWithoutApplyingIt() {
    // given
    raise(filedMunitions("m1", "2023-09-07T00:00:00Z", 120));

    // when
    act(action("a1", CaseActionKind.REOPEN, "alice", "again"));

    // then
    Case state = cases.get(CaseAlerts.ARMS_PRK_RUS);
    assertThat(state.getStatus()).isEqualTo(CaseStatus.OPEN);
    assertThat(state.getHistory())
        .last()
        .satisfies(e -> assertThat(e.getNote()).contains("it is OPEN"));
    assertThat(outcomes(RejectedEvent.class))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getReason())
                    .startsWith("cannot reopen case " + CaseAlerts.ARMS_PRK_RUS));
  }

  @Test
  void shouldPageHeldBackUpdatesAndEndASuppressionWhenTheirTimeComesByTheWallClock() {
    // given: an update held back, and another case suppressed for ten minutes
    raise(filedMunitions("m1", "2023-09-07T00:00:00Z", 120));
    raise(filedMunitions("m2", "2023-09-14T00:00:00Z", 150));
    context.resetForwards();

    // when
    context.setCurrentSystemTimeMs(NOW + 5 * MINUTE);
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(NOW + 5 * MINUTE);

    // then
    assertThat(outcomes(CaseNotification.class))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.getKind()).isEqualTo(CaseChange.UPDATED);
              assertThat(n.getNewAlerts()).isEqualTo(1);
            });
    assertThat(timers.get(CaseAlerts.ARMS_PRK_RUS)).isNull();

    // and when: suppressed until a time that then comes
    context.setCurrentSystemTimeMs(NOW + 6 * MINUTE);
    act(
        CaseAction.newBuilder(action("a1", CaseActionKind.SUPPRESS, "bob", "known route"))
            .setUntil(Instant.ofEpochMilli(NOW + 16 * MINUTE))
            .build());
    assertThat(timers.get(CaseAlerts.ARMS_PRK_RUS)).isEqualTo(NOW + 16 * MINUTE);
    context.setCurrentSystemTimeMs(NOW + 16 * MINUTE);
    context.scheduledPunctuators().get(0).getPunctuator().punctuate(NOW + 16 * MINUTE);

    // then
    assertThat(cases.get(CaseAlerts.ARMS_PRK_RUS).getStatus()).isEqualTo(CaseStatus.OPEN);
    assertThat(timers.get(CaseAlerts.ARMS_PRK_RUS)).isNull();
  }

  @Test
  void shouldWriteEveryStepToTheAuditTrailOnceAsItIsTaken() {
    // given
    raise(filedMunitions("m1", "2023-09-07T00:00:00Z", 120));
    CaseAction ack = action("a1", CaseActionKind.ACKNOWLEDGE, "alice", "on it");

    // when
    act(ack);
    act(ack);
    act(action("a2", CaseActionKind.REOPEN, "bob", "again"));

    // then: opened, acknowledged, and the refusal, each once
    assertThat(outcomes(CaseHistoryEntry.class))
        .extracting(CaseHistoryEntry::getStep, CaseHistoryEntry::getActionId)
        .containsExactly(
            tuple(CaseStep.OPENED, null),
            tuple(CaseStep.ACKNOWLEDGED, "a1"),
            tuple(CaseStep.REFUSED, "a2"));
  }

  @Test
  void shouldSetAsideAnActionThatWouldMakeTheCaseTooLargeAndApplyTheNextOne() {
    // given: an action that reached the stage uncut (written to the repartition topic by a
    // monitor that did not cut reasons yet), with a reason of 900,000 characters
    raise(filedMunitions("m1", "2023-09-07T00:00:00Z", 120));
    CaseAction huge = action("a1", CaseActionKind.ACKNOWLEDGE, "alice", "h".repeat(900_000));

    // when
    act(huge);
    act(action("a2", CaseActionKind.ACKNOWLEDGE, "bob", "on it"));

    // then: the huge one on the rejected topic, saying why; the case as it was, then acknowledged
    assertThat(outcomes(RejectedEvent.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getStage()).isEqualTo(RejectionStage.PROCESSING);
              assertThat(r.getField()).isEqualTo("case");
              assertThat(r.getEventId()).isEqualTo("a1");
              assertThat(r.getReason())
                  .startsWith("case " + CaseAlerts.ARMS_PRK_RUS + " would take 900,")
                  .endsWith(
                      " bytes with action a1, more than the 786,432 a case may take; the case is"
                          + " left as it was");
            });
    Case state = cases.get(CaseAlerts.ARMS_PRK_RUS);
    assertThat(state.getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    assertThat(state.getHistory())
        .extracting(CaseHistoryEntry::getActionId)
        .containsExactly(null, "a2");
  }

  @Test
  void shouldCountTheSetAsideInTheRejectionMetricWithTheOtherOversizeRecords() {
    // given: a case open, and an action whose reason would take it past its size
    raise(filedMunitions("m1", "2023-09-07T00:00:00Z", 120));

    // when
    act(action("a1", CaseActionKind.ACKNOWLEDGE, "alice", "h".repeat(900_000)));

    // then: on the rejected topic and in tm.events.rejected{stage=PROCESSING,reason=oversize}
    assertThat(outcomes(RejectedEvent.class)).hasSize(1);
    assertThat(
            metrics
                .registry()
                .find("tm.events.rejected")
                .tag("stage", "PROCESSING")
                .tag("reason", "oversize")
                .counter())
        .isNotNull()
        .extracting(c -> c.count())
        .isEqualTo(1.0);
  }

  private void raise(Alert alert) {
    processor.process(new Record<>(alert.getCaseId(), CaseInput.raised(alert), 0));
  }

  private void act(CaseAction action) {
    processor.process(new Record<>(action.getCaseId(), CaseInput.taken(action), 0));
  }

  private <T> List<T> outcomes(Class<T> type) {
    return context.forwarded().stream()
        .map(CapturedForward::record)
        .map(Record::value)
        .map(CaseOutcome.class::cast)
        .flatMap(
            o -> Stream.of(o.filedAlerts(), o.cases(), o.steps(), o.notifications(), o.refusals()))
        .flatMap(List::stream)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }
}
