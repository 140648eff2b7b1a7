package io.transfermonitor.streams.local;

import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.streams.activity.ActivityCount;
import io.transfermonitor.streams.activity.ActivityCounts;
import io.transfermonitor.streams.activity.ActivityPartial;
import io.transfermonitor.streams.corroborate.CorroborationRule;
import io.transfermonitor.streams.corroborate.Corroborator;
import io.transfermonitor.streams.corroborate.DeliveryHistory;
import io.transfermonitor.streams.corroborate.HeldObservation;
import io.transfermonitor.streams.corroborate.ObservationBatch;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.ledger.LedgerBatch;
import io.transfermonitor.streams.ledger.LedgerPartial;
import io.transfermonitor.streams.ledger.LedgerRouting;
import io.transfermonitor.streams.match.RuleBook;
import io.transfermonitor.streams.match.RuleChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corroboration and local aggregation of what it counts, on the task that holds a vessel's
 * observations. In: {@link ObservationBatch}es keyed by bucket (the observations other tasks read,
 * sent in batches). Files each observation with its vessel ({@link Corroborator}) and adds what its
 * arrival changed into partial sums per ledger and per activity row, kept in two cached stores
 * ({@code delivery-ledger-partials}, {@code delivery-activity-partials}) and updated once per batch
 * and key; sends them on a wall-clock punctuation as {@link LocalTotals} does, emptying the stores.
 * Unlike {@link LocalTotals}, its facts are not in the {@code events} store of this task (they come
 * from other partitions' events), so the partial sums live in a store until sent: a cached store
 * writes a key's changelog once per commit, and few keys change (the caps' periods and the tanker
 * rows of the weeks in flight).
 *
 * <p>Rules are taken again only between batches and sends, as {@link LocalTotals} does, so which
 * rules counted a batch is known by where it was read: per rule, the stretches of this task's
 * reading of its input during which the rule counted, in the {@code delivery-counted-spans} store
 * ({@link CountedRules}, written when a rule goes or comes, at a start and at a recount; never per
 * observation), and each observation in the {@code vessel-observations} store says where it was
 * read. The sums of a rule that stopped counting are held in the store until it is live again (its
 * ledgers would not take them). A recount request ({@code rules recount}) is carried out at a send
 * ({@link DeliveryRecounter}): what the batches the rule did not count changed about their vessels'
 * deliveries, summed into its ledgers, with the request marked done in the same transaction.
 */
