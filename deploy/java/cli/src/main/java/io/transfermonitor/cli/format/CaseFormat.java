package io.transfermonitor.cli.format;

import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.streams.cases.CaseHistory;
import io.transfermonitor.streams.cases.CaseSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the CLI shows cases and notifications: a table row per case ({@code cases list}, the end of
 * {@code demo --once}), a line per notification (the demo, as cases open and escalate), and a case
 * in full with its history ({@code cases show}). JSON is {@link AvroJson}'s.
 */
public final class CaseFormat {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String CASE_ROW = "%-56s  %-12s  %-8s  %6s  %-17s  %s";
  private static final String PAGE_ROW = "%-10s  %-8s  %-56s  %s";

  private CaseFormat() {}

  public static String tableHeader() {
    return String.format(
        Locale.ROOT,
        CASE_ROW,
        "CASE",
        "STATUS",
        "SEVERITY",
        "ALERTS",
        "LEVEL",
        "TOTALS AND EVENTS");
  }

  public static String tableRow(Case state) {
    return String.format(
        Locale.ROOT,
        CASE_ROW,
        state.getCaseId(),
        state.getStatus(),
        state.getSeverity(),
        state.getAlertCount(),
        state.getLevel() == null ? "-" : state.getLevel(),
        joined(CaseSummary.totals(state.getTotals()), CaseSummary.events(state)));
  }

  public static String notificationHeader() {
    return String.format(Locale.ROOT, PAGE_ROW, "PAGED", "SEVERITY", "CASE", "WHAT");
  }

  public static String notificationRow(CaseNotification n) {
    return String.format(
        Locale.ROOT,
        PAGE_ROW,
        n.getKind(),
        n.getSeverity(),
        n.getCaseId(),
        (n.getLevel() == null ? "" : n.getLevel() + ", ")
            + joined(CaseSummary.alerts(n.getAlertCount()), CaseSummary.totals(n.getTotals()))
            + ": "
            + n.getTitle());
  }

  /** The parts that say something, comma-separated: "1 alert, 120 containers". */
  private static String joined(String... parts) {
    return Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining(", "));
  }

  /** The case in full: what it is about, where it stands, its evidence and its history. */
  public static List<String> details(Case state, String auditTopic) {
    List<String> lines = new ArrayList<>();
    lines.add(state.getCaseId() + "  " + state.getStatus() + "  " + state.getSeverity());
    lines.add("  " + state.getTitle());
    lines.add(
        "  rule         "
            + state.getRuleId()
            + " ("
            + state.getRuleKind()
            + ", "
            + state.getLegalBasis()
            + ")");
    lines.add("  grouped by   " + String.join(", ", state.getGrouping()));
    if (state.getLevel() != null) {
      lines.add("  level        " + state.getLevel());
    }
    if (state.getSuppressedUntil() != null) {
      lines.add("  suppressed   until " + TIME.format(state.getSuppressedUntil()));
    }
    lines.add("  alerts       " + CaseSummary.of(state));
    lines.add(
        "  opened       "
            + TIME.format(state.getOpenedAt())
            + ", updated "
            + TIME.format(state.getUpdatedAt()));
    lines.add("  notified     " + state.getNotificationCount() + " times" + lastNotified(state));
    lines.add("  evidence     " + String.join(", ", state.getLatestEvidence()));
    lines.add("  sources      " + String.join(", ", state.getSources()));
    lines.add(
        state.getEarlierSteps() == 0
            ? "  history"
            : String.format(
                Locale.ROOT,
                "  history      the latest %d of %,d steps; every step is on %s",
                state.getHistory().size(),
                CaseHistory.steps(state),
                auditTopic));
    for (CaseHistoryEntry entry : state.getHistory()) {
      lines.add("    " + historyLine(entry));
    }
    return lines;
  }

  /** "2025-06-30 12:00:00Z SUPPRESSED -> SUPPRESSED by bob: route known (until ...)". */
  static String historyLine(CaseHistoryEntry e) {
    StringBuilder line =
        new StringBuilder(TIME.format(e.getAt()))
            .append("  ")
            .append(String.format(Locale.ROOT, "%-17s", e.getStep()))
            .append("  -> ")
            .append(String.format(Locale.ROOT, "%-12s", e.getStatus()));
    if (e.getBy() != null) {
      line.append("  by ").append(e.getBy()).append(": ").append(e.getReason());
    }
    if (e.getUntil() != null) {
      line.append(" (until ").append(TIME.format(e.getUntil())).append(')');
    }
    if (e.getAlertId() != null) {
      line.append("  alert ").append(e.getAlertId());
    }
    if (e.getNote() != null) {
      line.append("  [").append(e.getNote()).append(']');
    }
    return line.toString();
  }

  private static String lastNotified(Case state) {
    Instant last = state.getLastNotifiedAt();
    return last == null ? "" : ", last " + TIME.format(last);
  }
}
