package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleLevel;
import java.util.Comparator;
import java.util.List;

/**
 * Which levels of a rule a ledger has reached and not yet alerted on. A CAP level is reached when
 * the total is at or above threshold x limit; a cumulative BAN level when the total is at or above
 * the threshold itself.
 */
public final class AlertLevels {

  // absorbs binary rounding of threshold x limit (0.95 x 500,000 is 474,999.99999999994)
  private static final double TOLERANCE = 1e-9;

  private AlertLevels() {}

  /** The amount at which {@code level} is reached, or NaN for a CAP rule without a limit. */
  public static double amountOf(Rule rule, RuleLevel level) {
    if (rule.getKind() == RuleKind.CAP) {
      return rule.getLimit() == null ? Double.NaN : level.getThreshold() * rule.getLimit();
    }
    return level.getThreshold();
  }

  /** Levels reached by {@code ledger} that have not raised their alert, lowest first. */
  public static List<RuleLevel> newlyReached(Rule rule, Ledger ledger) {
    return rule.getLevels().stream()
        .filter(level -> !ledger.raisedLevels().contains(level.getLabel()))
        .filter(level -> reached(ledger.total(), amountOf(rule, level)))
        .sorted(Comparator.comparingDouble(RuleLevel::getThreshold))
        .toList();
  }

  private static boolean reached(double total, double amount) {
    return !Double.isNaN(amount) && total >= amount * (1 - TOLERANCE);
  }
}
