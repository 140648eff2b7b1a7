package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleLevel;
import io.transfermonitor.streams.fact.Contribution;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.match.RuleMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
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
 * Stage 5, ledgers. In: facts keyed by rule id (repartitioned, so all of a rule's ledgers live in
 * this task). Keeps one {@link Ledger} per rule, period (by event time, from the rule's anchor) and
 * basis in the {@code ledgers} store; out, keyed by ledger key: a {@link LedgerUpdate.LevelReached}
 * for every level newly reached, lowest first, and a {@link LedgerUpdate.UsageChanged} with the
 * {@link CapUsage} for every change of a CAP total.
 *
 * <p>Rules come from the global {@code rules} store. A changed limit or level set applies to the
 * next event at once, and a wall-clock punctuation re-judges every ledger of this task against the
 * current rules, so a lowered limit raises the levels it now crosses without waiting for an event.
 */
public final class LedgerProcessor implements Processor<String, Fact, String, LedgerUpdate> {

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
  public void process(Record<String, Fact> record) {
    Rule rule = rules.get(record.key());
    Fact fact = record.value();
    if (rule == null || !rule.getEnabled()) {
      return; // removed or disabled since the event was routed
    }
    OptionalDouble amount = amountFor(rule, fact);
    if (amount.isEmpty()) {
      LOG.warn(
          "rule {} keeps totals in {}, event {} is in {}: not counted",
          rule.getRuleId(),
          rule.getUnit(),
          fact.eventId(),
          fact.amountUnit());
      return;
    }
    ReportingPeriod period;
    try {
      period = ReportingPeriod.of(rule.getPeriod(), fact.contribution().time());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("rule " + rule.getRuleId() + ": " + e.getMessage(), e);
    }
    Basis basis = RuleMatcher.basisOf(rule, fact.sourceKind());
    String key = Ledger.key(rule.getRuleId(), period, basis);
    Ledger ledger = ledgers.get(key);
    if (ledger == null) {
      ledger = Ledger.open(rule.getRuleId(), period, basis, unitOf(rule));
    }
    ledger = ledger.routedVia(fact.origin(), fact.destination()).add(fact, amount.getAsDouble());
    Judged judged = judge(rule, ledger);
    ledgers.put(key, judged.ledger());
    emit(rule, judged, record.timestamp());
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

  /** Unit a rule keeps totals in: its own, else barrels for caps and events for bans. */
  static String unitOf(Rule rule) {
    if (rule.getUnit() != null) {
      return rule.getUnit();
    }
    return rule.getKind() == RuleKind.CAP ? "BARREL" : "EVENTS";
  }

  /**
   * What {@code fact} adds to a total of {@code rule} (a count of deliveries for totals in EVENTS),
   * or empty when the units do not agree.
   */
  static OptionalDouble amountFor(Rule rule, Fact fact) {
    String unit = unitOf(rule);
    Contribution contribution = fact.contribution();
    if (unit.equals("EVENTS")) {
      return OptionalDouble.of(contribution.deliveries());
    }
    return unit.equals(fact.amountUnit())
        ? OptionalDouble.of(contribution.amount())
        : OptionalDouble.empty();
  }
}
