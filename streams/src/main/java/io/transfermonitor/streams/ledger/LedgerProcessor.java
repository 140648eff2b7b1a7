package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Stage 5, ledgers. In: {@link LedgerBatch}es keyed by rule id (the partial sums the tasks that
 * read the events send once per flush, repartitioned, so all of a rule's ledgers live in this
 * task). Keeps one {@link Ledger} per rule, period (by event time, from the rule's anchor) and
 * basis in the {@code ledgers} store, adding each partial in one step; out, keyed by ledger key: a
 * {@link LedgerUpdate.UsageChanged} with the {@link CapUsage} for every change of a CAP total, then
 * a {@link LedgerUpdate.LevelReached} for every level newly reached, lowest first.
 *
 * <p>Rules come from the global {@code rules} store. A changed limit or level set applies to the
 * next batch at once, and a wall-clock punctuation re-judges every ledger of this task against the
 * current rules, so a lowered limit raises the levels it now crosses without waiting for an event.
 */
public final class LedgerProcessor implements Processor<String, LedgerBatch, String, LedgerUpdate> {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerProcessor.class);

  private final String ledgerStore;
  private final String rulesStore;
  private final Duration recheckInterval;
  private ProcessorContext<String, LedgerUpdate> context;
  private KeyValueStore<String, Ledger> ledgers;
  private KeyValueStore<String, Rule> rules;

  public LedgerProcessor(String ledgerStore, String rulesStore, Duration recheckInterval) {
    this.ledgerStore = ledgerStore;
    this.rulesStore = rulesStore;
    this.recheckInterval = recheckInterval;
  }

  @Override
  public void init(ProcessorContext<String, LedgerUpdate> context) {
    this.context = context;
    this.ledgers = context.getStateStore(ledgerStore);
    this.rules = context.getStateStore(rulesStore);
    context.schedule(recheckInterval, PunctuationType.WALL_CLOCK_TIME, this::recheck);
  }

  @Override
  public void process(Record<String, LedgerBatch> record) {
    Rule rule = rules.get(record.key());
    if (rule == null || !rule.getEnabled()) {
      // removed or disabled since the events were routed: said, never dropped unseen
      long events = record.value().partials().stream().mapToLong(LedgerPartial::events).sum();
      LOG.warn(
          "{} event(s) routed to rule {} not counted: the rule was {} before its ledgers got them",
          events,
          record.key(),
          rule == null ? "removed" : "disabled");
      return;
    }
    for (LedgerPartial partial : record.value().partials()) {
      String key = partial.ledgerKey();
      Ledger ledger = ledgers.get(key);
      if (ledger == null) {
        ledger = Ledger.open(rule.getRuleId(), partial.period(), partial.basis(), partial.unit());
      }
      Judged judged = judge(rule, ledger.plus(partial));
      ledgers.put(key, judged.ledger());
      emit(rule, judged, record.timestamp());
    }
  }

  private void recheck(long now) {
    List<KeyValue<String, Ledger>> due = new ArrayList<>();
    try (KeyValueIterator<String, Ledger> all = ledgers.all()) {
      while (all.hasNext()) {
        KeyValue<String, Ledger> entry = all.next();
        Rule rule = rules.get(entry.value.ruleId());
        if (rule != null && rule.getEnabled() && judgedAgainstOther(rule, entry.value)) {
          due.add(entry);
        }
      }
    }
    // stored before the usage goes out, so later stages that read the ledgers see the new state
    for (KeyValue<String, Ledger> entry : due) {
      Rule rule = rules.get(entry.value.ruleId());
      Judged judged = judge(rule, entry.value);
      ledgers.put(entry.key, judged.ledger());
      emit(rule, judged, now);
    }
  }

  private static boolean judgedAgainstOther(Rule rule, Ledger ledger) {
    boolean limitChanged =
        rule.getKind() == RuleKind.CAP && !Objects.equals(ledger.limit(), rule.getLimit());
    return limitChanged || !AlertLevels.newlyReached(rule, ledger).isEmpty();
  }

  /** {@code ledger} judged against {@code rule}: the levels it newly reaches, lowest first. */
  private Judged judge(Rule rule, Ledger ledger) {
    Ledger judged = ledger.withLimit(rule.getLimit());
    List<LedgerUpdate.LevelReached> reached = new ArrayList<>();
    long now = context.currentSystemTimeMs();
    for (RuleLevel level : AlertLevels.newlyReached(rule, judged)) {
      judged = judged.withRaised(level.getLabel());
      reached.add(new LedgerUpdate.LevelReached(rule, judged, level, now));
    }
    return new Judged(judged, reached);
  }

  /**
   * The new usage first, then the levels reached: the later stages compare the totals (reporting
   * gaps) before the levels are filed, all in one transaction.
   */
  private void emit(Rule rule, Judged judged, long timestamp) {
    emitUsage(rule, judged.ledger(), timestamp);
    for (LedgerUpdate.LevelReached level : judged.reached()) {
      context.forward(new Record<>(judged.ledger().key(), level, timestamp));
    }
  }

  private record Judged(Ledger ledger, List<LedgerUpdate.LevelReached> reached) {}

  private void emitUsage(Rule rule, Ledger ledger, long timestamp) {
    if (rule.getKind() != RuleKind.CAP) {
      return;
    }
    Double limit = rule.getLimit();
    CapUsage usage =
        CapUsage.newBuilder()
            .setRuleId(ledger.ruleId())
            .setPeriodStart(Instant.ofEpochMilli(ledger.periodStart()))
            .setPeriodEnd(Instant.ofEpochMilli(ledger.periodEnd()))
            .setBasis(ledger.basis())
            .setTotal(ledger.total())
            .setLimit(limit)
            .setUnit(ledger.unit())
            .setRatio(limit == null || limit == 0 ? null : ledger.total() / limit)
            .setEventCount(ledger.eventCount())
            .setDeliveryCount(ledger.deliveries())
            .setCorroboratedDeliveryCount(ledger.corroboratedDeliveryCount())
            .setLastEventId(
                ledger.recentEventIds().isEmpty()
                    ? null
                    : ledger.recentEventIds().get(ledger.recentEventIds().size() - 1))
            .setUpdatedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
            .build();
    context.forward(new Record<>(ledger.key(), new LedgerUpdate.UsageChanged(usage), timestamp));
  }
}
