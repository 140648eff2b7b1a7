package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The one-command demo, run once as a user runs it ({@code demo --once --alerts-out FILE}): its own
 * embedded broker and registry, the default rules, the monitor and the seed scenario. Its summary
 * must be the one README.md states, so the README cannot drift from what the demo does.
 */
class DemoCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path README = ProjectFiles.of("README.md");

  @TempDir static Path dir;

  private static int exit;
  private static String out;
  private static List<JsonNode> alerts;

  @BeforeAll
  static void runTheDemoOnce() throws IOException {
    // given
    Path alertsFile = dir.resolve("alerts.jsonl");
    StringWriter printed = new StringWriter();
    CommandLine cli = TransferMonitor.commandLine();
    cli.setOut(new PrintWriter(printed, true));

    // when
    exit =
        cli.execute(
            "demo",
            "--once",
            "--alerts-out",
            alertsFile.toString(),
            "--data-dir",
            dir.resolve("data").toString());
    out = printed.toString();
    alerts =
        Files.exists(alertsFile)
            ? Files.readAllLines(alertsFile).stream().map(DemoCommandIT::parse).toList()
            : List.of();
  }

  @Test
  void shouldRaiseTheSeedScenarioAlertsAndExitWhenProcessed() {
    assertThat(exit).as(out).isZero();
    assertThat(capLevels(alerts, "OBSERVED"))
        .containsExactlyInAnyOrder("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
    assertThat(capLevels(alerts, "REPORTED")).isEmpty();
    assertThat(alerts)
        .filteredOn(a -> a.get("alertId").asText().endsWith("/OBSERVED/BREACH"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("periodStart").asText()).startsWith("2024-01-01");
              assertThat(a.get("total").asDouble()).isGreaterThanOrEqualTo(500_000);
              assertThat(a.get("legalBasis").asText()).contains("2397");
            });
    assertThat(rules(alerts))
        .contains(
            "unscr-1718-arms-embargo",
            "unscr-1718-military-assistance",
            "unscr-2397-overseas-workers");
    assertThat(alerts).extracting(a -> a.get("alertId").asText()).doesNotHaveDuplicates();
    assertThat(out).contains("Summary").contains("events in").contains("BREACH");
  }

  @Test
  void shouldRaiseThe2024ReportingGapAndCountTheDeliverySeenByTwoSourcesOnce() {
    assertThat(exit).as(out).isZero();
    assertThat(alerts)
        .extracting(a -> a.get("alertId").asText())
        .contains(
            "reporting-gap-refined-petroleum/2024-01-01/ALL/REPORTING_GAP",
            "reporting-gap-refined-petroleum/2024-01-01/ALL/UNREPORTED_BREACH",
            "reporting-gap-refined-petroleum/2024-01-01/RUS/REPORTING_GAP",
            "reporting-gap-refined-petroleum/2024-01-01/RUS/UNREPORTED_BREACH");
    // the cap totals as the aggregate ends (the totals an alert names depend on the order the
    // partitions are processed in): the AIS sighting of delivery 5 and the monitor's own AIS
    // call of Haebit 3 at Nampho (delivery 29) each counted once, the larger figure; the
    // monitor's own encounter of Sever 12 and Mirae 9 is evidence of delivery 28, not a
    // delivery of its own
    assertThat(out)
        .contains(
            "reporting-gap-refined-petroleum 2024 ALL: reported 300,600 bbl (60 %), observed"
                + " 1,101,187 bbl (220 %; 40 deliveries, 3 seen by more than one source): 3.7 ×"
                + " reported [REPORTING_GAP, UNREPORTED_BREACH]");
  }

  @Test
  void shouldFindTheScenariosShipsInTheAisLogTheDarkShuttleAndTheMeetingAtSea() {
    assertThat(exit).as(out).isZero();
    assertThat(out)
        .containsPattern(
            "(?m)^  ais +778 positions read: 5 port calls, 1 encounter, 1 dark period, 0 identity"
                + " anomalies$");
    // Demo Shuttle 1 silent for 18 h off Rajin, in a case of that vessel
    assertThat(alerts)
        .filteredOn(a -> a.get("ruleId").asText().equals("ais-dark-period-dprk-waters"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("caseId").asText()).endsWith("1890103");
              assertThat(a.get("message").asText()).contains("no AIS position for 18.2 h");
            });
    // Sever 12 and Mirae 9 side by side for 5 h: a ship-to-ship alert from AIS, beside the seed's
    assertThat(alerts)
        .filteredOn(a -> a.get("ruleId").asText().equals("unscr-2375-ship-to-ship"))
        .extracting(a -> a.get("alertId").asText())
        .hasSize(3)
        .anySatisfy(id -> assertThat(id).contains("/ais/encounter/273990098/445990048/"));
  }

  @Test
  void shouldPrintTheSummaryTheReadmeStates() throws IOException {
    // given the figures README.md states for demo --once
    ReadmeDemoSummary readme = ReadmeDemoSummary.read(README);

    // then the demo run printed and wrote exactly those
    assertThat(exit).as(out).isZero();
    assertThat(summaryFigure("events in")).isEqualTo(readme.eventsIn());
    assertThat(summaryFigure("rejected")).isEqualTo(readme.rejected());
    assertThat(summaryFigure("alerts")).isEqualTo(readme.alerts());
    assertThat(alerts).hasSize((int) readme.alerts());
    assertThat(countByRule(alerts)).isEqualTo(readme.alertsByRule());
    assertThat(summaryFigure("cases")).isEqualTo(readme.cases());
    assertThat(summaryFigure("notifications")).isEqualTo(readme.notifications());
  }

  @Test
  void shouldPrintEachCaseAsItOpensAndEndWithTheCasesWhoseCountsAddUpToTheAlerts() {
    assertThat(exit).as(out).isZero();
    Map<String, Long> alertsByCase =
        alerts.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.get("caseId").asText(), TreeMap::new, Collectors.counting()));
    assertThat(alertsByCase)
        .containsEntry("unscr-1718-arms-embargo/PRK/RUS", 95L)
        .containsEntry("unscr-1718-arms-embargo/RUS/PRK", 5L);
    alertsByCase.forEach(
        (caseId, count) -> {
          assertThat(out)
              .as("the line of %s opening", caseId)
              .containsPattern("(?m)^OPENED +[A-Z]+ +" + Pattern.quote(caseId) + " ");
          assertThat(out)
              .as("the cases table row of %s", caseId)
              .containsPattern(
                  "(?m)^" + Pattern.quote(caseId) + " +[A-Z]+ +[A-Z]+ +" + count + " ");
        });
    assertThat(out)
        .containsPattern(
            "(?m)^ESCALATED +CRITICAL +unscr-2397-refined-petroleum-cap/2024-01-01/OBSERVED +BREACH");
  }

  @Test
  void shouldFileTheComponentsFoundInTheKharkivMissileOnePerMakerAndShowThemPerState() {
    assertThat(exit).as(out).isZero();
    Map<String, Long> componentCases =
        alerts.stream()
            .filter(a -> a.get("ruleId").asText().equals("dprk-weapon-components"))
            .collect(
                Collectors.groupingBy(
                    a -> a.get("caseId").asText(), TreeMap::new, Collectors.counting()));
    assertThat(componentCases)
        .containsExactly(
            Map.entry("dprk-weapon-components/DEU/Example Maker DE-A", 1L),
            Map.entry("dprk-weapon-components/JPN/Example Maker JP-A", 1L),
            Map.entry("dprk-weapon-components/USA/Example Maker US-A", 2L),
            Map.entry("dprk-weapon-components/USA/Example Maker US-B", 1L));
    // the part found twice adds to its maker's case: one page for the case, not two
    assertThat(
            out.lines()
                .filter(
                    l ->
                        l.matches(
                            "^[A-Z]+ +[A-Z]+ +dprk-weapon-components/USA/Example Maker US-A .*")))
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .startsWith("OPENED ");
    assertThat(out)
        .containsPattern("(?m)^    state +makers +findings +CHPL-listed +made after$")
        .containsPattern("(?m)^    DEU +1 +1 +0 +1$")
        .containsPattern("(?m)^    JPN +1 +1 +1 +1$")
        .containsPattern("(?m)^    USA +2 +3 +3 +3$");
  }

  /** The figure on the summary line {@code " <label> <figure>"}. */
  private static long summaryFigure(String label) {
    Matcher line = Pattern.compile("(?m)^  " + label + " +(\\d+)$").matcher(out);
    assertThat(line.find()).as("summary line '%s' in:%n%s", label, out).isTrue();
    return Long.parseLong(line.group(1));
  }

  private static Map<String, Long> countByRule(List<JsonNode> alerts) {
    return alerts.stream()
        .collect(
            Collectors.groupingBy(
                a -> a.get("ruleId").asText(), TreeMap::new, Collectors.counting()));
  }

  private static List<String> capLevels(List<JsonNode> alerts, String basis) {
    return alerts.stream()
        .filter(a -> a.get("ruleId").asText().equals("unscr-2397-refined-petroleum-cap"))
        .filter(a -> basis.equals(a.get("basis").asText()))
        .map(a -> a.get("level").asText())
        .toList();
  }

  private static List<String> rules(List<JsonNode> alerts) {
    return alerts.stream().map(a -> a.get("ruleId").asText()).distinct().toList();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }
}
