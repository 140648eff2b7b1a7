package io.transfermonitor.cli.format;

import io.transfermonitor.model.Alert;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How {@code transfer-monitor alerts} shows an {@link Alert}: a fixed-width table row for people,
 * or one JSON object per line (every field, times as ISO-8601 UTC) for tools.
 */
public final class AlertFormat {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String ROW = "%-20s  %-8s  %-11s  %-36s  %-17s  %s";

  private AlertFormat() {}

  public static String tableHeader() {
    return String.format(
        Locale.ROOT, ROW, "EVENT TIME", "SEVERITY", "KIND", "RULE", "LEVEL", "MESSAGE");
  }

  public static String tableRow(Alert alert) {
    return String.format(
        Locale.ROOT,
        ROW,
        TIME.format(alert.getEventTime()),
        alert.getSeverity(),
        alert.getRuleKind(),
        clip(alert.getRuleId(), 36),
        alert.getLevel() == null ? "-" : clip(alert.getLevel(), 17),
        alert.getMessage());
  }

  public static String jsonLine(Alert alert) {
    return AvroJson.line(alert);
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
