package io.transfermonitor.streams;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the default rules must raise for refined petroleum delivered from Russia to the DPRK when
 * every delivery is OBSERVED and each year's total passes the cap: the cap's four levels on the
 * OBSERVED basis, and, since nothing is REPORTED, the reporting gap's two levels (the gap and the
 * unreported breach) for all supplying states and for Russia. Fault tests compare what they read
 * with these ids and totals.
 */
public final class ObservedBreaches {

  public static final String CAP = "unscr-2397-refined-petroleum-cap";
  public static final String GAP = "reporting-gap-refined-petroleum";

  private ObservedBreaches() {}

  /** The alert ids of {@code years} calendar years from {@code firstYear} on. */
  public static Set<String> alertIds(int firstYear, int years) {
    Set<String> ids = new TreeSet<>();
    for (int year = firstYear; year < firstYear + years; year++) {
      String period = year + "-01-01";
      for (String level : List.of("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH")) {
        ids.add(CAP + "/" + period + "/OBSERVED/" + level);
      }
      for (String scope : List.of("ALL", "RUS")) {
        for (String level : List.of("REPORTING_GAP", "UNREPORTED_BREACH")) {
          ids.add(GAP + "/" + period + "/" + scope + "/" + level);
        }
      }
    }
    return ids;
  }

  /** Each year's OBSERVED cap ledger key with its total, {@code perYear} barrels. */
  public static Map<String, Double> totals(int firstYear, int years, double perYear) {
    Map<String, Double> totals = new TreeMap<>();
    for (int year = firstYear; year < firstYear + years; year++) {
      totals.put(CAP + "/" + year + "-01-01/OBSERVED", perYear);
    }
    return totals;
  }
}
