package io.transfermonitor.streams.local;

import io.transfermonitor.streams.activity.ActivityCount;
import io.transfermonitor.streams.activity.ActivityCounts;
import io.transfermonitor.streams.activity.ActivityPartial;
import io.transfermonitor.streams.corroborate.CorroborationRule;
import io.transfermonitor.streams.corroborate.ObservationBatch;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.ledger.LedgerBatch;
import io.transfermonitor.streams.ledger.LedgerPartial;
import io.transfermonitor.streams.ledger.LedgerRouting;
import io.transfermonitor.streams.match.RuleBook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;

/**
 * The partial sums of the facts one task has counted since it last sent them, in memory: per rule,
 * the partial of each of its ledgers the facts add to, and per activity row what they add; and the
 * observations of vessels to send to the tasks that corroborate them. Taking them empties them. Not
 * thread-safe; one per task.
 */
final class PartialTotals {

  private final Map<String, Map<String, LedgerPartial.Sum>> ledgers = new LinkedHashMap<>();
  private final Map<String, ActivityPartial.Sum> activity = new LinkedHashMap<>();
  private final Map<Integer, List<Fact>> observations = new LinkedHashMap<>();

  /** Adds an observation to send to the task that corroborates its vessel. */
  void addObservation(Fact fact) {
    observations
        .computeIfAbsent(
            ObservationBatch.bucketOf(CorroborationRule.vesselOf(fact)), b -> new ArrayList<>())
        .add(fact);
  }

  boolean hasObservations() {
    return !observations.isEmpty();
  }

  /** The observations, one batch per bucket of vessels, and none kept. */
  List<ObservationBatch> takeObservations() {
    List<ObservationBatch> batches = new ArrayList<>(observations.size());
    observations.forEach((bucket, facts) -> batches.add(new ObservationBatch(bucket, facts)));
    observations.clear();
    return batches;
  }

  /** Adds what {@code fact} counts in the ledgers of the rules of {@code rules}. */
  void addToLedgers(Fact fact, RuleBook rules) {
    addToLedgers(fact, LedgerRouting.of(rules, fact));
  }

  /** Adds what {@code fact} counts in the ledgers of {@code targets}. */
  void addToLedgers(Fact fact, List<LedgerRouting.Target> targets) {
    for (LedgerRouting.Target target : targets) {
      String ruleId = target.rule().getRuleId();
      ledgers
          .computeIfAbsent(ruleId, id -> new LinkedHashMap<>())
          .computeIfAbsent(
              target.ledgerKey(),
              key ->
                  LedgerPartial.none(
                          ruleId,
                          target.period(),
                          target.basis(),
                          LedgerRouting.unitOf(target.rule()))
                      .sum())
          .add(fact, target.amount());
    }
  }

  /** Adds what {@code fact} adds to its activity rows. */
  void addToActivity(Fact fact) {
    for (KeyValue<String, ActivityCount> count : ActivityCounts.of(fact)) {
      ActivityPartial.Sum sum = activity.get(count.key);
      if (sum == null) {
        activity.put(count.key, ActivityPartial.sum(count.value));
      } else {
        sum.add(count.value);
      }
    }
  }

  /** Forgets the partial sums of {@code ruleId}'s ledgers; how many events they held. */
  long dropLedgers(String ruleId) {
    Map<String, LedgerPartial.Sum> sums = ledgers.remove(ruleId);
    return sums == null ? 0 : sums.values().stream().mapToLong(sum -> sum.partial().events()).sum();
  }

  boolean hasLedgers() {
    return !ledgers.isEmpty();
  }

  boolean hasActivity() {
    return !activity.isEmpty();
  }

  /** The ledger partials, one batch per rule, and none kept. */
  List<LedgerBatch> takeLedgers() {
    List<LedgerBatch> batches = new ArrayList<>(ledgers.size());
    ledgers.forEach(
        (ruleId, sums) ->
            batches.add(
                new LedgerBatch(
                    ruleId, sums.values().stream().map(LedgerPartial.Sum::partial).toList())));
    ledgers.clear();
    return batches;
  }

  /** The activity partials, one per row, and none kept. */
  List<ActivityPartial> takeActivity() {
    List<ActivityPartial> partials =
        activity.values().stream().map(ActivityPartial.Sum::partial).toList();
    activity.clear();
    return partials;
  }
}
