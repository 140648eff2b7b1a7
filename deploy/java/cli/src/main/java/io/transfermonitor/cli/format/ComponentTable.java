package io.transfermonitor.cli.format;

import io.transfermonitor.model.Alert;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The components found in weapons, per maker's state, from the alerts that file them: how many
 * makers and findings, how many on the Common High Priority List, how many made after the rule's
 * day in force. Each alert is one finding (its id is the rule and the event id, each once).
 */
public final class ComponentTable {

  private ComponentTable() {}

  /** The table's lines, a header first; empty when no alert is about a component. */
  public static List<String> lines(Collection<Alert> alerts) {
    Map<String, Row> byCountry = new TreeMap<>();
    Map<String, Alert> once = new TreeMap<>();
    for (Alert alert : alerts) {
      if (alert.getMaker() != null) {
        once.put(alert.getAlertId(), alert);
      }
    }
    for (Alert alert : once.values()) {
      String country = alert.getMakerCountry() == null ? "-" : alert.getMakerCountry();
      byCountry.computeIfAbsent(country, c -> new Row()).add(alert);
    }
    List<String> lines = new ArrayList<>();
    if (byCountry.isEmpty()) {
      return lines;
    }
    lines.add("  components found in weapons, per maker's state");
    lines.add(
        String.format(
            "    %-8s %6s %9s %11s %11s",
            "state", "makers", "findings", "CHPL-listed", "made after"));
    byCountry.forEach(
        (country, row) ->
            lines.add(
                String.format(
                    "    %-8s %6d %9d %11d %11d",
                    country, row.makers.size(), row.findings, row.listed, row.madeAfter)));
    return lines;
  }

  private static final class Row {
    final Set<String> makers = new TreeSet<>();
    long findings;
    long listed;
    long madeAfter;

    void add(Alert alert) {
      makers.add(alert.getMaker());
      findings++;
      if (alert.getPriorityTier() != null) {
        listed++;
      }
      if (Boolean.TRUE.equals(alert.getMadeAfterInForce())) {
        madeAfter++;
      }
    }
  }
}
