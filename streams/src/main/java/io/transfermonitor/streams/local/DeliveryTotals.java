package io.transfermonitor.streams.local;

import io.transfermonitor.streams.activity.ActivityCount;
import io.transfermonitor.streams.activity.ActivityCounts;
import io.transfermonitor.streams.activity.ActivityPartial;
import io.transfermonitor.streams.corroborate.CorroborationRule;
import io.transfermonitor.streams.corroborate.Corroborator;
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
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

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
 */
public final class DeliveryTotals
    implements Processor<String, ObservationBatch, String, PartialTotal> {

  private final String rulesStore;
  private final RuleChanges ruleChanges;
  private final String vesselStore;
  private final CorroborationRule rule;
  private final Duration retention;
  private final String ledgerStore;
  private final String activityStore;
  private final Duration ledgerInterval;
  private final Duration activityInterval;
  private ProcessorContext<String, PartialTotal> context;
  private RuleBook rules;
  private Corroborator corroborator;
  private KeyValueStore<String, LedgerPartial> ledgers;
  private KeyValueStore<String, ActivityPartial> activity;

  /**
   * @param vesselStore the {@code vessel-observations} store
   * @param rule when observations are one delivery
   * @param retention how long an observation is kept
   */
  public DeliveryTotals(
      String rulesStore,
      RuleChanges ruleChanges,
      String vesselStore,
      CorroborationRule rule,
      Duration retention,
      String ledgerStore,
      String activityStore,
      Duration ledgerInterval,
      Duration activityInterval) {
    this.rulesStore = rulesStore;
    this.ruleChanges = ruleChanges;
    this.vesselStore = vesselStore;
    this.rule = rule;
    this.retention = retention;
    this.ledgerStore = ledgerStore;
    this.activityStore = activityStore;
    this.ledgerInterval = ledgerInterval;
    this.activityInterval = activityInterval;
  }

  @Override
  public void init(ProcessorContext<String, PartialTotal> context) {
    this.context = context;
    this.rules = new RuleBook(context.getStateStore(rulesStore), ruleChanges);
    this.corroborator = new Corroborator(context.getStateStore(vesselStore), rule, retention);
    this.ledgers = context.getStateStore(ledgerStore);
    this.activity = context.getStateStore(activityStore);
    context.schedule(ledgerInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendLedgers());
    context.schedule(activityInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendActivity());
  }

  @Override
  public void process(Record<String, ObservationBatch> record) {
    long now = context.currentSystemTimeMs();
    Map<String, LedgerPartial.Sum> ledgerSums = new LinkedHashMap<>();
    Map<String, ActivityPartial.Sum> rowSums = new LinkedHashMap<>();
    for (Fact observation : record.value().facts()) {
      String vessel = CorroborationRule.vesselOf(observation);
      for (Fact counted : corroborator.arrive(vessel, observation, now)) {
        addToLedgers(counted, ledgerSums);
        addToActivity(counted, rowSums);
      }
    }
    // one store update per key and batch, however many observations it holds
    ledgerSums.forEach((key, sum) -> ledgers.put(key, sum.partial()));
    rowSums.forEach((key, sum) -> activity.put(key, sum.partial()));
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

  private void sendLedgers() {
    Map<String, List<LedgerPartial>> byRule = new LinkedHashMap<>();
    List<String> sent = new ArrayList<>();
    try (KeyValueIterator<String, LedgerPartial> all = ledgers.all()) {
      while (all.hasNext()) {
        KeyValue<String, LedgerPartial> entry = all.next();
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
