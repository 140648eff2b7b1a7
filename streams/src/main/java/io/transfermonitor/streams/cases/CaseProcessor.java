package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseChange;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.validation.RejectedEventLimit;
import io.transfermonitor.streams.cases.CaseFiling.Filing;
import io.transfermonitor.streams.cases.CaseInput.ActionTaken;
import io.transfermonitor.streams.cases.CaseInput.AlertRaised;
import io.transfermonitor.streams.cases.Pager.Paged;
import io.transfermonitor.streams.errors.RecordBudget;
import io.transfermonitor.streams.fact.SourcePointer;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 7, cases. In, keyed by case id (alerts and operator actions repartitioned alike, so a
 * case's alerts and actions meet in this task): {@link CaseInput}s. Keeps each {@link Case} in the
 * {@code cases} store and, in {@code case-timers}, when something about it falls due by the clock
 * (a suppression ending, updates held back by the quiet interval). Out, keyed by case id: the alert
 * as filed, the changed case, each step of its history as it is taken (the audit trail, which keeps
 * every step while the case keeps its latest, {@link CaseHistory}), notifications and refused
 * actions ({@link CaseOutcome}).
 *
 * <p>A change that would make a case larger than {@link CaseSize#MAX_BYTES} is not made: the alert
 * or action goes to the rejected topic saying why, the case stays as it was, and the stage goes on
 * (a case record over Kafka's size limit would fail the stream thread on every retry).
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

  private static final Logger LOG = LoggerFactory.getLogger(CaseProcessor.class);
  private static final int ALERT_FIELDS = Alert.getClassSchema().getFields().size();

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
  private final MonitorMetrics metrics;
  private final CaseSize size = new CaseSize();
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
   * @param metrics counts each alert or action set aside or refused in {@code tm.events.rejected},
   *     with the monitor's other rejections
   */
  public CaseProcessor(
      String casesStore,
      String timersStore,
      String unpublishedStore,
      Duration publishInterval,
      String rulesStore,
      Pager pager,
      String actionsTopic,
      Serializer<CaseAction> actionBytes,
      MonitorMetrics metrics) {
    this.casesStore = casesStore;
    this.timersStore = timersStore;
    this.unpublishedStore = unpublishedStore;
    this.publishInterval = publishInterval;
    this.rulesStore = rulesStore;
    this.pager = pager;
    this.actionsTopic = actionsTopic;
    this.actionBytes = actionBytes;
    this.metrics = metrics;
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
    // where the input was read: an alert here, on the alert topic; an action on the case-actions
    // topic, which the pointer it carries across the repartition names
    Optional<SourcePointer> here =
        context.recordMetadata().map(m -> new SourcePointer(m.topic(), m.partition(), m.offset()));
    if (record.value() instanceof AlertRaised raised) {
      file(record.key(), raised.alert(), here, record.timestamp());
    } else if (record.value() instanceof ActionTaken taken) {
      Optional<SourcePointer> from = SourcePointer.in(record.headers()).or(() -> here);
      act(record.key(), taken.action(), from, record.timestamp());
    }
  }

  private void file(String caseId, Alert alert, Optional<SourcePointer> from, long timestamp) {
    long now = context.currentSystemTimeMs();
    Case state = cases.get(caseId);
    if (state != null && CaseFiling.holds(state, alert.getAlertId())) {
      return;
    }
    Filing filing = state == null ? open(caseId, alert, now) : CaseFiling.file(state, alert, now);
    Optional<String> tooLarge = tooLarge(filing.state(), "alert " + alert.getAlertId());
    if (tooLarge.isPresent()) {
      setAside(caseId, tooLarge.get(), alert.getAlertId(), null, from, now, timestamp);
      return;
    }
    Paged paged = pager.afterFiling(filing.state(), filing.change(), alert, now);
    if (!kept(
        paged.state(),
        "alert " + alert.getAlertId(),
        alert.getAlertId(),
        null,
        from,
        now,
        timestamp)) {
      return;
    }
    Alert filed = filed(alert, caseId, filing.change());
    context.forward(new Record<>(caseId, new CaseOutcome.Filed(filed), timestamp));
    save(state, paged, timestamp);
  }

  /**
   * {@code alert} with its case and what it did to the case: a copy of its fields (the alert read
   * is neither kept nor changed after), without {@code Alert.newBuilder(alert)}'s deep copy of
   * every field, 1 % of the stream thread's samples.
   */
  static Alert filed(Alert alert, String caseId, CaseChange change) {
    Alert filed = new Alert();
    for (int field = 0; field < ALERT_FIELDS; field++) {
      filed.put(field, alert.get(field));
    }
    filed.setCaseId(caseId);
    filed.setCaseChange(change);
    return filed;
  }

  private Filing open(String caseId, Alert alert, long now) {
    Rule rule = rules.get(alert.getRuleId());
    CaseKey key = CaseKey.of(alert, rule);
    String title = key.title(rule == null ? alert.getRuleId() : rule.getTitle());
    return CaseFiling.open(caseId, title, key.grouping(), alert, now);
  }

  private void act(String caseId, CaseAction action, Optional<SourcePointer> from, long timestamp) {
    long now = context.currentSystemTimeMs();
    Case state = cases.get(caseId);
    if (state == null) {
      refuse(caseId, action, "no case " + caseId, from, now, timestamp);
      return;
    }
    if (CaseLifecycle.seen(state, action.getActionId())) {
      return;
    }
    Optional<String> refusal = CaseLifecycle.refusal(state, action, now);
    Case next =
        refusal.isPresent()
            ? CaseLifecycle.refused(state, action, refusal.get(), now)
            : CaseLifecycle.apply(state, action, now);
    Optional<String> tooLarge = tooLarge(next, "action " + action.getActionId());
    if (tooLarge.isPresent()) {
      setAside(caseId, tooLarge.get(), action.getActionId(), action, from, now, timestamp);
      return;
    }
    boolean lifted =
        refusal.isEmpty()
            && state.getStatus() == CaseStatus.SUPPRESSED
            && next.getStatus() != CaseStatus.SUPPRESSED;
    Paged paged = lifted ? pager.afterSuppression(next, now) : new Paged(next, Optional.empty());
    String with = "action " + action.getActionId();
    if (!kept(paged.state(), with, action.getActionId(), action, from, now, timestamp)) {
      return;
    }
    save(state, paged, timestamp);
    refusal.ifPresent(why -> refuse(caseId, action, why, from, now, timestamp));
  }

  /**
   * Puts {@code next} in the cases store, or, when its changelog record would be over the monitor's
   * size budget (the store's serde refuses it, measuring the bytes it made), sets the alert or
   * action aside saying why and leaves the case as it was.
   */
  private boolean kept(
      Case next,
      String with,
      String inputId,
      CaseAction action,
      Optional<SourcePointer> from,
      long now,
      long timestamp) {
    try {
      cases.put(next.getCaseId(), next);
      return true;
    } catch (RecordBudget.OversizeRecordException e) {
      String why =
          String.format(
              "case %s cannot be kept with %s: %s; the case is left as it was",
              next.getCaseId(), with, e.getMessage());
      setAside(next.getCaseId(), why, inputId, action, from, now, timestamp);
      return false;
    }
  }

  /** Why {@code next} cannot be kept (it is too large to be written), or empty when it can. */
  private Optional<String> tooLarge(Case next, String with) {
    OptionalLong over = size.over(next);
    return over.isEmpty()
        ? Optional.empty()
        : Optional.of(
            String.format(
                "case %s would take %,d bytes with %s, more than the %,d a case may take; the"
                    + " case is left as it was",
                next.getCaseId(), over.getAsLong(), with, CaseSize.MAX_BYTES));
  }

  /** An alert or action the case cannot take, to the rejected topic, and the stage goes on. */
  private void setAside(
      String caseId,
      String why,
      String inputId,
      CaseAction action,
      Optional<SourcePointer> from,
      long now,
      long timestamp) {
    LOG.error("{} (input {})", why, from.map(SourcePointer::toString).orElse("unknown"));
    RejectedEvent.Builder rejected =
        RejectedEvent.newBuilder()
            .setStage(RejectionStage.PROCESSING)
            .setReason(why)
            .setField("case")
            .setEventId(inputId)
            .setRawKey(ByteBuffer.wrap(caseId.getBytes(StandardCharsets.UTF_8)))
            .setRejectedAt(Instant.ofEpochMilli(now));
    if (action != null) {
      rejected.setRawValue(ByteBuffer.wrap(actionBytes.serialize(actionsTopic, action)));
    }
    from.ifPresent(
        f ->
            rejected
                .setSourceTopic(f.topic())
                .setSourcePartition(f.partition())
                .setSourceOffset(f.offset()));
    // counted as the serializer's guard counts a record over the budget: the same set-aside
    metrics.rejected(
        RejectionStage.PROCESSING, MonitorMetrics.UNKNOWN_KIND, MonitorMetrics.OVERSIZE);
    forwardRejected(caseId, rejected.build(), timestamp);
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
      try {
        cases.put(caseId, paged.state());
      } catch (RecordBudget.OversizeRecordException e) {
        // no input to set aside: the timer goes, or it would fail on the same case every second
        timers.delete(caseId);
        String why =
            String.format(
                "case %s cannot be kept as its timer changes it: %s; the case is left as it was"
                    + " and its timer dropped",
                caseId, e.getMessage());
        setAside(caseId, why, null, null, Optional.empty(), now, now);
        continue;
      }
      save(state, paged, now);
    }
    // what the clock changed goes out with this punctuation, not a publishing interval later
    publish(now);
  }

  /**
   * Stores the timer of a case already put, marks it to be written out, and forwards the steps it
   * took since {@code before} (null: just opened) and its notification, if any.
   */
  private void save(Case before, Paged paged, long timestamp) {
    Case state = paged.state();
    for (CaseHistoryEntry step : CaseHistory.newSteps(before, state)) {
      context.forward(new Record<>(state.getCaseId(), new CaseOutcome.Recorded(step), timestamp));
    }
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

  private void refuse(
      String caseId,
      CaseAction action,
      String why,
      Optional<SourcePointer> from,
      long now,
      long timestamp) {
    RejectedEvent.Builder rejected =
        RejectedEvent.newBuilder()
            .setStage(RejectionStage.CASE_ACTION)
            .setReason(why)
            .setField("action")
            .setSourceTopic(actionsTopic)
            .setEventId(action.getActionId())
            .setRawKey(ByteBuffer.wrap(caseId.getBytes(StandardCharsets.UTF_8)))
            .setRawValue(ByteBuffer.wrap(actionBytes.serialize(actionsTopic, action)))
            .setRejectedAt(Instant.ofEpochMilli(now));
    // the raw value is the action as the monitor kept it; the pointer names the one written
    from.filter(f -> f.topic().equals(actionsTopic))
        .ifPresent(f -> rejected.setSourcePartition(f.partition()).setSourceOffset(f.offset()));
    metrics.rejected(
        RejectionStage.CASE_ACTION, MonitorMetrics.UNKNOWN_KIND, MonitorMetrics.REFUSED_ACTION);
    forwardRejected(caseId, rejected.build(), timestamp);
  }

  /** A rejection cut to fit on the rejected topic, should its raw action be about 1 MB. */
  private void forwardRejected(String caseId, RejectedEvent rejected, long timestamp) {
    RejectedEvent fitted = RejectedEventLimit.fit(rejected, RejectedEventLimit.DEFAULT_MAX_BYTES);
    context.forward(new Record<>(caseId, new CaseOutcome.Refused(fitted), timestamp));
  }
}
