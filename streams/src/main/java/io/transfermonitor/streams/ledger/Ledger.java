package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.Basis;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.streams.fact.Contribution;
import io.transfermonitor.streams.fact.Fact;
import java.time.Instant;
import java.time.LocalDate;
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
 * @param sharedOrigin the origin of every event counted, or null when they differ
 * @param sharedDestination the destination of every event counted, or null when they differ
 * @param originTotals the total per origin country (the supplying state of a delivery), for the
 *     reporting gap per state; events without an origin count in the total only
 * @param deliveryCount deliveries counted: events, less the observations that corroborate a
 *     delivery already counted; null in ledgers stored before corroboration (then: eventCount)
 * @param corroboratedDeliveryCount deliveries counted that more than one source saw
 * @param lastSources the distinct sources of the last event counted (of its whole delivery, when
 *     corroborated)
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
    SortedMap<String, Double> monthlyTotals,
    String sharedOrigin,
    String sharedDestination,
    SortedMap<String, Double> originTotals,
    Long deliveryCount,
    long corroboratedDeliveryCount,
    List<String> lastSources) {

  /** How many event ids a ledger keeps to cite in alerts. */
  public static final int RECENT = 20;

  public Ledger {
    recentEventIds = recentEventIds == null ? List.of() : List.copyOf(recentEventIds);
    raisedLevels = raisedLevels == null ? List.of() : List.copyOf(raisedLevels);
    lastReferences = lastReferences == null ? List.of() : List.copyOf(lastReferences);
    monthlyTotals = sorted(monthlyTotals);
    originTotals = sorted(originTotals);
    lastSources = lastSources == null ? List.of() : List.copyOf(lastSources);
  }

  /** An empty ledger. */
  public static Ledger open(String ruleId, ReportingPeriod period, Basis basis, String unit) {
    return new Builder().ruleId(ruleId).period(period).basis(basis).unit(unit).build();
  }

  /** Store key and aggregate key: {@code ruleId/2024-01-01/OBSERVED}. */
  public static String key(String ruleId, ReportingPeriod period, Basis basis) {
    return ruleId + "/" + period.start() + "/" + basis;
  }

  public String key() {
    return key(ruleId, period(), basis);
  }

  public ReportingPeriod period() {
    return new ReportingPeriod(dayOf(periodStart), dayOf(periodEnd));
  }

  /**
   * This ledger with {@code fact} counted as adding {@code amount}, filed under the month of its
   * {@link Contribution#time()}. A corroborated observation that only regroups another delivery
   * moves the totals and counts, but is not cited as the last event.
   */
  public Ledger add(Fact fact, double amount) {
    Contribution contribution = fact.contribution();
    SortedMap<String, Double> months = new TreeMap<>(monthlyTotals);
    months.merge(monthOf(contribution.time()), amount, Double::sum);
    SortedMap<String, Double> origins = new TreeMap<>(originTotals);
    if (fact.origin() != null) {
      origins.merge(fact.origin(), amount, Double::sum);
    }
    Builder next =
        toBuilder()
            .total(total + amount)
            .eventCount(eventCount + contribution.events())
            .deliveryCount(deliveries() + contribution.deliveries())
            .corroboratedDeliveryCount(
                corroboratedDeliveryCount + contribution.corroboratedDeliveries())
            .monthlyTotals(months)
            .originTotals(origins);
    if (contribution.ownRecord()) {
      next.recentEventIds(recentWith(fact.eventId()))
          .lastEvent(fact.eventTime(), fact.kind(), CitedReferences.of(fact.references()))
          .lastSources(contribution.sources());
    }
    return next.build();
  }

  /** Deliveries counted ({@link #eventCount} for ledgers stored before corroboration). */
  public long deliveries() {
    return deliveryCount == null ? eventCount : deliveryCount;
  }

  private List<String> recentWith(String eventId) {
    return recent(recentEventIds, List.of(eventId));
  }

  /**
   * The ids of {@code kept} followed by {@code added}, each once at its latest place, the latest
   * {@value #RECENT}.
   */
  static List<String> recent(List<String> kept, List<String> added) {
    List<String> recent = new ArrayList<>(kept);
    for (String eventId : added) {
      recent.remove(eventId);
      recent.add(eventId);
    }
    if (recent.size() > RECENT) {
      recent = recent.subList(recent.size() - RECENT, recent.size());
    }
    return List.copyOf(recent);
  }

  /**
   * This ledger with what {@code partial} adds: the same ledger as adding its facts one by one
   * ({@link #routedVia} and {@link #add} for each).
   */
  public Ledger plus(LedgerPartial partial) {
    SortedMap<String, Double> months = new TreeMap<>(monthlyTotals);
    partial.monthlyTotals().forEach((month, amount) -> months.merge(month, amount, Double::sum));
    SortedMap<String, Double> origins = new TreeMap<>(originTotals);
    partial.originTotals().forEach((origin, amount) -> origins.merge(origin, amount, Double::sum));
    Builder next =
        toBuilder()
            .total(total + partial.total())
            .eventCount(eventCount + partial.events())
            .deliveryCount(deliveries() + partial.deliveries())
            .corroboratedDeliveryCount(corroboratedDeliveryCount + partial.corroboratedDeliveries())
            .monthlyTotals(months)
            .originTotals(origins);
    if (partial.routed()) {
      boolean first = eventCount == 0;
      next.sharedRoute(
          first
              ? partial.sharedOrigin()
              : LedgerPartial.sameOrNull(sharedOrigin, partial.sharedOrigin()),
          first
              ? partial.sharedDestination()
              : LedgerPartial.sameOrNull(sharedDestination, partial.sharedDestination()));
    }
    if (partial.cites()) {
      next.recentEventIds(recent(recentEventIds, partial.recentEventIds()))
          .lastEvent(partial.lastEventTime(), partial.lastEventKind(), partial.lastReferences())
          .lastSources(partial.lastSources());
    }
    return next.build();
  }

  /**
   * This ledger about to count an event from {@code origin} to {@code destination}: the route is
   * kept while every event counted shares it, so an alert on the total can say where it is about.
   */
  public Ledger routedVia(String origin, String destination) {
    boolean first = eventCount == 0;
    return toBuilder()
        .sharedRoute(
            first ? origin : sameOrNull(sharedOrigin, origin),
            first ? destination : sameOrNull(sharedDestination, destination))
        .build();
  }

  private static String sameOrNull(String kept, String next) {
    return kept != null && kept.equals(next) ? kept : null;
  }

  /** This ledger with {@code label} remembered as raised. */
  public Ledger withRaised(String label) {
    List<String> raised = new ArrayList<>(raisedLevels);
    raised.add(label);
    return toBuilder().raisedLevels(raised).build();
  }

  /** This ledger judged against {@code newLimit}. */
  public Ledger withLimit(Double newLimit) {
    return toBuilder().limit(newLimit).build();
  }

  /** A builder holding this ledger's values. */
  public Builder toBuilder() {
    return new Builder()
        .ruleId(ruleId)
        .periodMillis(periodStart, periodEnd)
        .basis(basis)
        .unit(unit)
        .total(total)
        .eventCount(eventCount)
        .recentEventIds(recentEventIds)
        .raisedLevels(raisedLevels)
        .limit(limit)
        .lastEvent(lastEventTime, lastEventKind, lastReferences)
        .monthlyTotals(monthlyTotals)
        .sharedRoute(sharedOrigin, sharedDestination)
        .originTotals(originTotals)
        .deliveryCount(deliveryCount)
        .corroboratedDeliveryCount(corroboratedDeliveryCount)
        .lastSources(lastSources);
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

  private static SortedMap<String, Double> sorted(SortedMap<String, Double> map) {
    return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
  }

  private static LocalDate dayOf(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String monthOf(long eventTime) {
    return YearMonth.from(Instant.ofEpochMilli(eventTime).atZone(ZoneOffset.UTC)).toString();
  }

  /** Builds a {@link Ledger}; unset fields are empty, zero or null. */
  public static final class Builder {
    private String ruleId;
    private long periodStart;
    private long periodEnd;
    private Basis basis;
    private String unit;
    private double total;
    private long eventCount;
    private List<String> recentEventIds;
    private List<String> raisedLevels;
    private Double limit;
    private long lastEventTime;
    private EventKind lastEventKind;
    private List<String> lastReferences;
    private SortedMap<String, Double> monthlyTotals;
    private String sharedOrigin;
    private String sharedDestination;
    private SortedMap<String, Double> originTotals;
    private Long deliveryCount;
    private long corroboratedDeliveryCount;
    private List<String> lastSources;

    public Builder ruleId(String value) {
      ruleId = value;
      return this;
    }

    public Builder period(ReportingPeriod period) {
      return periodMillis(period.startMillis(), period.endMillis());
    }

    public Builder periodMillis(long start, long end) {
      periodStart = start;
      periodEnd = end;
      return this;
    }

    public Builder basis(Basis value) {
      basis = value;
      return this;
    }

    public Builder unit(String value) {
      unit = value;
      return this;
    }

    public Builder total(double value) {
      total = value;
      return this;
    }

    public Builder eventCount(long value) {
      eventCount = value;
      return this;
    }

    public Builder recentEventIds(List<String> value) {
      recentEventIds = value;
      return this;
    }

    public Builder raisedLevels(List<String> value) {
      raisedLevels = value;
      return this;
    }

    public Builder limit(Double value) {
      limit = value;
      return this;
    }

    public Builder lastEvent(long eventTime, EventKind kind, List<String> references) {
      lastEventTime = eventTime;
      lastEventKind = kind;
      lastReferences = references;
      return this;
    }

    public Builder monthlyTotals(SortedMap<String, Double> value) {
      monthlyTotals = value;
      return this;
    }

    public Builder sharedRoute(String origin, String destination) {
      sharedOrigin = origin;
      sharedDestination = destination;
      return this;
    }

    public Builder originTotals(SortedMap<String, Double> value) {
      originTotals = value;
      return this;
    }

    public Builder deliveryCount(Long value) {
      deliveryCount = value;
      return this;
    }

    public Builder corroboratedDeliveryCount(long value) {
      corroboratedDeliveryCount = value;
      return this;
    }

    public Builder lastSources(List<String> value) {
      lastSources = value;
      return this;
    }

    public Ledger build() {
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
          limit,
          lastEventTime,
          lastEventKind,
          lastReferences,
          monthlyTotals,
          sharedOrigin,
          sharedDestination,
          originTotals,
          deliveryCount,
          corroboratedDeliveryCount,
          lastSources);
    }
  }
}
