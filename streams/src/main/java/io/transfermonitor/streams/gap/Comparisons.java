package io.transfermonitor.streams.gap;

import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.ReportingPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The comparisons a cap's two ledgers of one period give: one for the totals of every supplying
 * state ({@link Comparison#ALL}), and one per origin either ledger has counted.
 */
final class Comparisons {

  private Comparisons() {}

  /**
   * @param capRule the CAP rule
   * @param period the period of both ledgers
   * @param reported its REPORTED ledger, or null when nothing was reported
   * @param observed its OBSERVED ledger, or null when nothing was observed
   */
  static List<Comparison> of(
      Rule capRule, ReportingPeriod period, Ledger reported, Ledger observed) {
    String unit = reported != null ? reported.unit() : observed.unit();
    Double limit = capRule.getLimit();
    List<Comparison> all = new ArrayList<>();
    all.add(
        new Comparison(
            capRule.getRuleId(),
            period,
            Comparison.ALL,
            total(reported),
            total(observed),
            limit,
            unit));
    TreeSet<String> origins = new TreeSet<>();
    origins.addAll(origins(reported).keySet());
    origins.addAll(origins(observed).keySet());
    for (String origin : origins) {
      all.add(
          new Comparison(
              capRule.getRuleId(),
              period,
              origin,
              origins(reported).getOrDefault(origin, 0.0),
              origins(observed).getOrDefault(origin, 0.0),
              limit,
              unit));
    }
    return all;
  }

  private static double total(Ledger ledger) {
    return ledger == null ? 0 : ledger.total();
  }

  private static Map<String, Double> origins(Ledger ledger) {
    return ledger == null ? Map.of() : ledger.originTotals();
  }
}
