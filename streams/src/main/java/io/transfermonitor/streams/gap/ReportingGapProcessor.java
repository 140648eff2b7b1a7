package io.transfermonitor.streams.gap;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.ReportingGap;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.LedgerUpdate;
import io.transfermonitor.streams.ledger.ReportingPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage 5b, reporting gaps. In: the ledger updates of stage 5 (same task: the ledgers of a cap rule
 * live here). On every change of a CAP ledger, each enabled DISCREPANCY rule naming that cap
 * ({@code comparesRuleId}) compares the cap's REPORTED and OBSERVED ledgers of the period, read
 * from the {@code ledgers} store, in total and per supplying state ({@link Comparisons}). Out,
 * keyed by {@code ruleId/periodStart/scope}: a {@link GapUpdate.GapReached} for every {@link
 * GapLevel} newly reached, and a {@link GapUpdate.GapChanged} with the {@link ReportingGap} when
 * the comparison moved. Levels raised are kept in the {@code reporting-gaps} store, so each is
 * raised once per rule, period and scope.
 *
 * <p>A wall-clock punctuation judges every period of a cap again when a DISCREPANCY rule is new or
 * changed (and once after a start), so a changed ratio or a rule added later applies to the totals
 * already counted, without waiting for an event.
 */
public final class ReportingGapProcessor
    implements Processor<String, LedgerUpdate, String, GapUpdate> {

  private final String gapStore;
  private final String ledgerStore;
  private final String rulesStore;
  private final Duration recheckInterval;
  private final Map<String, Rule> judgedRules = new HashMap<>();
  private ProcessorContext<String, GapUpdate> context;
  private KeyValueStore<String, GapState> gaps;
  private KeyValueStore<String, Ledger> ledgers;
  private KeyValueStore<String, Rule> rules;

  public ReportingGapProcessor(
      String gapStore, String ledgerStore, String rulesStore, Duration recheckInterval) {
    this.gapStore = gapStore;
    this.ledgerStore = ledgerStore;
    this.rulesStore = rulesStore;
    this.recheckInterval = recheckInterval;
  }

  @Override
  public void init(ProcessorContext<String, GapUpdate> context) {
    this.context = context;
    this.gaps = context.getStateStore(gapStore);
    this.ledgers = context.getStateStore(ledgerStore);
    this.rules = context.getStateStore(rulesStore);
    context.schedule(recheckInterval, PunctuationType.WALL_CLOCK_TIME, this::recheck);
  }

  @Override
  public void process(Record<String, LedgerUpdate> record) {
    if (!(record.value() instanceof LedgerUpdate.UsageChanged changed)) {
      return;
    }
    CapUsage usage = changed.usage();
    ReportingPeriod period =
        new ReportingPeriod(day(usage.getPeriodStart()), day(usage.getPeriodEnd()));
    for (Rule rule : comparing(usage.getRuleId())) {
      compare(rule, usage.getRuleId(), period, usage.getBasis(), record.timestamp());
    }
  }

  private void recheck(long now) {
    for (Rule rule : comparing(null)) {
      if (!rule.equals(judgedRules.get(rule.getRuleId()))) {
        for (ReportingPeriod period : periodsOf(rule.getComparesRuleId())) {
          compare(rule, rule.getComparesRuleId(), period, Basis.OBSERVED, now);
        }
        judgedRules.put(rule.getRuleId(), rule);
      }
    }
  }

  private void compare(
      Rule rule, String capRuleId, ReportingPeriod period, Basis changed, long timestamp) {
    Rule capRule = rules.get(capRuleId);
    Ledger reported = ledgers.get(Ledger.key(capRuleId, period, Basis.REPORTED));
    Ledger observed = ledgers.get(Ledger.key(capRuleId, period, Basis.OBSERVED));
    if (capRule == null || (reported == null && observed == null)) {
      return;
    }
    // the ledger that changed holds the triggering event, the other one if it is the only one
    Ledger trigger =
        (changed == Basis.REPORTED && reported != null) || observed == null ? reported : observed;
    for (Comparison c : Comparisons.of(capRule, period, reported, observed)) {
      judge(rule, capRule, c, trigger, observed, timestamp);
    }
  }

  /** Raises the levels {@code c} newly reaches and publishes it when it moved. */
  private void judge(
      Rule rule, Rule capRule, Comparison c, Ledger trigger, Ledger observed, long timestamp) {
    String key = GapState.key(rule.getRuleId(), c);
    GapState held = gaps.get(key);
    GapState state = held == null ? GapState.none() : held;
    List<GapLevel> newly = newlyReached(rule, c, state);
    if (held != null && state.shows(c, observed) && newly.isEmpty()) {
      return;
    }
    long processedAt = context.currentSystemTimeMs();
    for (GapLevel level : newly) {
      GapUpdate reached =
          new GapUpdate.GapReached(rule, capRule, c, level, trigger, observed, processedAt);
      context.forward(new Record<>(key, reached, timestamp));
    }
    GapState next = state.publishing(c, newly, observed);
    gaps.put(key, next);
    ReportingGap gap = aggregate(rule, c, next, observed, processedAt);
    context.forward(new Record<>(key, new GapUpdate.GapChanged(gap), timestamp));
  }

  private static List<GapLevel> newlyReached(Rule rule, Comparison c, GapState state) {
    List<GapLevel> newly = new ArrayList<>();
    for (GapLevel level : GapLevel.values()) {
      if (!state.raised(level) && level.reached(rule, c)) {
        newly.add(level);
      }
    }
    return newly;
  }

  private static ReportingGap aggregate(
      Rule rule, Comparison c, GapState state, Ledger observed, long now) {
    boolean total = c.isTotal() && observed != null;
    return ReportingGap.newBuilder()
        .setRuleId(rule.getRuleId())
        .setCapRuleId(c.capRuleId())
        .setPeriodStart(Instant.ofEpochMilli(c.period().startMillis()))
        .setPeriodEnd(Instant.ofEpochMilli(c.period().endMillis()))
        .setReportedTotal(c.reported())
        .setObservedTotal(c.observed())
        .setGap(c.gap())
        .setRatio(c.ratio().isPresent() ? c.ratio().getAsDouble() : null)
        .setUnit(c.unit())
        .setUpdatedAt(Instant.ofEpochMilli(now))
        .setScope(c.scope())
        .setLimit(c.limit())
        .setRaisedLevels(state.raisedLevels())
        .setObservedDeliveryCount(total ? observed.deliveries() : null)
        .setCorroboratedDeliveryCount(total ? observed.corroboratedDeliveryCount() : null)
        .build();
  }

  /** The enabled DISCREPANCY rules comparing {@code capRuleId} (any cap, when null). */
  private List<Rule> comparing(String capRuleId) {
    List<Rule> found = new ArrayList<>();
    try (KeyValueIterator<String, Rule> all = rules.all()) {
      while (all.hasNext()) {
        Rule rule = all.next().value;
        if (rule.getKind() == RuleKind.DISCREPANCY
            && rule.getEnabled()
            && rule.getComparesRuleId() != null
            && (capRuleId == null || capRuleId.equals(rule.getComparesRuleId()))) {
          found.add(rule);
        }
      }
    }
    return found;
  }

  /** Every period the cap {@code capRuleId} has a ledger for. */
  private Set<ReportingPeriod> periodsOf(String capRuleId) {
    Set<ReportingPeriod> periods = new LinkedHashSet<>();
    try (KeyValueIterator<String, Ledger> of =
        ledgers.prefixScan(capRuleId + "/", new StringSerializer())) {
      while (of.hasNext()) {
        Ledger ledger = of.next().value;
        if (Objects.equals(ledger.ruleId(), capRuleId)) {
          periods.add(ledger.period());
        }
      }
    }
    return periods;
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
