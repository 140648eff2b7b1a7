package io.transfermonitor.cli.format;

import io.transfermonitor.model.ReportingGap;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * One line of the demo summary per reporting gap: the cap's REPORTED and OBSERVED totals of a
 * period and scope, how many observed deliveries more than one source saw, the ratio and the levels
 * raised, e.g. {@code reporting-gap-refined-petroleum 2024 ALL: reported 300,600 bbl (60 %),
 * observed 1,101,000 bbl (220 %; 40 deliveries, 1 seen by more than one source): 3.7 × reported
 * [REPORTING_GAP, UNREPORTED_BREACH]}.
 */
public final class GapSummary {

  private GapSummary() {}

  public static String line(ReportingGap gap) {
    return String.format(
        Locale.ROOT,
        "%s %s %s: reported %s (%s), observed %s (%s%s): %s %s",
        gap.getRuleId(),
        period(gap),
        gap.getScope(),
        amount(gap.getReportedTotal(), gap.getUnit()),
        share(gap.getReportedTotal(), gap.getLimit()),
        amount(gap.getObservedTotal(), gap.getUnit()),
        share(gap.getObservedTotal(), gap.getLimit()),
        deliveries(gap),
        gap.getRatio() == null
            ? "nothing reported"
            : String.format(Locale.ROOT, "%.1f × reported", gap.getRatio()),
        gap.getRaisedLevels());
  }

  private static String period(ReportingGap gap) {
    ZonedDateTime start = gap.getPeriodStart().atZone(ZoneOffset.UTC);
    ZonedDateTime end = gap.getPeriodEnd().atZone(ZoneOffset.UTC);
    boolean calendarYear = start.getDayOfYear() == 1 && end.equals(start.plusYears(1));
    return calendarYear
        ? String.valueOf(start.getYear())
        : start.toLocalDate() + ".." + end.toLocalDate();
  }

  private static String amount(double total, String unit) {
    return String.format(
        Locale.ROOT, "%,.0f %s", total, "BARREL".equals(unit) ? "bbl" : unit.toLowerCase());
  }

  private static String share(double total, Double limit) {
    return limit == null || limit <= 0
        ? "no limit"
        : String.format(Locale.ROOT, "%,.0f %%", total / limit * 100);
  }

  private static String deliveries(ReportingGap gap) {
    if (gap.getObservedDeliveryCount() == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "; %d deliveries, %d seen by more than one source",
        gap.getObservedDeliveryCount(),
        gap.getCorroboratedDeliveryCount());
  }
}
