package io.transfermonitor.streams.query;

import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleLevel;
import java.util.List;

/**
 * A rule as the dashboard shows it next to its totals: what it is, its limit and its levels.
 *
 * @param ruleId stable id
 * @param kind CAP, BAN, SCREEN or DISCREPANCY
 * @param title one line ops see
 * @param legalBasis the legal text it enforces
 * @param limit CAP: the limit per period, else null
 * @param unit the unit its totals are kept in, else null
 * @param levels its alert levels, ascending
 */
public record RuleRow(
    String ruleId,
    String kind,
    String title,
    String legalBasis,
    Double limit,
    String unit,
    List<Level> levels) {

  public static RuleRow of(Rule rule) {
    return new RuleRow(
        rule.getRuleId(),
        rule.getKind().name(),
        rule.getTitle(),
        rule.getLegalBasis(),
        rule.getLimit(),
        rule.getUnit(),
        rule.getLevels().stream().map(Level::of).toList());
  }

  /**
   * One alert level.
   *
   * @param label short name, e.g. {@code BREACH}
   * @param severity severity of its alert
   * @param threshold CAP: fraction of the limit; otherwise an amount in the rule's unit
   */
  public record Level(String label, String severity, double threshold) {
    static Level of(RuleLevel level) {
      return new Level(level.getLabel(), level.getSeverity().name(), level.getThreshold());
    }
  }
}
