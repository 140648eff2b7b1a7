package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.EventKind;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The running total of one rule, period and basis, as kept in the {@code ledgers} store: what was
 * counted, which levels have already raised their alert (so replays and restarts never raise them
 * again) and the limit the levels were last judged against.
 *
 * @param ruleId the rule
 * @param periodStart period start, epoch millis (inclusive)
 * @param periodEnd period end, epoch millis (exclusive)
 * @param basis REPORTED or OBSERVED
 * @param unit unit of the total
 * @param total sum of the counted amounts
 * @param eventCount number of distinct events counted
 * @param recentEventIds the last {@value #RECENT} event ids counted, oldest first
 * @param raisedLevels labels of the levels that have raised their alert
 * @param limit the limit in force when the levels were last judged (CAP rules), or null
 * @param lastEventTime event time of the last event counted
 * @param lastEventKind kind of the last event counted
 * @param lastReferences references of the last event counted
 * @param monthlyTotals the total per calendar month of event time ({@code 2024-06}), so an alert
 *     can tell when, by event time, a level was reached even if events arrived out of order
 */
public record Ledger(
    String ruleId,
    long periodStart,
    long periodEnd,
    Basis basis,
    String unit,
    double total,
    long eventCount,
    List<String> recentEventIds,
    List<String> raisedLevels,
    Double limit,
    long lastEventTime,
    EventKind lastEventKind,
    List<String> lastReferences,
    SortedMap<String, Double> monthlyTotals) {

  /** How many event ids a ledger keeps to cite in alerts. */
  public static final int RECENT = 20;

  public Ledger {
    recentEventIds = recentEventIds == null ? List.of() : List.copyOf(recentEventIds);
    raisedLevels = raisedLevels == null ? List.of() : List.copyOf(raisedLevels);
    lastReferences = lastReferences == null ? List.of() : List.copyOf(lastReferences);
    monthlyTotals =
        Collections.unmodifiableSortedMap(
            monthlyTotals == null ? new TreeMap<>() : new TreeMap<>(monthlyTotals));
  }

  /** An empty ledger. */
  public static Ledger open(String ruleId, ReportingPeriod period, Basis basis, String unit) {
    return new Ledger(
        ruleId,
        period.startMillis(),
        period.endMillis(),
        basis,
        unit,
        0.0,
        0,
        List.of(),
        List.of(),
        null,
        0,
        null,
        List.of(),
        null);
  }

  /** Store key and aggregate key: {@code ruleId/2024-01-01/OBSERVED}. */
  public static String key(String ruleId, ReportingPeriod period, Basis basis) {
    return ruleId + "/" + period.start() + "/" + basis;
  }

  public String key() {
    return key(ruleId, period(), basis);
  }

  public ReportingPeriod period() {
    return new ReportingPeriod(
        java.time.Instant.ofEpochMilli(periodStart).atZone(java.time.ZoneOffset.UTC).toLocalDate(),
        java.time.Instant.ofEpochMilli(periodEnd).atZone(java.time.ZoneOffset.UTC).toLocalDate());
  }

  /** This ledger with one more event counted. */
  public Ledger add(
      double amount, String eventId, long eventTime, EventKind kind, List<String> references) {
    List<String> recent = new ArrayList<>(recentEventIds);
    recent.add(eventId);
    if (recent.size() > RECENT) {
      recent = recent.subList(recent.size() - RECENT, recent.size());
    }
    SortedMap<String, Double> months = new TreeMap<>(monthlyTotals);
    months.merge(monthOf(eventTime), amount, Double::sum);
    return new Ledger(
        ruleId,
        periodStart,
        periodEnd,
        basis,
        unit,
        total + amount,
        eventCount + 1,
        recent,
        raisedLevels,
        limit,
        eventTime,
        kind,
        references,
        months);
  }

  /** This ledger with {@code label} remembered as raised. */
  public Ledger withRaised(String label) {
    List<String> raised = new ArrayList<>(raisedLevels);
    raised.add(label);
    return new Ledger(
        ruleId,
        periodStart,
        periodEnd,
        basis,
        unit,
        total,
        eventCount,
        recentEventIds,
        raised,
        limit,
        lastEventTime,
        lastEventKind,
        lastReferences,
        monthlyTotals);
  }

  /** This ledger judged against {@code newLimit}. */
  public Ledger withLimit(Double newLimit) {
    return new Ledger(
        ruleId,
        periodStart,
        periodEnd,
        basis,
        unit,
        total,
        eventCount,
        recentEventIds,
        raisedLevels,
        newLimit,
        lastEventTime,
        lastEventKind,
        lastReferences,
        monthlyTotals);
  }

  /**
   * The first month (by event time) in which the running total reached {@code amount}, or empty
   * when it has not.
   */
  public Optional<YearMonth> reachedIn(double amount) {
    double running = 0;
    for (Map.Entry<String, Double> month : monthlyTotals.entrySet()) {
      running += month.getValue();
      if (running >= amount) {
        return Optional.of(YearMonth.parse(month.getKey()));
      }
    }
    return Optional.empty();
  }

  private static String monthOf(long eventTime) {
    return YearMonth.from(java.time.Instant.ofEpochMilli(eventTime).atZone(ZoneOffset.UTC))
        .toString();
  }
}
