package io.transfermonitor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures README.md states for the summary of {@code demo --once}: events in, rejected, alerts,
 * the alerts of each rule it lists ("100 arms-embargo alerts", "1 dark-period alert"), by rule id,
 * and the cases they are filed in with the notifications those raised ("filed in 9 cases that
 * raised 15 notifications").
 *
 * @param alertsByRule alerts per rule id, for every rule the README names
 */
record ReadmeDemoSummary(
    long eventsIn,
    long rejected,
    long alerts,
    Map<String, Long> alertsByRule,
    long cases,
    long notifications) {

  /** The README's words for the rules of the default set that raise alerts in the demo. */
  private static final Map<String, String> RULE_BY_WORDS =
      Map.of(
          "refined-petroleum", "unscr-2397-refined-petroleum-cap",
          "arms-embargo", "unscr-1718-arms-embargo",
          "military-assistance", "unscr-1718-military-assistance",
          "overseas-worker", "unscr-2397-overseas-workers",
          "ship-to-ship", "unscr-2375-ship-to-ship",
          "designated-party", "unscr-1718-designated-parties",
          "reporting-gap", "reporting-gap-refined-petroleum",
          "dark-period", "ais-dark-period-dprk-waters",
          "weapon-component", "dprk-weapon-components");

  private static final Pattern TOTALS =
      Pattern.compile("([\\d,]+) events in, ([\\d,]+) rejected, ([\\d,]+) alerts:");
  private static final Pattern RULE_ALERTS = Pattern.compile("([\\d,]+) ([a-z-]+) alerts?\\b");
  private static final Pattern CASES =
      Pattern.compile("filed in ([\\d,]+) cases that raised ([\\d,]+) notifications");

  /** Reads the paragraph that begins "and it ends with a summary" from {@code readme}. */
  static ReadmeDemoSummary read(Path readme) throws IOException {
    String text = Files.readString(readme).replaceAll("\\s+", " ");
    int start = text.indexOf("it ends with a summary (`--once`)");
    if (start < 0) {
      throw new AssertionError(readme + " no longer describes the summary of demo --once");
    }
    String paragraph = text.substring(start, text.indexOf(". `DemoCommandIT`", start));
    Matcher totals = TOTALS.matcher(paragraph);
    if (!totals.find()) {
      throw new AssertionError(
          readme + ": no 'N events in, N rejected, N alerts:' in " + paragraph);
    }
    Matcher cases = CASES.matcher(paragraph);
    if (!cases.find()) {
      throw new AssertionError(
          readme + ": no 'filed in N cases that raised N notifications' in " + paragraph);
    }
    Map<String, Long> byRule = new TreeMap<>();
    Matcher rule = RULE_ALERTS.matcher(paragraph.substring(totals.end(), cases.start()));
    while (rule.find()) {
      String id = RULE_BY_WORDS.get(rule.group(2));
      if (id == null) {
        throw new AssertionError(readme + ": which rule are '" + rule.group(2) + "' alerts?");
      }
      byRule.merge(id, number(rule.group(1)), Long::sum);
    }
    return new ReadmeDemoSummary(
        number(totals.group(1)),
        number(totals.group(2)),
        number(totals.group(3)),
        byRule,
        number(cases.group(1)),
        number(cases.group(2)));
  }

  private static long number(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }
}
