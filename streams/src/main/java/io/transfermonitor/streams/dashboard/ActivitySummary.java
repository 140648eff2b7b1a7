package io.transfermonitor.streams.dashboard;

import io.transfermonitor.streams.activity.ActivityCounts;
import io.transfermonitor.streams.query.ActivityRow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The monitor's activity over time, from every instance's {@code activity} rows: {@code GET
 * /api/activity}. The activity chart draws {@code weeks}; the yearly troop and worker figures come
 * from {@code yearly}.
 *
 * @param kinds the event kinds counted, in name order
 * @param weeks every ISO week from the first counted to the last, quiet weeks included (zero), so
 *     the chart's axis is time; each with its events and quantities per kind, summed over origin,
 *     destination, transport mode and route
 * @param yearly the yearly totals (troop deployments, worker dispatches) per kind and year, summed
 *     over origin and destination, with what all years up to it add up to
 * @param cells the weekly cells themselves, by week and row key: the same data for other tools
 */
public record ActivitySummary(
    List<String> kinds, List<WeekTotals> weeks, List<YearTotal> yearly, List<ActivityRow> cells) {

  /**
   * One ISO week.
   *
   * @param week {@code 2024-W11}
   * @param monday its first day (UTC)
   * @param events events per kind (every kind of {@code kinds}, 0 when none)
   * @param quantities quantity per kind and unit (kinds with no event that week are left out)
   */
  public record WeekTotals(
      String week,
      String monday,
      SortedMap<String, Long> events,
      SortedMap<String, SortedMap<String, Double>> quantities) {}

  /**
   * One kind's total of one calendar year.
   *
   * @param kind TROOP_DEPLOYMENT or WORKER_DISPATCH
   * @param year {@code 2024}
   * @param events events counted that year
   * @param quantities quantity per unit that year (PERSONNEL, WORKERS)
   * @param cumulative quantity per unit of that year and every earlier one
   */
  public record YearTotal(
      String kind,
      String year,
      long events,
      SortedMap<String, Double> quantities,
      SortedMap<String, Double> cumulative) {}

  /** The summary of {@code rows}, of one event kind only when {@code kind} is not null. */
  static ActivitySummary of(List<ActivityRow> rows, String kind) {
    List<ActivityRow> kept =
        rows.stream().filter(r -> kind == null || kind.equals(r.kind())).toList();
    List<ActivityRow> cells =
        kept.stream()
            .filter(ActivityRow::weekly)
            .sorted(Comparator.comparing(ActivityRow::week).thenComparing(ActivityRow::key))
            .toList();
    List<String> kinds = kept.stream().map(ActivityRow::kind).distinct().sorted().toList();
    return new ActivitySummary(
        kinds, weeks(cells, kinds), yearly(kept.stream().filter(r -> !r.weekly()).toList()), cells);
  }

  private static List<WeekTotals> weeks(List<ActivityRow> cells, List<String> kinds) {
    TreeMap<String, List<ActivityRow>> byWeek = new TreeMap<>();
    cells.forEach(c -> byWeek.computeIfAbsent(c.week(), w -> new ArrayList<>()).add(c));
    if (byWeek.isEmpty()) {
      return List.of();
    }
    List<WeekTotals> weeks = new ArrayList<>();
    LocalDate last = monday(byWeek.lastKey());
    for (LocalDate monday = monday(byWeek.firstKey());
        !monday.isAfter(last);
        monday = monday.plusWeeks(1)) {
      String week = ActivityCounts.isoWeek(monday.atStartOfDay(ZoneOffset.UTC));
      weeks.add(week(week, monday, byWeek.getOrDefault(week, List.of()), kinds));
    }
    return weeks;
  }

  private static WeekTotals week(
      String week, LocalDate monday, List<ActivityRow> cells, List<String> kinds) {
    SortedMap<String, Long> events = new TreeMap<>();
    kinds.forEach(k -> events.put(k, 0L));
    SortedMap<String, SortedMap<String, Double>> quantities = new TreeMap<>();
    for (ActivityRow cell : cells) {
      events.merge(cell.kind(), cell.eventCount(), Long::sum);
      addTo(quantities.computeIfAbsent(cell.kind(), k -> new TreeMap<>()), cell.quantities());
    }
    return new WeekTotals(week, monday.toString(), events, quantities);
  }

  private static List<YearTotal> yearly(List<ActivityRow> totals) {
    Map<String, Map<String, List<ActivityRow>>> byKindAndYear = new TreeMap<>();
    totals.forEach(
        t ->
            byKindAndYear
                .computeIfAbsent(t.kind(), k -> new TreeMap<>())
                .computeIfAbsent(t.year(), y -> new ArrayList<>())
                .add(t));
    List<YearTotal> years = new ArrayList<>();
    byKindAndYear.forEach(
        (kind, byYear) -> {
          SortedMap<String, Double> cumulative = new TreeMap<>();
          byYear.forEach(
              (year, rows) -> {
                SortedMap<String, Double> quantities = new TreeMap<>();
                rows.forEach(r -> addTo(quantities, r.quantities()));
                addTo(cumulative, quantities);
                long events = rows.stream().mapToLong(ActivityRow::eventCount).sum();
                years.add(new YearTotal(kind, year, events, quantities, new TreeMap<>(cumulative)));
              });
        });
    return years;
  }

  private static void addTo(Map<String, Double> sum, Map<String, Double> more) {
    more.forEach((unit, amount) -> sum.merge(unit, amount, Double::sum));
  }

  /** The Monday of an ISO week written {@code 2024-W11}. */
  static LocalDate monday(String isoWeek) {
    int year = Integer.parseInt(isoWeek.substring(0, 4));
    int week = Integer.parseInt(isoWeek.substring(isoWeek.indexOf('W') + 1));
    // 4 January is always in week 1 of its week-based year
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
