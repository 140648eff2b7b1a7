package io.transfermonitor.streams.local;

import io.transfermonitor.streams.activity.ActivityCount;
import io.transfermonitor.streams.activity.ActivityCounts;
import io.transfermonitor.streams.activity.ActivityPartial;
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
 * Local aggregation of what corroboration counts: in, the observations of a vessel as corroborated
 * (each carrying what it changed about its delivery). Adds each into partial sums per ledger and
 * per activity row kept in two cached stores ({@code delivery-ledger-partials}, {@code
 * delivery-activity-partials}), and sends them on a wall-clock punctuation as {@link LocalTotals}
 * does, emptying the stores. Unlike {@link LocalTotals}, its facts are not in the {@code events}
 * store of this task (they come from another partition's events), so the partial sums live in a
 * store until sent: a cached store writes a key's changelog once per commit, and few keys change
 * (the caps' periods and the tanker rows of the weeks in flight).
 */
public final class DeliveryTotals implements Processor<String, Fact, String, PartialTotal> {

  private final String rulesStore;
  private final RuleChanges ruleChanges;
  private final String ledgerStore;
  private final String activityStore;
  private final Duration ledgerInterval;
  private final Duration activityInterval;
  private ProcessorContext<String, PartialTotal> context;
  private RuleBook rules;
  private KeyValueStore<String, LedgerPartial> ledgers;
  private KeyValueStore<String, ActivityPartial> activity;

  public DeliveryTotals(
      String rulesStore,
      RuleChanges ruleChanges,
      String ledgerStore,
      String activityStore,
      Duration ledgerInterval,
      Duration activityInterval) {
    this.rulesStore = rulesStore;
    this.ruleChanges = ruleChanges;
    this.ledgerStore = ledgerStore;
    this.activityStore = activityStore;
    this.ledgerInterval = ledgerInterval;
    this.activityInterval = activityInterval;
  }

  @Override
  public void init(ProcessorContext<String, PartialTotal> context) {
    this.context = context;
    this.rules = new RuleBook(context.getStateStore(rulesStore), ruleChanges);
    this.ledgers = context.getStateStore(ledgerStore);
    this.activity = context.getStateStore(activityStore);
    context.schedule(ledgerInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendLedgers());
    context.schedule(activityInterval, PunctuationType.WALL_CLOCK_TIME, now -> sendActivity());
  }

  @Override
  public void process(Record<String, Fact> record) {
    Fact fact = record.value();
    for (LedgerRouting.Target target : LedgerRouting.of(rules, fact)) {
      String key = target.ledgerKey();
      LedgerPartial held = ledgers.get(key);
      LedgerPartial base =
          held != null
              ? held
              : LedgerPartial.none(
                  target.rule().getRuleId(),
                  target.period(),
                  target.basis(),
                  LedgerRouting.unitOf(target.rule()));
      ledgers.put(key, base.add(fact, target.amount()));
    }
    for (KeyValue<String, ActivityCount> count : ActivityCounts.of(fact)) {
      ActivityPartial held = activity.get(count.key);
      activity.put(
          count.key, held == null ? ActivityPartial.of(count.value) : held.plus(count.value));
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
