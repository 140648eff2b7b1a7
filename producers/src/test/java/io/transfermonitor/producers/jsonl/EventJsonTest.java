package io.transfermonitor.producers.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.producers.scenario.SeedScenarioFile;
import io.transfermonitor.schemas.EventTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventJsonTest {

  private static final String TANKER =
      """
      {"type":"%s","header":{"eventId":"t-1","sourceName":"test","sourceKind":"OBSERVED",\
      "eventTime":"%s"},"productClass":"REFINED","product":"DIESEL","quantity":%s,"unit":"BARREL"}\
      """;

  private static String tanker(String type, String time, String quantity) {
    return TANKER.formatted(type, time, quantity);
  }

  @ParameterizedTest
  @EnumSource(EventKind.class)
  void shouldReadBackWhatItWritesForEveryKind(EventKind kind) throws IOException {
    // the seed scenario's events, then the README's example of a kind the seeds do not report
    Map<EventKind, SpecificRecord> firstOfKind = new EnumMap<>(EventKind.class);
    SeedScenarioFile.events().forEach(e -> firstOfKind.putIfAbsent(EventTypes.kindOf(e), e));
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("{\"type\":")) {
        SpecificRecord example = EventJson.read(line, 1);
        firstOfKind.putIfAbsent(EventTypes.kindOf(example), example);
      }
    }
    SpecificRecord event = firstOfKind.get(kind);

    String line = EventJson.write(event);

    assertThat(line).startsWith("{\"type\":\"" + EventJson.typeName(kind) + "\",\"header\":{");
    assertThat(line).doesNotContain("\n");
    assertThat(EventJson.read(line, 1)).isEqualTo(event);
  }

  @Test
  void shouldAcceptBothCaseStylesOfTheType() {
    assertThat(EventJson.read(tanker("tanker-delivery", "2024-03-01T00:00:00Z", "1"), 1))
        .isEqualTo(EventJson.read(tanker("TANKER_DELIVERY", "2024-03-01T00:00:00Z", "1"), 1));
  }

  @Test
  void shouldFillDefaultsAndReadBareDatesAsMidnightUtc() {
    TankerDelivery t =
        (TankerDelivery) EventJson.read(tanker("tanker-delivery", "2024-03-01", "5"), 1);

    assertThat(t.getHeader().getEventTime()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(t.getHeader().getConfidence()).isEqualTo(1.0);
    assertThat(t.getHeader().getReferences()).isEmpty();
    assertThat(t.getShipToShip()).isFalse();
    assertThat(t.getVesselImo()).isNull();
  }

  @Test
  void shouldNameLineAndFieldOfABadTime() {
    assertThatThrownBy(() -> EventJson.read(tanker("tanker-delivery", "March 2024", "1"), 7))
        .isInstanceOf(EventJsonException.class)
        .hasMessage(
            "line 7: field 'header.eventTime': expected an ISO-8601 time such as"
                + " 2024-03-15T00:00:00Z, got \"March 2024\"");
  }

  @Test
  void shouldNameAMissingRequiredField() {
    String line = tanker("tanker-delivery", "2024-03-01", "1").replace(",\"unit\":\"BARREL\"", "");
    assertThatThrownBy(() -> EventJson.read(line, 3))
        .hasMessage("line 3: field 'unit': missing required field");
  }

  @Test
  void shouldRejectUnknownKindsEnumSymbolsAndFields() {
    assertThatThrownBy(() -> EventJson.read(tanker("pipeline-flow", "2024-03-01", "1"), 1))
        .hasMessageStartingWith("line 1: field 'type': unknown event kind 'pipeline-flow'");
    assertThatThrownBy(
            () ->
                EventJson.read(
                    tanker("tanker-delivery", "2024-03-01", "1").replace("REFINED", "DISTILLED"),
                    2))
        .hasMessage("line 2: field 'productClass': 'DISTILLED' is not one of [REFINED, CRUDE]");
    assertThatThrownBy(
            () ->
                EventJson.read(
                    tanker("tanker-delivery", "2024-03-01", "1").replace("\"unit\"", "\"units\""),
                    4))
        .hasMessageStartingWith("line 4: field 'units': unknown field for TankerDelivery");
  }

  @Test
  void shouldRejectTextThatIsNotOneJsonObject() {
    assertThatThrownBy(() -> EventJson.read("{\"type\": ", 9))
        .hasMessageStartingWith("line 9: not valid JSON");
    assertThatThrownBy(() -> EventJson.read("[1,2]", 10))
        .hasMessage("line 10: expected one JSON object per line");
    assertThatThrownBy(() -> EventJson.read("{\"header\":{}}", 11))
        .hasMessageStartingWith("line 11: field 'type': missing");
  }

  @Test
  void shouldRejectAQuantityThatIsNotANumber() {
    assertThatThrownBy(() -> EventJson.read(tanker("tanker-delivery", "2024-03-01", "\"many\""), 5))
        .hasMessage("line 5: field 'quantity': expected a number, got \"many\"");
  }
}
