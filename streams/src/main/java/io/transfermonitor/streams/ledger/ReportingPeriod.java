package io.transfermonitor.streams.ledger;

import io.transfermonitor.model.PeriodSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An accounting period of a rule, [start, end) in UTC: {@code lengthMonths} months from an anchor
 * day ({@code 1 January} for refined petroleum, {@code 22 December} for crude oil). {@link #of}
 * finds the period an event time belongs to.
 *
 * @param start first day of the period (inclusive)
 * @param end first day of the next period (exclusive)
 */
public record ReportingPeriod(LocalDate start, LocalDate end) {

  /** 12 months from 1 January, used when a rule names no period. */
  public static final PeriodSpec CALENDAR_YEAR = new PeriodSpec(1, 1, 12);

  /**
   * The period of {@code spec} (or the calendar year when null) that contains {@code eventTime}.
   *
   * @throws IllegalArgumentException when the spec is not a valid anchor (month 1-12, day 1-28,
   *     length dividing 12)
   */
  public static ReportingPeriod of(PeriodSpec spec, long eventTimeMillis) {
    PeriodSpec s = spec == null ? CALENDAR_YEAR : spec;
    validate(s);
    LocalDate day = Instant.ofEpochMilli(eventTimeMillis).atZone(ZoneOffset.UTC).toLocalDate();
    // the anchor in the previous year always lies at or before the day; step forward from there
    LocalDate start = LocalDate.of(day.getYear() - 1, s.getAnchorMonth(), s.getAnchorDay());
    LocalDate next = start.plusMonths(s.getLengthMonths());
    while (!next.isAfter(day)) {
      start = next;
      next = start.plusMonths(s.getLengthMonths());
    }
    return new ReportingPeriod(start, next);
  }

  private static void validate(PeriodSpec s) {
    if (s.getAnchorMonth() < 1 || s.getAnchorMonth() > 12) {
      throw new IllegalArgumentException(
          "period anchorMonth must be 1-12, was " + s.getAnchorMonth());
    }
    if (s.getAnchorDay() < 1 || s.getAnchorDay() > 28) {
      throw new IllegalArgumentException("period anchorDay must be 1-28, was " + s.getAnchorDay());
    }
    if (s.getLengthMonths() < 1 || 12 % s.getLengthMonths() != 0) {
      throw new IllegalArgumentException(
          "period lengthMonths must divide 12, was " + s.getLengthMonths());
    }
  }

  /** The period from {@code startMillis} to {@code endMillis}, both midnight UTC. */
  public static ReportingPeriod ofMillis(long startMillis, long endMillis) {
    return new ReportingPeriod(dayOf(startMillis), dayOf(endMillis));
  }

  private static LocalDate dayOf(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** Start as epoch millis (midnight UTC). */
  public long startMillis() {
    return start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** End as epoch millis (midnight UTC, exclusive). */
  public long endMillis() {
    return end.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** {@code 2024-01-01..2025-01-01}. */
  @Override
  public String toString() {
    return start.format(DateTimeFormatter.ISO_LOCAL_DATE)
        + ".."
        + end.format(DateTimeFormatter.ISO_LOCAL_DATE);
  }
}
