package io.transfermonitor.streams.gap;

import io.transfermonitor.model.ReportingGap;
import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.ledger.Ledger;
import java.util.List;

/**
 * What a change of a cap's totals does to a reporting gap: a level newly reached (for the alert
 * stage) or the new comparison (for the reporting-gaps aggregate topic). Sealed, so the topology
 * routes both and nothing else.
 */
public sealed interface GapUpdate {

  /** The level reached, or nothing: for {@code flatMapValues}. */
  default List<GapReached> levelsReached() {
    return this instanceof GapReached g ? List.of(g) : List.of();
  }

  /** The new comparison, or nothing: for {@code flatMapValues}. */
  default List<ReportingGap> gaps() {
    return this instanceof GapChanged g ? List.of(g.gap()) : List.of();
  }

  /**
   * {@code comparison} has reached {@code level} of the DISCREPANCY {@code rule} for the first
   * time; keyed by {@code ruleId/periodStart/scope}.
   *
   * @param rule the DISCREPANCY rule
   * @param capRule the CAP rule it compares
   * @param comparison the totals
   * @param level the level reached
   * @param trigger the ledger whose change reached it (its last event is the triggering one)
   * @param observed the OBSERVED ledger of the period (every supplying state), or null
   * @param processedAt wall-clock time of the judgement, epoch millis
   */
  record GapReached(
      Rule rule,
      Rule capRule,
      Comparison comparison,
      GapLevel level,
      Ledger trigger,
      Ledger observed,
      long processedAt)
      implements GapUpdate {}

  /**
   * The new comparison of one rule, period and scope; keyed by {@code ruleId/periodStart/scope}.
   */
  record GapChanged(ReportingGap gap) implements GapUpdate {}
}
