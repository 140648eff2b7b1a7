package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.cases.CaseFiling.Filing;
import io.transfermonitor.streams.cases.CaseInput.ActionTaken;
import io.transfermonitor.streams.cases.CaseInput.AlertRaised;
import io.transfermonitor.streams.cases.Pager.Paged;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 7, cases. In, keyed by case id (alerts and operator actions repartitioned alike, so a
 * case's alerts and actions meet in this task): {@link CaseInput}s. Keeps each {@link Case} in the
 * {@code cases} store and, in {@code case-timers}, when something about it falls due by the clock
 * (a suppression ending, updates held back by the quiet interval). Out, keyed by case id: the alert
 * as filed, the changed case, notifications and refused actions ({@link CaseOutcome}).
 *
 * <p>An alert already filed (a replay) and an action already seen (a re-sent one) change nothing,
 * so neither counts, pages or applies twice. A wall-clock punctuation fires the timers that are
 * due.
 *
 * <p>A changed case goes out once per {@code publishInterval}, however many alerts it took
 * meanwhile: the store {@code cases-unpublished} (cached, logged) names the cases changed since,
 * and a wall-clock punctuation writes each as it then stands. So a case that takes a hundred alerts
 * within a commit interval is written once, not a hundred times; notifications and refusals go out
 * at once.
 */
public final class CaseProcessor implements Processor<String, CaseInput, String, CaseOutcome> {

  /** How often, by the wall clock, the timers are looked at. */
  static final Duration TIMER_CHECK = Duration.ofSeconds(1);

  private final String casesStore;
  private final String timersStore;
  private final String unpublishedStore;
  private final Duration publishInterval;
  private final String rulesStore;
  private final Pager pager;
  private final String actionsTopic;
  private final Serializer<CaseAction> actionBytes;
  private ProcessorContext<String, CaseOutcome> context;
  private KeyValueStore<String, Case> cases;
  private KeyValueStore<String, Long> timers;
  private KeyValueStore<String, Long> unpublished;
  private KeyValueStore<String, Rule> rules;

  /**
   * @param unpublishedStore the cases changed and not written out yet (case id to the wall-clock
   *     time of the change)
   * @param publishInterval how often changed cases are written out
   * @param actionsTopic the case-actions topic, named in refusals
   * @param actionBytes writes a refused action as the rejected record's raw value
   */
  public CaseProcessor(
      String casesStore,
      String timersStore,
      String unpublishedStore,
      Duration publishInterval,
      String rulesStore,
      Pager pager,
      String actionsTopic,
      Serializer<CaseAction> actionBytes) {
    this.casesStore = casesStore;
    this.timersStore = timersStore;
    this.unpublishedStore = unpublishedStore;
    this.publishInterval = publishInterval;
    this.rulesStore = rulesStore;
    this.pager = pager;
    this.actionsTopic = actionsTopic;
    this.actionBytes = actionBytes;
  }

  @Override
  public void init(ProcessorContext<String, CaseOutcome> context) {
    this.context = context;
    this.cases = context.getStateStore(casesStore);
    this.timers = context.getStateStore(timersStore);
    this.unpublished = context.getStateStore(unpublishedStore);
    this.rules = context.getStateStore(rulesStore);
    context.schedule(TIMER_CHECK, PunctuationType.WALL_CLOCK_TIME, this::fireTimers);
    context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::publish);
  }

  @Override
  public void process(Record<String, CaseInput> record) {
    if (record.value() instanceof AlertRaised raised) {
      file(record.key(), raised.alert(), record.timestamp());
    } else if (record.value() instanceof ActionTaken taken) {
      act(record.key(), taken.action(), record.timestamp());
    }
  }

  private void file(String caseId, Alert alert, long timestamp) {
    long now = context.currentSystemTimeMs();
    Case state = cases.get(caseId);
    if (state != null && CaseFiling.holds(state, alert.getAlertId())) {
      return;
    }
    Filing filing = state == null ? open(caseId, alert, now) : CaseFiling.file(state, alert, now);
    Paged paged = pager.afterFiling(filing.state(), filing.change(), alert, now);
    Alert filed = Alert.newBuilder(alert).setCaseId(caseId).setCaseChange(filing.change()).build();
    context.forward(new Record<>(caseId, new CaseOutcome.Filed(filed), timestamp));
    save(paged, timestamp);
  }

  private Filing open(String caseId, Alert alert, long now) {
    Rule rule = rules.get(alert.getRuleId());
    CaseKey key = CaseKey.of(alert, rule);
    String title = key.title(rule == null ? alert.getRuleId() : rule.getTitle());
    return CaseFiling.open(caseId, title, key.grouping(), alert, now);
  }

  private void act(String caseId, CaseAction action, long timestamp) {
    long now = context.currentSystemTimeMs();
    Case state = cases.get(caseId);
    if (state == null) {
      refuse(caseId, action, "no case " + caseId, now, timestamp);
      return;
    }
    if (CaseLifecycle.seen(state, action.getActionId())) {
      return;
    }
    Optional<String> refusal = CaseLifecycle.refusal(state, action, now);
    if (refusal.isPresent()) {
      save(
          new Paged(CaseLifecycle.refused(state, action, refusal.get(), now), Optional.empty()),
          timestamp);
      refuse(caseId, action, refusal.get(), now, timestamp);
      return;
    }
    Case applied = CaseLifecycle.apply(state, action, now);
    boolean lifted =
        state.getStatus() == CaseStatus.SUPPRESSED && applied.getStatus() != CaseStatus.SUPPRESSED;
    save(
        lifted ? pager.afterSuppression(applied, now) : new Paged(applied, Optional.empty()),
        timestamp);
  }

  private void fireTimers(long now) {
    List<String> due = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = timers.all()) {
      while (all.hasNext()) {
        KeyValue<String, Long> timer = all.next();
        if (timer.value <= now) {
          due.add(timer.key);
        }
      }
    }
    for (String caseId : due) {
      Case state = cases.get(caseId);
      if (state == null) {
        timers.delete(caseId);
        continue;
      }
      boolean suppressionOver =
          state.getStatus() == CaseStatus.SUPPRESSED
              && state.getSuppressedUntil() != null
              && state.getSuppressedUntil().toEpochMilli() <= now;
      Paged paged =
          suppressionOver
              ? pager.afterSuppression(CaseLifecycle.endSuppression(state, now), now)
              : pager.flush(state, null, now);
      save(paged, now);
    }
    // what the clock changed goes out with this punctuation, not a publishing interval later
    publish(now);
  }

  /**
   * Stores the case and its timer, marks it to be written out, and forwards its notification, if
   * any.
   */
  private void save(Paged paged, long timestamp) {
    Case state = paged.state();
    cases.put(state.getCaseId(), state);
    var due = pager.dueAt(state);
    if (due.isPresent()) {
      timers.put(state.getCaseId(), due.getAsLong());
    } else if (timers.get(state.getCaseId()) != null) {
      timers.delete(state.getCaseId());
    }
    unpublished.put(state.getCaseId(), timestamp);
    paged
        .notification()
        .ifPresent(
            n ->
                context.forward(
                    new Record<>(state.getCaseId(), new CaseOutcome.Notified(n), timestamp)));
  }

  /** Writes out every case changed since the last time, as it stands now. */
  private void publish(long now) {
    List<KeyValue<String, Long>> changed = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = unpublished.all()) {
      all.forEachRemaining(changed::add);
    }
    for (KeyValue<String, Long> entry : changed) {
      Case state = cases.get(entry.key);
      if (state != null) {
        context.forward(new Record<>(entry.key, new CaseOutcome.Changed(state), entry.value));
      }
      unpublished.delete(entry.key);
    }
  }

  private void refuse(String caseId, CaseAction action, String why, long now, long timestamp) {
    RejectedEvent rejected =
        RejectedEvent.newBuilder()
            .setStage(RejectionStage.CASE_ACTION)
            .setReason(why)
            .setField("action")
            .setSourceTopic(actionsTopic)
            .setEventId(action.getActionId())
            .setRawKey(ByteBuffer.wrap(caseId.getBytes(StandardCharsets.UTF_8)))
            .setRawValue(ByteBuffer.wrap(actionBytes.serialize(actionsTopic, action)))
            .setRejectedAt(Instant.ofEpochMilli(now))
            .build();
    context.forward(new Record<>(caseId, new CaseOutcome.Refused(rejected), timestamp));
  }
}
