package io.transfermonitor.streams.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cap's REPORTED and OBSERVED totals side by side for one period: what members told the 1718
 * Committee against what was seen. One group of the dashboard's reported-vs-observed chart.
 *
 * @param ruleId the CAP rule
 * @param title what it limits
 * @param periodStart first day of the period (UTC)
 * @param periodEnd day after its last
 * @param reported the REPORTED total, 0 when nothing was reported
 * @param observed the OBSERVED total, 0 when nothing was observed
 * @param limit the limit in force
 * @param unit unit of the totals
 */
public record PeriodComparison(
    String ruleId,
    String title,
    String periodStart,
    String periodEnd,
    double reported,
    double observed,
    Double limit,
    String unit) {

  /** One comparison per rule and period of {@code bars}, in rule and period order. */
  static List<PeriodComparison> of(List<CapBar> bars) {
    Map<String, List<CapBar>> byPeriod = new LinkedHashMap<>();
    bars.stream()
        .sorted(Comparator.comparing(CapBar::ruleId).thenComparing(CapBar::periodStart))
        .forEach(
            b ->
                byPeriod
                    .computeIfAbsent(b.ruleId() + "/" + b.periodStart(), k -> new ArrayList<>())
                    .add(b));
    return byPeriod.values().stream().map(PeriodComparison::ofPeriod).toList();
  }

  private static PeriodComparison ofPeriod(List<CapBar> bases) {
    CapBar any = bases.get(0);
    return new PeriodComparison(
        any.ruleId(),
        any.title(),
        any.periodStart(),
        any.periodEnd(),
        total(bases, "REPORTED"),
        total(bases, "OBSERVED"),
        any.limit(),
        any.unit());
  }

  private static double total(List<CapBar> bases, String basis) {
    return bases.stream().filter(b -> b.basis().equals(basis)).mapToDouble(CapBar::total).sum();
  }
}
