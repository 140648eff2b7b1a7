package io.transfermonitor.streams.ledger;

import java.util.List;

/**
 * The partial sums one task sends for the ledgers of one rule, keyed by rule id on the {@code
 * ledger-partials} repartition topic, so the task that keeps a rule's ledgers receives them and
 * adds each to its ledger: one record per rule per flush, however many facts it sums.
 *
 * @param ruleId the rule
 * @param partials one per ledger (period and basis) of the rule the facts added to
 */
public record LedgerBatch(String ruleId, List<LedgerPartial> partials) {

  public LedgerBatch {
    partials = List.copyOf(partials);
  }
}