public final class DeliveryTotals
    implements Processor<String, ObservationBatch, String, PartialTotal> {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryTotals.class);

  /** Its one input, {@code observations-by-vessel}, as the positions of its spans name it. */
  static final int INPUT = 0;

  /** What the key of this task's report of a recount ends with, after {@code REQUEST@TASK}. */
  public static final String REPORT_SUFFIX = "/observations";

  private final String rulesStore;
  private final RuleChanges ruleChanges;
  private final String vesselStore;
  private final CorroborationRule rule;
  private final Duration retention;
  private final String ledgerStore;
  private final String activityStore;
  private final String spansStore;
  private final String recountsStore;
  private final Duration ledgerInterval;
  private final Duration activityInterval;
  private final DueRecounts requests = new DueRecounts(" (observed deliveries)", REPORT_SUFFIX);
  private ProcessorContext<String, PartialTotal> context;
  private RuleBook rules;
  private Corroborator corroborator;
  private KeyValueStore<String, LedgerPartial> ledgers;
  private KeyValueStore<String, ActivityPartial> activity;
  private KeyValueStore<String, RuleRecount> recounts;
  private CountedRules counted;
  private DeliveryRecounter recounter;
  private long position;

  /**
   * @param vesselStore the {@code vessel-observations} store
   * @param rule when observations are one delivery
   * @param retention how long an observation is kept
   * @param spansStore the {@code delivery-counted-spans} store: which batches each rule counted
   * @param recountsStore the global store of recount requests
   */
  public DeliveryTotals(
      String rulesStore,
      RuleChanges ruleChanges,
      String vesselStore,
      CorroborationRule rule,
      Duration retention,
      String ledgerStore,
      String activityStore,
      String spansStore,
      String recountsStore,
      Duration ledgerInterval,
      Duration activityInterval) {
    this.rulesStore = rulesStore;
    this.ruleChanges = ruleChanges;
    this.vesselStore = vesselStore;
    this.rule = rule;
    this.retention = retention;
    this.ledgerStore = ledgerStore;
    this.activityStore = activityStore;
    this.spansStore = spansStore;
    this.recountsStore = recountsStore;
    this.ledgerInterval = ledgerInterval;
    this.activityInterval = activityInterval;
  }

  @Override
  public void init(ProcessorContext<String, PartialTotal> context) {
    this.context = context;
    // pinned: the rules a batch is counted by are the ones the spans say
    this.rules = RuleBook.pinned(context.getStateStore(rulesStore), ruleChanges);
    KeyValueStore<String, HeldObservation> vessels = context.getStateStore(vesselStore);
    this.corroborator = new Corroborator(vessels, rule, retention);
    this.ledgers = context.getStateStore(ledgerStore);
    this.activity = context.getStateStore(activityStore);
    this.recounts = context.getStateStore(recountsStore);
    DeliveryHistory history = new DeliveryHistory(vessels, rule, retention);
    // where the task stands in its input: the last batch that stored an observation (the stores
    // are as of the last commit, and a batch that stored none changed no sum)
    this.position = history.lastRead();
    this.counted = new CountedRules(context.getStateStore(spansStore));
    counted.start(CountedRules.counting(rules.all()), at());
    this.recounter = new DeliveryRecounter(history, rules, counted);
    context.schedule(ledgerInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendLedgers());
    context.schedule(activityInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendActivity());
  }

  @Override
  public void process(Record<String, ObservationBatch> record) {
    followRules();
    counted.flush();
    long now = context.currentSystemTimeMs();
    long readAt = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
    Map<String, LedgerPartial.Sum> ledgerSums = new LinkedHashMap<>();
    Map<String, ActivityPartial.Sum> rowSums = new LinkedHashMap<>();
    for (Fact observation : record.value().facts()) {
      String vessel = CorroborationRule.vesselOf(observation);
      for (Fact change : corroborator.arrive(vessel, observation, now, readAt)) {
        addToLedgers(change, ledgerSums);
        addToActivity(change, rowSums);
      }
    }
    // one store update per key and batch, however many observations it holds
    ledgerSums.forEach((key, sum) -> ledgers.put(key, sum.partial()));
    rowSums.forEach((key, sum) -> activity.put(key, sum.partial()));
    position = Math.max(position, readAt);
  }

  /** Where the task stands in its input, as spans say it. */
  private Map<Integer, Long> at() {
    return Map.of(INPUT, position);
  }

  /**
   * Takes the rules again if they changed: a rule that went live counts the batches read from now
   * on; one that stopped counted those read up to now, and its sums not sent are held until it is
   * live again.
   */
  private void followRules() {
    if (!rules.update()) {
      return;
    }
    for (String stopped : counted.changed(CountedRules.counting(rules.all()), at(), at())) {
      LOG.info(
          "rule {} stopped counting on task {}: the observed deliveries summed for it and not sent"
              + " yet are held until it is live again; those read meanwhile are left to a"
              + " recount",
          stopped,
          context.taskId());
    }
  }

  private void addToLedgers(Fact fact, Map<String, LedgerPartial.Sum> sums) {
    for (LedgerRouting.Target target : LedgerRouting.of(rules, fact)) {
      sums.computeIfAbsent(
              target.ledgerKey(),
              key -> {
                LedgerPartial held = ledgers.get(key);
                return (held != null
                        ? held
                        : LedgerPartial.none(
                            target.rule().getRuleId(),
                            target.period(),
                            target.basis(),
                            LedgerRouting.unitOf(target.rule())))
                    .sum();
              })
          .add(fact, target.amount());
    }
  }

  private void addToActivity(Fact fact, Map<String, ActivityPartial.Sum> sums) {
    for (KeyValue<String, ActivityCount> count : ActivityCounts.of(fact)) {
      ActivityPartial.Sum sum = sums.get(count.key);
      if (sum == null) {
        ActivityPartial held = activity.get(count.key);
        sums.put(
            count.key,
            held == null ? ActivityPartial.sum(count.value) : held.sum().add(count.value));
      } else {
        sum.add(count.value);
      }
    }
  }

  /** The partial sums of the rules counting (the others' are held), then the recounts due. */
  private void sendLedgers() {
    followRules();
    Map<String, List<LedgerPartial>> byRule = new LinkedHashMap<>();
    List<String> sent = new ArrayList<>();
    try (KeyValueIterator<String, LedgerPartial> all = ledgers.all()) {
      while (all.hasNext()) {
        KeyValue<String, LedgerPartial> entry = all.next();
        if (!counted.live(entry.value.ruleId())) {
          continue;
        }
        byRule.computeIfAbsent(entry.value.ruleId(), id -> new ArrayList<>()).add(entry.value);
        sent.add(entry.key);
      }
    }
    long now = context.currentSystemTimeMs();
    byRule.forEach(
        (ruleId, partials) ->
            context.forward(
                new Record<>(
                    ruleId, new PartialTotal.ForLedgers(new LedgerBatch(ruleId, partials)), now)));
    sent.forEach(ledgers::delete);
    recountRequested(now);
    counted.flush();
  }

  /** Carries out the recount requests this task has not carried out yet for its observations. */
  private void recountRequested(long now) {
    String task = context.taskId().toString();
    requests.carryOut(
        context, counted, recounts, request -> recounter.recount(request, at(), task, now), now);
  }

  private void sendActivity() {
    List<KeyValue<String, ActivityPartial>> rows = new ArrayList<>();
    try (KeyValueIterator<String, ActivityPartial> all = activity.all()) {
      all.forEachRemaining(rows::add);
    }
    long now = context.currentSystemTimeMs();
    for (KeyValue<String, ActivityPartial> row : rows) {
      context.forward(new Record<>(row.key, new PartialTotal.ForActivity(row.value), now));
      activity.delete(row.key);
    }
  }
}
