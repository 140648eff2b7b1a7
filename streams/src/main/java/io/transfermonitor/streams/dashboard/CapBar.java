package io.transfermonitor.streams.dashboard;

import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.query.RuleRow;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Where one cap stands for one period and basis: its total against its limit, with a mark for each
 * level (reached or not). One bar of the dashboard; one element of {@code GET /api/caps}.
 *
 * @param ruleId the CAP rule
 * @param title what it limits
 * @param legalBasis the legal text
 * @param periodStart first day of the period (UTC)
 * @param periodEnd day after its last
 * @param basis REPORTED or OBSERVED
 * @param total what was counted, in {@code unit}
 * @param limit the limit in force, in {@code unit}
 * @param unit BARREL for the petroleum caps
 * @param ratio total over limit (1 = the limit), null without a limit
 * @param eventCount distinct events counted
 * @param levels the rule's levels, each with the amount it stands for
 * @param removed whether the rule is no longer on the rules topic: the bar is frozen as the rule
 *     left it (its last limit, no levels), nothing counts in it any more
 * @param filling the total as it stood at the end of each month of event time, from the period's
 *     first month to the last month anything was counted in: the ledger's own monthly totals (kept
 *     with the total, so exact and the same after a restart), added up in order
 */
public record CapBar(
    String ruleId,
    String title,
    String legalBasis,
    String periodStart,
    String periodEnd,
    String basis,
    double total,
    Double limit,
    String unit,
    Double ratio,
    long eventCount,
    List<LevelMark> levels,
    boolean removed,
    List<MonthEnd> filling) {

  /**
   * The total of a cap period counted by the end of one month of event time.
   *
   * @param month {@code 2024-06}
   * @param total everything counted with an event time up to the end of that month
   */
  public record MonthEnd(String month, double total) {}

  /**
   * One level on the bar.
   *
   * @param label e.g. {@code NOTICE_75}, {@code BREACH}
   * @param severity the severity its alert carries
   * @param threshold fraction of the limit
   * @param amount threshold times the limit, in the cap's unit
   * @param reached whether this period's total has reached it (its alert is raised once)
   */
  public record LevelMark(
      String label, String severity, double threshold, Double amount, boolean reached) {}

  /** The bar of {@code ledger} under {@code rule} (its current limit and levels). */
  static CapBar of(Ledger ledger, RuleRow rule) {
    Double limit = rule.limit() != null ? rule.limit() : ledger.limit();
    List<LevelMark> marks =
        rule.levels().stream()
            .map(
                l ->
                    new LevelMark(
                        l.label(),
                        l.severity(),
                        l.threshold(),
                        limit == null ? null : l.threshold() * limit,
                        ledger.raisedLevels().contains(l.label())))
            .toList();
    return new CapBar(
        ledger.ruleId(),
        rule.title(),
        rule.legalBasis(),
        day(ledger.periodStart()),
        day(ledger.periodEnd()),
        ledger.basis().name(),
        ledger.total(),
        limit,
        ledger.unit(),
        limit == null || limit == 0 ? null : ledger.total() / limit,
        ledger.eventCount(),
        marks,
        false,
        filling(ledger));
  }

  /**
   * The frozen bar of {@code ledger}, whose rule was removed: its total against the limit it was
   * last judged by, so a removed cap stays on the dashboard as it stood instead of vanishing.
   */
  static CapBar frozen(Ledger ledger) {
    Double limit = ledger.limit();
    return new CapBar(
        ledger.ruleId(),
        "rule removed: frozen, no longer counting",
        "",
        day(ledger.periodStart()),
        day(ledger.periodEnd()),
        ledger.basis().name(),
        ledger.total(),
        limit,
        ledger.unit(),
        limit == null || limit == 0 ? null : ledger.total() / limit,
        ledger.eventCount(),
        List.of(),
        true,
        filling(ledger));
  }

  /**
   * The running total at each month's end, months without events included (the line stays flat),
   * from the period's first month to the last with a monthly total.
   */
  static List<MonthEnd> filling(Ledger ledger) {
    SortedMap<String, Double> months = ledger.monthlyTotals();
    List<MonthEnd> points = new ArrayList<>();
    if (months.isEmpty()) {
      return points;
    }
    YearMonth periodStart = YearMonth.from(ledger.period().start());
    YearMonth first = YearMonth.parse(months.firstKey());
    YearMonth last = YearMonth.parse(months.lastKey());
    double running = 0;
    for (YearMonth m = first.isBefore(periodStart) ? first : periodStart;
        !m.isAfter(last);
        m = m.plusMonths(1)) {
      running += months.getOrDefault(m.toString(), 0.0);
      points.add(new MonthEnd(m.toString(), running));
    }
    return points;
  }

  private static String day(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString().substring(0, 10);
  }
}
