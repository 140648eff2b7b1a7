package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.cli.format.AvroJson;
import io.transfermonitor.cli.format.CaseFormat;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseActionKind;
import io.transfermonitor.streams.cases.CaseActionLimits;
import io.transfermonitor.streams.cases.CaseFiling;
import io.transfermonitor.streams.cases.CaseKey;
import io.transfermonitor.streams.cases.CaseLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFormatTest {

  private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

  @Test
  void shouldShowACaseAsOneTableRowUnderTheHeader() {
    // when
    List<String> table = List.of(CaseFormat.tableHeader(), CaseFormat.tableRow(breachCase()));

    // then
    assertThat(table.get(0)).startsWith("CASE").contains("STATUS", "SEVERITY", "ALERTS", "LEVEL");
    assertThat(table.get(1))
        .startsWith("unscr-2397-cap/2024-01-01/OBSERVED")
        .contains("OPEN", "CRITICAL", "BREACH", "512,000 bbl, event 2024-06-01");
    assertThat(table.get(1).indexOf("OPEN")).isEqualTo(table.get(0).indexOf("STATUS"));
  }

  @Test
  void shouldShowACaseInFullWithWhoDidWhatAndWhy() {
    // given
    CaseAction suppress =
        CaseAction.newBuilder()
            .setActionId("a1")
            .setCaseId("unscr-2397-cap/2024-01-01/OBSERVED")
            .setAction(CaseActionKind.SUPPRESS)
            .setBy("bob")
            .setReason("reported to the Committee")
            .setRequestedAt(NOW)
            .setUntil(NOW.plus(Duration.ofDays(7)))
            .build();
    Case suppressed = CaseLifecycle.apply(breachCase(), suppress, NOW.toEpochMilli());

    // when
    List<String> lines = CaseFormat.details(suppressed, "tm.cases.audit");

    // then
    assertThat(lines.get(0)).isEqualTo("unscr-2397-cap/2024-01-01/OBSERVED  SUPPRESSED  CRITICAL");
    assertThat(lines)
        .contains("  grouped by   PERIOD=2024-01-01, BASIS=OBSERVED")
        .contains("  suppressed   until 2025-07-07 12:00:00Z")
        .contains(
            "    2025-06-30 12:00:00Z  SUPPRESSED         -> SUPPRESSED    by bob: reported to the"
                + " Committee (until 2025-07-07 12:00:00Z)");
  }

  @Test
  void shouldSayHowManyStepsTheHistoryShowsAndWhereTheOthersAreAndShowACutReasonAsCut() {
    // given: 24 actions, the last with a reason the monitor cut
    Case state = breachCase();
    CaseActionKind[] cycle = {
      CaseActionKind.ACKNOWLEDGE, CaseActionKind.RESOLVE, CaseActionKind.REOPEN
    };
    for (int i = 0; i < 24; i++) {
      CaseAction action =
          CaseAction.newBuilder()
              .setActionId("a" + i)
              .setCaseId(state.getCaseId())
              .setAction(cycle[i % 3])
              .setBy("carol")
              .setReason(i < 23 ? "step " + i : "n".repeat(5_000))
              .setRequestedAt(NOW)
              .build();
      state =
          CaseLifecycle.apply(
              state, CaseActionLimits.capped(action, null), NOW.toEpochMilli() + i * 1_000L);
    }

    // when
    List<String> lines = CaseFormat.details(state, "tm.cases.audit");

    // then
    int history =
        lines.indexOf("  history      the latest 20 of 25 steps; every step is on tm.cases.audit");
    assertThat(history).isPositive();
    assertThat(lines.subList(history + 1, lines.size())).hasSize(20);
    assertThat(lines.get(history + 1)).contains("by carol: step 4");
    assertThat(lines.get(lines.size() - 1))
        .contains("REOPENED           -> REOPENED      by carol: nnnn")
        .endsWith(
            "n [… cut by the monitor: 5,000 characters written, the first 4,000 kept; the whole"
                + " action is at the case-actions topic]");
  }

  @Test
  void shouldWriteACaseAsOneJsonObjectWithItsHistory() throws Exception {
    // when
    JsonNode json = new ObjectMapper().readTree(AvroJson.line(breachCase()));

    // then
    assertThat(json.get("caseId").asText()).isEqualTo("unscr-2397-cap/2024-01-01/OBSERVED");
    assertThat(json.get("totals").get(0).get("amount").asDouble()).isEqualTo(512_000.0);
    assertThat(json.get("history").get(0).get("step").asText()).isEqualTo("OPENED");
    assertThat(json.get("openedAt").asText()).isEqualTo("2025-06-30T12:00:00Z");
  }

  @Test
  void shouldReadWhenASuppressionEndsAsATimeADateOrADurationFromNow() {
    assertThat(CaseActionCommand.timeOf("2025-07-01T06:00:00Z", NOW))
        .isEqualTo(Instant.parse("2025-07-01T06:00:00Z"));
    assertThat(CaseActionCommand.timeOf("2025-07-01", NOW))
        .isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
    assertThat(CaseActionCommand.timeOf("7d", NOW.plusMillis(250)))
        .isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThatThrownBy(() -> CaseActionCommand.timeOf("next week", NOW))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("'next week' is not a time");
  }

  private static Case breachCase() {
    Alert alert = AlertFormatTest.breach();
    CaseKey key = CaseKey.of(alert, null);
    return CaseFiling.open(
            key.caseId(), key.title("Refined petroleum"), key.grouping(), alert, NOW.toEpochMilli())
        .state();
  }
}
