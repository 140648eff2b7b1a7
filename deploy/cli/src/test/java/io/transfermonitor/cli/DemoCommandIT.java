package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The one-command demo, run as a user runs it ({@code demo --once --alerts-out FILE}): its own
 * embedded broker and registry, the default rules, the monitor and the seed scenario.
 */
class DemoCommandIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void shouldRaiseTheSeedScenarioAlertsAndExitWhenProcessed() throws IOException {
    // given
    Path alertsFile = dir.resolve("alerts.jsonl");
    StringWriter out = new StringWriter();
    CommandLine cli = TransferMonitor.commandLine();
    cli.setOut(new PrintWriter(out, true));

    // when
    int exit =
        cli.execute(
            "demo",
            "--once",
            "--alerts-out",
            alertsFile.toString(),
            "--data-dir",
            dir.resolve("data").toString());

    // then
    assertThat(exit).as(out.toString()).isZero();
    List<JsonNode> alerts =
        Files.readAllLines(alertsFile).stream().map(DemoCommandIT::parse).toList();
    assertThat(capLevels(alerts, "OBSERVED"))
        .containsExactlyInAnyOrder("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
    assertThat(capLevels(alerts, "REPORTED")).isEmpty();
    assertThat(alerts)
        .filteredOn(a -> a.get("alertId").asText().contains("BREACH"))
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
    assertThat(out.toString()).contains("Summary").contains("events in").contains("BREACH");
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
