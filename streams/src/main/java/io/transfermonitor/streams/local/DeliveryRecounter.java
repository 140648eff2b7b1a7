package io.transfermonitor.streams.local;

import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.streams.corroborate.DeliveryHistory;
import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.match.RuleBook;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one recount request for the observations a task corroborates, as their vessel's task
 * ({@link DeliveryTotals}): reads back from the {@code vessel-observations} store every batch of
 * observations the rule matches that it read up to now and the rule did not count ({@link
 * CountedRules}, over the task's reading of {@code observations-by-vessel}; with {@code since}, the
 * batches stored since then), and sums what each changed about its vessel's deliveries into the
 * rule's ledgers as the live path did when it came ({@link DeliveryHistory}). A delivery
 * corroborated while the rule was gone is so counted once, by its largest observation, in the
 * period of its first.
 */
final class DeliveryRecounter {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecounter.class);

  private final DeliveryHistory history;
  private final RuleBook rules;
  private final CountedRules counted;

  DeliveryRecounter(DeliveryHistory history, RuleBook rules, CountedRules counted) {
    this.history = history;
    this.rules = rules;
    this.counted = counted;
  }

  /**
   * Counts the observations of {@code request} read up to {@code position} (the offset of the
   * task's input, under {@link DeliveryTotals#INPUT}), for task {@code task}.
   */
  Recounter.Outcome recount(
      RuleRecount request, Map<Integer, Long> position, String task, long now) {
    String ruleId = request.getRuleId();
    Long since = request.getSince() == null ? null : request.getSince().toEpochMilli();
    long upTo = position.getOrDefault(DeliveryTotals.INPUT, -1L);
    DeliveryHistory.Picked picked =
        history.arrivals(
            fact -> !Recounter.targetsOf(rules, ruleId, fact).isEmpty(),
            (readAt, storedAt) ->
                readAt >= 0 // stored before offsets were: counted by every rule
                    && readAt <= upTo
                    && (since == null || storedAt >= since)
                    && !counted.counted(ruleId, DeliveryTotals.INPUT, readAt, storedAt));
    PartialTotals sums = new PartialTotals();
    long added = 0;
    for (DeliveryHistory.Arrival arrival : picked.arrivals()) {
      for (Corroboration change : arrival.changes()) {
        Fact fact = arrival.factOf(change).orElseThrow();
        sums.addToLedgers(fact, Recounter.targetsOf(rules, ruleId, fact));
      }
      added += arrival.observations().size();
    }
    counted.recounted(ruleId, request.getRequestId(), position, since);
    Recounter.Outcome outcome =
        Recounter.outcome(
            request, rules.get(ruleId), task, now, sums, added, picked.unreadable(), true);
    LOG.info(
        "recount {} of rule {} on task {}: {} observed tanker deliver(ies) with an IMO number"
            + " added to its ledgers ({} {}) as corroborated on their vessel's task{}",
        request.getRequestId(),
        ruleId,
        task,
        added,
        outcome.report().getAmount(),
        outcome.report().getUnit(),
        picked.unreadable() == 0
            ? ""
            : "; " + picked.unreadable() + " observation(s) left: their scope cannot be read back");
    return outcome;
  }
}
