package io.transfermonitor.streams.gap;

import io.transfermonitor.model.Rule;
import io.transfermonitor.model.Severity;

/**
 * The two levels of a reporting gap, each raised once per DISCREPANCY rule, period and scope. A
 * level is reached when the totals are at or past it ("observed is at least 1.5 x reported").
 */
public enum GapLevel {
  /**
   * Observed is at least the rule's {@code minGapRatio} x reported (1 when unset) and at least
   * {@code minGapAmount} (0 when unset) more; at the rule's own severity.
   */
  REPORTING_GAP,
  /** Observed is at or past the cap's limit while reported stays under it; CRITICAL. */
  UNREPORTED_BREACH;

  // absorbs binary rounding of ratio x reported, as the cap levels do
  private static final double TOLERANCE = 1e-9;

  /** Whether {@code c} has reached this level of {@code rule}. */
  public boolean reached(Rule rule, Comparison c) {
    return switch (this) {
      case REPORTING_GAP ->
          c.gap() > 0
              && atLeast(c.observed(), ratioOf(rule) * c.reported())
              && atLeast(c.gap(), amountOf(rule));
      case UNREPORTED_BREACH ->
          c.limit() != null
              && atLeast(c.observed(), c.limit())
              && !atLeast(c.reported(), c.limit());
    };
  }

  /** How urgent the level's alert is. */
  public Severity severity(Rule rule) {
    return this == REPORTING_GAP ? rule.getSeverity() : Severity.CRITICAL;
  }

  /**
   * The threshold the alert names, as a fraction of the cap's limit (as a CAP level's is): what the
   * gap must reach ({@code minGapAmount} / limit) or what observed must reach (1); null without a
   * limit. On one scale, so the unreported breach ranks above the gap in a case.
   */
  public Double threshold(Rule rule, Double limit) {
    if (limit == null || limit <= 0) {
      return null;
    }
    return this == REPORTING_GAP ? amountOf(rule) / limit : 1.0;
  }

  static double ratioOf(Rule rule) {
    return rule.getMinGapRatio() == null ? 1.0 : rule.getMinGapRatio();
  }

  static double amountOf(Rule rule) {
    return rule.getMinGapAmount() == null ? 0.0 : rule.getMinGapAmount();
  }

  private static boolean atLeast(double value, double bound) {
    return value >= bound - Math.abs(bound) * TOLERANCE;
  }
}
