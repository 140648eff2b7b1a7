package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseTotal;
import io.transfermonitor.streams.alert.Amounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A case in a few words, for notifications and tables: "95 alerts, 20,400 containers, 9,000,000
 * rounds, events 2023-09-07..2025-03-20".
 */
public final class CaseSummary {

  private CaseSummary() {}

  /** Alerts, totals and the span of event time. */
  public static String of(Case state) {
    String totals = totals(state.getTotals());
    return alerts(state.getAlertCount())
        + (totals.isEmpty() ? "" : ", " + totals)
        + ", "
        + events(state);
  }

  /** "20,400 containers, 9,000,000 rounds". */
  public static String totals(List<CaseTotal> totals) {
    return totals.stream()
        .map(t -> Amounts.of(t.getAmount(), t.getUnit()))
        .collect(Collectors.joining(", "));
  }

  /** "event 2023-09-07", or "events 2023-09-07..2025-03-20". */
  public static String events(Case state) {
    LocalDate first = day(state.getFirstEventTime());
    LocalDate last = day(state.getLastEventTime());
    return first.equals(last) ? "event " + first : "events " + first + ".." + last;
  }

  /** "1 alert", "95 alerts". */
  public static String alerts(long count) {
    return count == 1 ? "1 alert" : Amounts.number(count) + " alerts";
  }

  private static LocalDate day(Instant time) {
    return time.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
