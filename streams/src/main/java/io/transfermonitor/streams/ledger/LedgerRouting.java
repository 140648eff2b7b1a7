package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.streams.fact.Contribution;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.match.RuleBook;
import io.transfermonitor.streams.match.RuleMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which ledgers a fact counts in, and how much: one per enabled rule that keeps a total of it (CAP
 * rules, and BAN rules with cumulative levels), in the period of the rule that holds the fact's
 * contribution time, on the basis its evidence counts as.
 */
public final class LedgerRouting {

  private static final Logger LOG = LoggerFactory.getLogger(LedgerRouting.class);

  private LedgerRouting() {}

  /**
   * One ledger a fact adds to.
   *
   * @param rule the rule keeping it
   * @param period its period
   * @param basis its basis
   * @param amount what the fact adds, in the rule's unit
   */
  public record Target(Rule rule, ReportingPeriod period, Basis basis, double amount) {

    /** The ledger's key. */
    public String ledgerKey() {
      return Ledger.key(rule.getRuleId(), period, basis);
    }
  }

  /** The ledgers {@code fact} adds to by the rules of {@code rules}. */
  public static List<Target> of(RuleBook rules, Fact fact) {
    List<Target> targets = new ArrayList<>(1);
    for (Rule rule : rules.matching(LedgerRouting::keepsTotal, fact)) {
      OptionalDouble amount = amountFor(rule, fact);
      if (amount.isEmpty()) {
        LOG.warn(
            "rule {} keeps totals in {}, event {} is in {}: not counted",
            rule.getRuleId(),
            rule.getUnit(),
            fact.eventId(),
            fact.amountUnit());
        continue;
      }
      ReportingPeriod period;
      try {
        period = ReportingPeriod.of(rule.getPeriod(), fact.contribution().time());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("rule " + rule.getRuleId() + ": " + e.getMessage(), e);
      }
      targets.add(
          new Target(
              rule, period, RuleMatcher.basisOf(rule, fact.sourceKind()), amount.getAsDouble()));
    }
    return targets;
  }

  /** Whether {@code rule} keeps running totals. */
  public static boolean keepsTotal(Rule rule) {
    return rule.getKind() == RuleKind.CAP
        || (rule.getKind() == RuleKind.BAN && !rule.getLevels().isEmpty());
  }

  /** Unit a rule keeps totals in: its own, else barrels for caps and events for bans. */
  public static String unitOf(Rule rule) {
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
