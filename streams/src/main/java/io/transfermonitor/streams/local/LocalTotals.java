package io.transfermonitor.streams.local;

import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.streams.dedupe.EventSources;
import io.transfermonitor.streams.dedupe.SeenEvent;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.match.RuleBook;
import io.transfermonitor.streams.match.RuleChanges;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local aggregation, on the tasks that read the events. In: new facts keyed by event id. Adds each
 * into partial sums in memory, per ledger (rule, period, basis) and per activity row, and sends
 * them on a wall-clock punctuation: the ledgers' every {@code ledgerInterval}, one {@link
 * PartialTotal.ForLedgers} per rule (keyed by rule id), the activity rows' every {@code
 * activityInterval}, one {@link PartialTotal.ForActivity} per row (keyed by row). So a rule's
 * ledgers receive one record per task and flush however many facts it sums, and no partition
 * carries every fact of a cap. Observations that count only once corroborated are held likewise and
 * sent with the ledgers' sums, one {@link PartialTotal.ForVessels} per bucket of vessels.
 *
 * <p>Nothing is lost on a crash, without a store of its own: every fact counted here is in the
 * {@code events} store, which the re-send check wrote in the same transaction, with the input slot
 * and offset it was read at. Each send records, in the {@code sent-totals} store and in the same
 * transaction as the partial sums, how far it had read each input ({@link SentUpTo}). When the task
 * starts (after a restart, a crash or a move), it adds every event read after that again into its
 * partial sums, for the next send.
 *
 * <p>Rules restored or added later can count the events they missed, on request ({@code rules
 * recount}, docs/rules.md): the task keeps, per rule, the stretches of its reading during which the
 * rule counted ({@link CountedRules}, in the {@code counted-spans} store, written when the rule
 * goes or comes, never per event), and at each send carries out the requests of the global {@code
 * rule-recounts} store it has not carried out yet ({@link Recounter}): the missed events' sums go
 * out with the request marked done, in one transaction, so none counts twice.
 */
public final class LocalTotals implements Processor<String, Fact, String, PartialTotal> {

  private static final Logger LOG = LoggerFactory.getLogger(LocalTotals.class);

  static final String LEDGERS = "ledgers";
  static final String ACTIVITY = "activity";

  private final String rulesStore;
  private final RuleChanges ruleChanges;
  private final String eventsStore;
  private final EventSources sources;
  private final String sentStore;
  private final String spansStore;
  private final String recountsStore;
  private final Predicate<Fact> corroborated;
  private final Duration ledgerInterval;
  private final Duration activityInterval;
  private final PartialTotals totals = new PartialTotals();
  private final Map<Integer, Long> read = new HashMap<>();
  private ProcessorContext<String, PartialTotal> context;
  private RuleBook rules;
  private KeyValueStore<String, SentUpTo> sent;
  private KeyValueStore<String, RuleRecount> recounts;
  private CountedRules counted;
  private Recounter recounter;
  private final DueRecounts requests = new DueRecounts("", "");

  /**
   * @param sources the task's inputs, by the slots the {@code events} store names them by
   * @param spansStore the {@code counted-spans} store: which events each rule counted
   * @param recountsStore the global store of recount requests
   * @param corroborated the observations counted only once corroborated: they are sent, in batches,
   *     to the tasks that corroborate their vessels
   * @param ledgerInterval how often the ledgers' partial sums are sent
   * @param activityInterval how often the activity rows' are sent
   */
  public LocalTotals(
      String rulesStore,
      RuleChanges ruleChanges,
      String eventsStore,
      EventSources sources,
      String sentStore,
      String spansStore,
      String recountsStore,
      Predicate<Fact> corroborated,
      Duration ledgerInterval,
      Duration activityInterval) {
    this.rulesStore = rulesStore;
    this.ruleChanges = ruleChanges;
    this.eventsStore = eventsStore;
    this.sources = sources;
    this.sentStore = sentStore;
    this.spansStore = spansStore;
    this.recountsStore = recountsStore;
    this.corroborated = corroborated;
    this.ledgerInterval = ledgerInterval;
    this.activityInterval = activityInterval;
  }

  @Override
  public void init(ProcessorContext<String, PartialTotal> context) {
    this.context = context;
    // pinned: the rules an event is counted by are the ones the spans say, whatever the global
    // thread does meanwhile
    this.rules = RuleBook.pinned(context.getStateStore(rulesStore), ruleChanges);
    this.sent = context.getStateStore(sentStore);
    this.recounts = context.getStateStore(recountsStore);
    WindowStore<String, SeenEvent> events = context.getStateStore(eventsStore);
    this.counted = new CountedRules(context.getStateStore(spansStore));
    this.recounter = new Recounter(events, rules, counted, corroborated);
    counted.start(CountedRules.counting(rules.all()), sentUpTo(LEDGERS).offsets());
    recover(events);
    context.schedule(ledgerInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendLedgers());
    context.schedule(activityInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendActivity());
  }

