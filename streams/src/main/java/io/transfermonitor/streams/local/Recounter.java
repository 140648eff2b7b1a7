package io.transfermonitor.streams.local;

import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.streams.dedupe.SeenEvent;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.ledger.LedgerBatch;
import io.transfermonitor.streams.ledger.LedgerPartial;
import io.transfermonitor.streams.ledger.LedgerRouting;
import io.transfermonitor.streams.match.RuleBook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one recount request on one task: scans the task's {@code events} store for the events
 * the rule matches and did not count ({@link CountedRules}), read up to the task's last send and,
 * with {@code since}, first seen since then, and sums what they add to the rule's ledgers as the
 * live path does ({@link PartialTotals}). OBSERVED tanker deliveries with an IMO number are not
 * counted here: they count on their vessel's task once corroborated, and that task recounts them
 * ({@link DeliveryRecounter}).
 */
final class Recounter {

  private static final Logger LOG = LoggerFactory.getLogger(Recounter.class);

  /**
   * What one task counted for a request.
   *
   * @param batch the partial sums for the rule's ledgers, if any event counted
   * @param report what the task tells the requester
   */
  record Outcome(Optional<LedgerBatch> batch, RuleRecount report) {}

  private final WindowStore<String, SeenEvent> events;
  private final RuleBook rules;
  private final CountedRules counted;
  private final Predicate<Fact> corroborated;

  Recounter(
      WindowStore<String, SeenEvent> events,
      RuleBook rules,
      CountedRules counted,
      Predicate<Fact> corroborated) {
    this.events = events;
    this.rules = rules;
    this.counted = counted;
    this.corroborated = corroborated;
  }

  /** Counts the events of {@code request} read up to {@code position}, for task {@code task}. */
  Outcome recount(RuleRecount request, Map<Integer, Long> position, String task, long now) {
    String ruleId = request.getRuleId();
    Long since = request.getSince() == null ? null : request.getSince().toEpochMilli();
    PartialTotals sums = new PartialTotals();
    long added = 0;
    // with a since, only the store's segments from then on are read
    try (KeyValueIterator<Windowed<String>, SeenEvent> all =
        since == null
            ? events.all()
            : events.fetchAll(Instant.ofEpochMilli(since), Instant.ofEpochMilli(Long.MAX_VALUE))) {
      while (all.hasNext()) {
        KeyValue<Windowed<String>, SeenEvent> entry = all.next();
        SeenEvent seen = entry.value;
        int slot = seen.sourceSlot();
        long offset = seen.sourceOffset();
        long firstSeen = entry.key.window().start();
        if (slot < 0
            || offset > position.getOrDefault(slot, -1L)
            || (since != null && firstSeen < since)
            || counted.counted(ruleId, slot, offset, firstSeen)) {
          continue;
        }
        Fact fact = seen.fact().withEventId(entry.key.key());
        if (corroborated.test(fact)) {
          continue; // its vessel's task recounts it
        }
        List<LedgerRouting.Target> targets = targetsOf(rules, ruleId, fact);
        if (targets.isEmpty()) {
          continue;
        }
        sums.addToLedgers(fact, targets);
        added++;
      }
    }
    counted.recounted(ruleId, request.getRequestId(), position, since);
    Outcome outcome = outcome(request, rules.get(ruleId), task, now, sums, added, 0, false);
    LOG.info(
        "recount {} of rule {} on task {}: {} event(s) added to its ledgers ({} {})",
        request.getRequestId(),
        ruleId,
        task,
        added,
        outcome.report().getAmount(),
        outcome.report().getUnit());
    return outcome;
  }

  /**
   * What a task counted for {@code request}: the sums of {@code sums} (one rule's) and the report
   * of them, of the events it read or ({@code observations}) of the observations it corroborates.
   */
  static Outcome outcome(
      RuleRecount request,
      Rule rule,
      String task,
      long now,
      PartialTotals sums,
      long added,
      long left,
      boolean observations) {
    Optional<LedgerBatch> batch = sums.takeLedgers().stream().findFirst();
    List<LedgerPartial> partials = batch.map(LedgerBatch::partials).orElse(List.of());
    RuleRecount report =
        RuleRecount.newBuilder(request)
            .setTask(task)
            .setEvents(added)
            .setAmount(partials.stream().mapToDouble(LedgerPartial::total).sum())
            .setUnit(rule == null ? null : LedgerRouting.unitOf(rule))
            .setLedgers(partials.stream().map(LedgerPartial::ledgerKey).toList())
            .setObservationsLeft(left)
            .setObservations(observations)
            .setDoneAt(Instant.ofEpochMilli(now))
            .build();
    return new Outcome(batch, report);
  }

  /** The ledgers of {@code ruleId} that {@code fact} adds to; none if it cannot be routed. */
  static List<LedgerRouting.Target> targetsOf(RuleBook rules, String ruleId, Fact fact) {
    try {
      return LedgerRouting.of(rules, fact).stream()
          .filter(target -> target.rule().getRuleId().equals(ruleId))
          .toList();
    } catch (RuntimeException e) {
      LOG.warn("event {} not recounted: {}", fact.eventId(), e.getMessage());
      return List.of();
    }
  }
}
