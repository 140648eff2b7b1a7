package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.streams.fact.Contribution;
import io.transfermonitor.streams.fact.Fact;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the facts one task has read since it last sent its totals add to one {@link Ledger} (rule,
 * period, basis): a partial sum, in the order the facts were counted, which the task that keeps the
 * ledger adds in one step ({@link Ledger#plus}). Adding a partial of several facts gives the same
 * ledger as adding the facts one by one: the sums and per-month and per-origin totals add up, the
 * route is kept while every fact shares it, and the latest facts are cited.
 *
 * @param ruleId the rule
 * @param periodStart period start, epoch millis
 * @param periodEnd period end, epoch millis
 * @param basis REPORTED or OBSERVED
 * @param unit unit of the amounts
 * @param total what the facts add to the total
 * @param events change in the number of events counted
 * @param deliveries change in the number of deliveries counted
 * @param corroboratedDeliveries change in the deliveries more than one source saw
 * @param monthlyTotals what they add per calendar month of event time
 * @param originTotals what they add per origin
 * @param routed whether any fact has been routed into this partial (so the route below is known)
 * @param sharedOrigin the origin every fact shares, or null
 * @param sharedDestination the destination every fact shares, or null
 * @param recentEventIds the last {@value Ledger#RECENT} facts cited, oldest first
 * @param lastEventTime event time of the last fact cited
 * @param lastEventKind its kind, or null when none is cited
 * @param lastReferences its references
 * @param lastSources the sources of the last fact cited
 */
public record LedgerPartial(
    String ruleId,
    long periodStart,
    long periodEnd,
    Basis basis,
    String unit,
    double total,
    long events,
    long deliveries,
    long corroboratedDeliveries,
    SortedMap<String, Double> monthlyTotals,
    SortedMap<String, Double> originTotals,
    boolean routed,
    String sharedOrigin,
    String sharedDestination,
    List<String> recentEventIds,
    long lastEventTime,
    EventKind lastEventKind,
    List<String> lastReferences,
    List<String> lastSources) {

  public LedgerPartial {
    monthlyTotals = sorted(monthlyTotals);
    originTotals = sorted(originTotals);
    recentEventIds = recentEventIds == null ? List.of() : List.copyOf(recentEventIds);
    lastReferences = lastReferences == null ? List.of() : List.copyOf(lastReferences);
    lastSources = lastSources == null ? List.of() : List.copyOf(lastSources);
  }

  /** Nothing yet for the ledger of {@code ruleId}, {@code period} and {@code basis}. */
  public static LedgerPartial none(
      String ruleId, ReportingPeriod period, Basis basis, String unit) {
    return new LedgerPartial(
        ruleId,
        period.startMillis(),
        period.endMillis(),
        basis,
        unit,
        0,
        0,
        0,
        0,
        null,
        null,
        false,
        null,
        null,
        null,
        0,
        null,
        null,
        null);
  }

  /** The ledger's key ({@link Ledger#key(String, ReportingPeriod, Basis)}). */
  public String ledgerKey() {
    return Ledger.key(ruleId, period(), basis);
  }

  public ReportingPeriod period() {
    return ReportingPeriod.ofMillis(periodStart, periodEnd);
  }

  /**
   * This partial with {@code fact} counted as adding {@code amount}, filed under the month of its
   * {@link Contribution#time()}; as {@link Ledger#add} counts it.
   */
  public LedgerPartial add(Fact fact, double amount) {
    Contribution c = fact.contribution();
    SortedMap<String, Double> months = new TreeMap<>(monthlyTotals);
    months.merge(monthOf(c.time()), amount, Double::sum);
    SortedMap<String, Double> origins = new TreeMap<>(originTotals);
    if (fact.origin() != null) {
      origins.merge(fact.origin(), amount, Double::sum);
    }
    String origin = routed ? sameOrNull(sharedOrigin, fact.origin()) : fact.origin();
    String destination =
        routed ? sameOrNull(sharedDestination, fact.destination()) : fact.destination();
    boolean cite = c.ownRecord();
    return new LedgerPartial(
        ruleId,
        periodStart,
        periodEnd,
        basis,
        unit,
        total + amount,
        events + c.events(),
        deliveries + c.deliveries(),
        corroboratedDeliveries + c.corroboratedDeliveries(),
        months,
        origins,
        true,
        origin,
        destination,
        cite ? Ledger.recent(recentEventIds, List.of(fact.eventId())) : recentEventIds,
        cite ? fact.eventTime() : lastEventTime,
        cite ? fact.kind() : lastEventKind,
        cite ? fact.references() : lastReferences,
        cite ? c.sources() : lastSources);
  }

  /** Whether a fact has been cited (so the last-event fields say something). */
  public boolean cites() {
    return lastEventKind != null;
  }

  static String sameOrNull(String kept, String next) {
    return kept != null && kept.equals(next) ? kept : null;
  }

  static String monthOf(long eventTime) {
    return YearMonth.from(Instant.ofEpochMilli(eventTime).atZone(ZoneOffset.UTC)).toString();
  }

  private static SortedMap<String, Double> sorted(SortedMap<String, Double> map) {
    return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
  }
}
