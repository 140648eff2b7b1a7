package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.streams.fact.Contribution;
import io.transfermonitor.streams.fact.Fact;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
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
    return sum().add(fact, amount).partial();
  }

  /** A sum starting from this partial, to add many facts to in place. */
  public Sum sum() {
    return new Sum(this);
  }

  /**
   * A {@link LedgerPartial} being added to, in place: what a task keeps in memory between sends, so
   * a fact costs a few map updates rather than copies of the whole partial.
   */
  public static final class Sum {
    private final LedgerPartial base;
    private double total;
    private long events;
    private long deliveries;
    private long corroboratedDeliveries;
    private final SortedMap<String, Double> months;
    private final SortedMap<String, Double> origins;
    private boolean routed;
    private String sharedOrigin;
    private String sharedDestination;
    private final ArrayDeque<String> recent;
    private long lastEventTime;
    private EventKind lastEventKind;
    private List<String> lastReferences;
    private List<String> lastSources;

    private Sum(LedgerPartial from) {
      base = from;
      total = from.total;
      events = from.events;
      deliveries = from.deliveries;
      corroboratedDeliveries = from.corroboratedDeliveries;
      months = new TreeMap<>(from.monthlyTotals);
      origins = new TreeMap<>(from.originTotals);
      routed = from.routed;
      sharedOrigin = from.sharedOrigin;
      sharedDestination = from.sharedDestination;
      recent = new ArrayDeque<>(from.recentEventIds);
      lastEventTime = from.lastEventTime;
      lastEventKind = from.lastEventKind;
      lastReferences = from.lastReferences;
      lastSources = from.lastSources;
    }

    /** Counts {@code fact} as adding {@code amount}. */
    public Sum add(Fact fact, double amount) {
      Contribution c = fact.contribution();
      total += amount;
      events += c.events();
      deliveries += c.deliveries();
      corroboratedDeliveries += c.corroboratedDeliveries();
      months.merge(monthOf(c.time()), amount, Double::sum);
      if (fact.origin() != null) {
        origins.merge(fact.origin(), amount, Double::sum);
      }
      sharedOrigin = routed ? sameOrNull(sharedOrigin, fact.origin()) : fact.origin();
      sharedDestination =
          routed ? sameOrNull(sharedDestination, fact.destination()) : fact.destination();
      routed = true;
      if (c.ownRecord()) {
        recent.remove(fact.eventId());
        recent.addLast(fact.eventId());
        if (recent.size() > Ledger.RECENT) {
          recent.removeFirst();
        }
        lastEventTime = fact.eventTime();
        lastEventKind = fact.kind();
        lastReferences = CitedReferences.of(fact.references());
        lastSources = c.sources();
      }
      return this;
    }

    /** What has been added so far, as a partial. */
    public LedgerPartial partial() {
      return new LedgerPartial(
          base.ruleId,
          base.periodStart,
          base.periodEnd,
          base.basis,
          base.unit,
          total,
          events,
          deliveries,
          corroboratedDeliveries,
          months,
          origins,
          routed,
          sharedOrigin,
          sharedDestination,
          List.copyOf(recent),
          lastEventTime,
          lastEventKind,
          lastReferences,
          lastSources);
    }
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