  @Override
  public void process(Record<String, Fact> record) {
    followRules();
    counted.flush();
    Fact fact = record.value();
    if (corroborated.test(fact)) {
      totals.addObservation(fact);
    } else {
      totals.addToLedgers(fact, rules);
      totals.addToActivity(fact);
    }
    context
        .recordMetadata()
        .ifPresent(
            at -> {
              int slot = slotOf(at);
              if (slot >= 0) {
                read.merge(slot, at.offset(), Math::max);
              }
            });
  }

  private int slotOf(RecordMetadata at) {
    return sources.slotOf(at.topic());
  }

  /** The ledgers' partial sums, and the observations for the vessels' tasks. */
  private void sendLedgers() {
    followRules();
    long now = context.currentSystemTimeMs();
    if (totals.hasLedgers()) {
      totals
          .takeLedgers()
          .forEach(
              batch ->
                  context.forward(
                      new Record<>(batch.ruleId(), new PartialTotal.ForLedgers(batch), now)));
    }
    if (totals.hasObservations()) {
      totals
          .takeObservations()
          .forEach(
              batch ->
                  context.forward(
                      new Record<>(batch.key(), new PartialTotal.ForVessels(batch), now)));
    }
    markSent(LEDGERS);
    recountRequested(now);
    counted.flush();
  }

  /**
   * Takes the rules again if they changed: a rule that went live counts the events read from now
   * on; one that stopped counted those sent, and its sums not sent are dropped (its ledgers would
   * not take them), so a recount counts their events.
   */
  private void followRules() {
    if (!rules.update()) {
      return;
    }
    SentUpTo lastSent = sentUpTo(LEDGERS);
    Set<String> stopped =
        counted.changed(
            CountedRules.counting(rules.all()), lastSent.with(read).offsets(), lastSent.offsets());
    for (String rule : stopped) {
      long dropped = totals.dropLedgers(rule);
      LOG.info(
          "rule {} stopped counting on task {}: {} event(s) read since the last send not counted"
              + " (a recount counts them once the rule is live again)",
          rule,
          context.taskId(),
          dropped);
    }
  }

  /** Carries out the recount requests this task has not carried out yet. */
  private void recountRequested(long now) {
    String task = context.taskId().toString();
    requests.carryOut(
        context,
        counted,
        recounts,
        request -> recounter.recount(request, sentUpTo(LEDGERS).offsets(), task, now),
        now);
  }

  private void sendActivity() {
    if (totals.hasActivity()) {
      long now = context.currentSystemTimeMs();
      totals
          .takeActivity()
          .forEach(
              partial ->
                  context.forward(
                      new Record<>(partial.key(), new PartialTotal.ForActivity(partial), now)));
    }
    markSent(ACTIVITY);
    counted.flush();
  }

  private void markSent(String what) {
    SentUpTo before = sentUpTo(what);
    SentUpTo after = before.with(read);
    if (!after.equals(before)) {
      sent.put(what, after);
    }
  }

  private SentUpTo sentUpTo(String what) {
    SentUpTo held = sent.get(what);
    return held == null ? SentUpTo.nothing() : held;
  }

  /**
   * Adds {@code fact} to the ledgers' sums again, unless a rule cannot be applied to it: the event
   * was set aside as unprocessable when it was read, and recovery must not stop the task on it.
   */
  private void addToLedgersRecovered(Fact fact) {
    try {
      totals.addToLedgers(fact, rules);
    } catch (RuntimeException e) {
      LOG.warn("event {} not counted again on recovery: {}", fact.eventId(), e.getMessage());
    }
  }

  /** Adds the events read after the last sends again: their sums went down with a crash. */
  private void recover(WindowStore<String, SeenEvent> events) {
    SentUpTo ledgersSent = sentUpTo(LEDGERS);
    SentUpTo activitySent = sentUpTo(ACTIVITY);
    try (KeyValueIterator<Windowed<String>, SeenEvent> all = events.all()) {
      while (all.hasNext()) {
        KeyValue<Windowed<String>, SeenEvent> entry = all.next();
        SeenEvent seen = entry.value;
        int slot = seen.sourceSlot();
        long offset = seen.sourceOffset();
        if (slot < 0) {
          continue;
        }
        boolean ledgersDue = !ledgersSent.covers(slot, offset);
        boolean activityDue = !activitySent.covers(slot, offset);
        if (!ledgersDue && !activityDue) {
          continue;
        }
        Fact fact = seen.fact().withEventId(entry.key.key());
        if (corroborated.test(fact)) {
          if (ledgersDue) {
            totals.addObservation(fact);
          }
        } else {
          if (ledgersDue) {
            addToLedgersRecovered(fact);
          }
          if (activityDue) {
            totals.addToActivity(fact);
          }
        }
        read.merge(slot, offset, Math::max);
      }
    }
  }
}
