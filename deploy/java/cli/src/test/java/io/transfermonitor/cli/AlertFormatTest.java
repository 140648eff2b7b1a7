package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.cli.format.AlertFormat;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Basis;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFormatTest {

  static Alert breach() {
    return Alert.newBuilder()
        .setAlertId("unscr-2397-cap/2024-01-01/OBSERVED/BREACH")
        .setRuleId("unscr-2397-cap")
        .setLegalBasis("UNSCR 2397 (2017) para 5")
        .setRuleKind(RuleKind.CAP)
        .setSeverity(Severity.CRITICAL)
        .setBasis(Basis.OBSERVED)
        .setPeriodStart(Instant.parse("2024-01-01T00:00:00Z"))
        .setPeriodEnd(Instant.parse("2025-01-01T00:00:00Z"))
        .setLevel("BREACH")
        .setThreshold(1.0)
        .setTotal(512_000.0)
        .setLimit(500_000.0)
        .setUnit("bbl")
        .setTriggeringEventIds(List.of("ev-1", "ev-2"))
        .setEventTime(Instant.parse("2024-06-01T10:15:30Z"))
        .setProcessedAt(Instant.parse("2024-06-01T10:15:31Z"))
        .setMessage("Refined petroleum deliveries reached 512000 bbl, above the 500000 bbl cap.")
        .build();
  }

  @Test
  void shouldShowTheAlertAsOneTableRowUnderTheHeader() {
    String header = AlertFormat.tableHeader();
    String row = AlertFormat.tableRow(breach());

    assertThat(header).startsWith("EVENT TIME").contains("SEVERITY", "RULE", "MESSAGE");
    assertThat(row)
        .startsWith("2024-06-01 10:15:30Z")
        .contains("CRITICAL", "CAP", "unscr-2397-cap", "BREACH")
        .endsWith("above the 500000 bbl cap.");
    assertThat(row.indexOf("CRITICAL")).isEqualTo(header.indexOf("SEVERITY"));
  }

  @Test
  void shouldWriteEveryFieldAsJsonWithIsoTimes() throws Exception {
    JsonNode json = new ObjectMapper().readTree(AlertFormat.jsonLine(breach()));

    assertThat(json.get("alertId").asText()).isEqualTo("unscr-2397-cap/2024-01-01/OBSERVED/BREACH");
    assertThat(json.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(json.get("total").asDouble()).isEqualTo(512_000.0);
    assertThat(json.get("eventTime").asText()).isEqualTo("2024-06-01T10:15:30Z");
    assertThat(json.get("periodStart").asText()).isEqualTo("2024-01-01T00:00:00Z");
    assertThat(json.get("eventKind").isNull()).isTrue();
    assertThat(json.get("triggeringEventIds")).hasSize(2);
    assertThat(AlertFormat.jsonLine(breach())).doesNotContain("\n");
  }
}
