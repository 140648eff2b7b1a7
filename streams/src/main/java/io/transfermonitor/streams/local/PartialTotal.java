package io.transfermonitor.streams.local;

import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.streams.activity.ActivityPartial;
import io.transfermonitor.streams.corroborate.ObservationBatch;
import io.transfermonitor.streams.ledger.LedgerBatch;
import java.util.List;

/**
 * What a task sends when it flushes its partial totals: the partial sums of one rule's ledgers, of
 * one activity row, or the observations of vessels for the tasks that corroborate them; and, after
 * a recount, what the task counted for it. Sealed, so the topology routes both to the tasks that
 * keep them and nothing else.
 */
public sealed interface PartialTotal {

  /** The ledger batch, or nothing: for {@code flatMapValues}. */
  default List<LedgerBatch> ledgerBatches() {
    return this instanceof ForLedgers l ? List.of(l.batch()) : List.of();
  }

  /** The observations for the vessels' tasks, or nothing: for {@code flatMapValues}. */
  default List<ObservationBatch> observationBatches() {
    return this instanceof ForVessels v ? List.of(v.batch()) : List.of();
  }

  /** What a task recounted for a request, or nothing: for {@code flatMapValues}. */
  default List<RuleRecount> recountReports() {
    return this instanceof Recounted r ? List.of(r.report()) : List.of();
  }

  /** The activity partial, or nothing: for {@code flatMapValues}. */
  default List<ActivityPartial> activityPartials() {
    return this instanceof ForActivity a ? List.of(a.partial()) : List.of();
  }

  /** Partial sums of the ledgers of one rule; keyed by rule id. */
  record ForLedgers(LedgerBatch batch) implements PartialTotal {}

  /** What was added to one activity row; keyed by the row. */
  record ForActivity(ActivityPartial partial) implements PartialTotal {}

  /** Observations for the tasks that corroborate them; keyed by the bucket of their vessels. */
  record ForVessels(ObservationBatch batch) implements PartialTotal {}

  /** What one task counted for a recount request; keyed by request id@task. */
  record Recounted(RuleRecount report) implements PartialTotal {}
}
