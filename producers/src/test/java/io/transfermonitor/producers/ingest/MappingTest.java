package io.transfermonitor.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.producers.jsonl.EventJsonException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingTest {

  private static final String YAML =
      """
      source: Test sightings
      type: TANKER_DELIVERY
      id: { columns: [date, imo] }
      fields:
        header.sourceKind: { value: OBSERVED }
        header.eventTime: { column: date, format: "dd/MM/yyyy" }
        header.destination: { value: PRK }
        header.references: { column: refs, split: "|" }
        vesselImo: { column: imo }
        vesselFlag: { column: flag, map: { KP: PRK, RU: RUS } }
        productClass: { value: REFINED }
        product: { column: product, map: { "Diesel / gas oil": DIESEL }, default: REFINED_UNSPECIFIED }
        quantity: { column: qty, thousands: "," }
        unit: { column: unit, map: { bbl: BARREL, t: METRIC_TON } }
        shipToShip: { column: sts, map: { "yes": true, "no": false }, default: false }
      """;

  private static final List<String> HEADER =
      List.of("date", "imo", "flag", "product", "qty", "unit", "sts", "refs");

  private final RowMapper mapper = Mapping.parse(YAML, "test.yaml").bind(HEADER);

  private TankerDelivery map(String... row) {
    return (TankerDelivery) mapper.map(List.of(row));
  }

  @Test
  void shouldFillFieldsFromColumnsValueMapsConstantsAndDateFormats() {
    TankerDelivery t =
        map("19/03/2024", "9000033", "KP", "Diesel / gas oil", "29,000.5", "bbl", "yes", "a|b");

    assertThat(t.getHeader().getEventTime()).isEqualTo(Instant.parse("2024-03-19T00:00:00Z"));
    assertThat(t.getHeader().getSourceKind()).isEqualTo(SourceKind.OBSERVED);
    assertThat(t.getHeader().getSourceName()).isEqualTo("Test sightings");
    assertThat(t.getHeader().getDestination()).isEqualTo("PRK");
    assertThat(t.getHeader().getReferences()).containsExactly("a", "b");
    assertThat(t.getVesselFlag()).isEqualTo("PRK");
    assertThat(t.getProduct()).isEqualTo("DIESEL");
    assertThat(t.getQuantity()).isEqualTo(29_000.5);
    assertThat(t.getUnit()).isEqualTo("BARREL");
    assertThat(t.getShipToShip()).isTrue();
  }

  @Test
  void shouldUseDefaultsForEmptyColumnsAndPassUnmappedValuesThrough() {
    TankerDelivery t = map("19/03/2024", "9000033", "SL", "", "100", "gallon", "", "");

    assertThat(t.getProduct()).isEqualTo("REFINED_UNSPECIFIED");
    assertThat(t.getShipToShip()).isFalse();
    assertThat(t.getVesselFlag()).isEqualTo("SL"); // the validator rejects it, naming the field
    assertThat(t.getUnit()).isEqualTo("gallon");
  }

  @Test
  void shouldDeriveTheSameIdFromTheSameColumnsEveryTime() {
    RowMapper other = Mapping.parse(YAML, "test.yaml").bind(HEADER);
    List<String> row = List.of("19/03/2024", "9000033", "KP", "", "1", "bbl", "no", "");
    List<String> sameKeyOtherQuantity =
        List.of("19/03/2024", "9000033", "RU", "", "2", "t", "yes", "x");
    List<String> otherDay = List.of("20/03/2024", "9000033", "KP", "", "1", "bbl", "no", "");

    assertThat(other.eventId(row)).isEqualTo(mapper.eventId(row));
    assertThat(mapper.eventId(sameKeyOtherQuantity)).isEqualTo(mapper.eventId(row));
    assertThat(mapper.eventId(otherDay)).isNotEqualTo(mapper.eventId(row));
    assertThat(mapper.eventId(row))
        .isEqualTo(
            java.util
                .UUID
                .nameUUIDFromBytes(
                    "Test sightings\u001f19/03/2024\u001f9000033".getBytes(StandardCharsets.UTF_8))
                .toString());
  }

  @Test
  void shouldReadMonthOnlyDates() {
    RowMapper monthly =
        Mapping.parse(
                """
                source: Monthly
                type: tanker-delivery
                id: { columns: [month] }
                fields:
                  header.sourceKind: { value: REPORTED }
                  header.eventTime: { column: month, format: "MMMM yyyy" }
                  productClass: { value: REFINED }
                  product: { value: DIESEL }
                  quantity: { column: t }
                  unit: { value: METRIC_TON }
                """,
                "monthly.yaml")
            .bind(List.of("month", "t"));

    TankerDelivery t = (TankerDelivery) monthly.map(List.of("march 2024", "587.4"));

    assertThat(t.getHeader().getEventTime()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
  }

  @Test
  void shouldRejectAnImpossibleDateNamingFieldColumnAndFormat() {
    assertThatThrownBy(() -> map("30/02/2024", "9000033", "KP", "", "1", "bbl", "", ""))
        .isInstanceOf(EventJsonException.class)
        .satisfies(
            e -> {
              EventJsonException error = (EventJsonException) e;
              assertThat(error.field()).isEqualTo("header.eventTime");
              assertThat(error.reason())
                  .isEqualTo(
                      "'30/02/2024' in column 'date' is not a valid date of format 'dd/MM/yyyy'");
            });
  }

  @Test
  void shouldRejectANonNumericQuantityNamingTheField() {
    assertThatThrownBy(() -> map("19/03/2024", "9000033", "KP", "", "lots", "bbl", "", ""))
        .isInstanceOf(EventJsonException.class)
        .hasMessageContaining("field 'quantity'")
        .hasMessageContaining("\"lots\"");
  }

  @Test
  void shouldFailAtBindTimeOnAColumnTheFileDoesNotHave() {
    assertThatThrownBy(() -> Mapping.parse(YAML, "test.yaml").bind(List.of("date", "imo")))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("mapping test.yaml")
        .hasMessageContaining("no column 'refs'");
  }

  @Test
  void shouldFailOnAFieldTheEventDoesNotHave() {
    String typo = YAML.replace("vesselImo:", "vesselIMO:");
    assertThatThrownBy(() -> Mapping.parse(typo, "typo.yaml").bind(HEADER))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("TankerDelivery has no field 'vesselIMO'");
  }

  @Test
  void shouldRequireIdColumns() {
    String noId = YAML.replace("id: { columns: [date, imo] }\n", "");
    assertThatThrownBy(() -> Mapping.parse(noId, "no-id.yaml"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("same ids");
  }

  @Test
  void shouldRefuseAEuropeanNumberUnderCommaThousandsRatherThanReadItAThousandTimesTooSmall() {
    // given: the column is declared thousands ",", decimal "." (the default); the cell says
    // 3,450.5 tonnes the European way
    // when / then: refused, naming the field, the column, the notation and what does not fit
    assertThatThrownBy(() -> map("19/03/2024", "9000033", "KP", "", "3.450,5", "t", "", ""))
        .isInstanceOf(EventJsonException.class)
        .satisfies(
            e -> {
              EventJsonException error = (EventJsonException) e;
              assertThat(error.field()).isEqualTo("quantity");
              assertThat(error.reason())
                  .startsWith(
                      "\"3.450,5\" in column 'qty' does not fit the column's number format"
                          + " (decimal '.', thousands ',', as in 1,234.5): the thousands"
                          + " separator ',' comes after the decimal separator '.'");
            });
  }

  @Test
  void shouldRefuseThousandsGroupsThatAreNotThrees() {
    for (String bad : List.of("27,50", "2,7500", "27500,000", ",500")) {
      assertThatThrownBy(() -> map("19/03/2024", "9000033", "KP", "", bad, "bbl", "", ""))
          .as(bad)
          .isInstanceOf(EventJsonException.class)
          .hasMessageContaining("field 'quantity'")
          .hasMessageContaining("\"" + bad + "\" in column 'qty'");
    }
  }

  @Test
  void shouldReadNumbersInTheNotationTheMappingDeclares() {
    // given: a source that writes 3.450,5 for three thousand four hundred and fifty and a half
    String european =
        YAML.replace(
            "quantity: { column: qty, thousands: \",\" }",
            "quantity: { column: qty, thousands: \".\", decimal: \",\" }");
    RowMapper europeanMapper = Mapping.parse(european, "european.yaml").bind(HEADER);

    // when
    TankerDelivery grouped =
        (TankerDelivery)
            europeanMapper.map(List.of("19/03/2024", "9000033", "KP", "", "3.450,5", "t", "", ""));
    TankerDelivery plain =
        (TankerDelivery)
            europeanMapper.map(List.of("19/03/2024", "9000033", "KP", "", "27500", "t", "", ""));

    // then
    assertThat(grouped.getQuantity()).isEqualTo(3_450.5);
    assertThat(plain.getQuantity()).isEqualTo(27_500);
    assertThatThrownBy(
            () ->
                europeanMapper.map(
                    List.of("19/03/2024", "9000033", "KP", "", "3,450.5", "t", "", "")))
        .hasMessageContaining("the thousands separator '.' comes after the decimal separator ','");
  }

  @Test
  void shouldRefuseGroupedOrExponentNumbersInAColumnThatDeclaresNoSeparators() {
    // given: confidence declares nothing, so it takes 0.7 and nothing else
    String withConfidence =
        YAML.replace(
            "  header.destination: { value: PRK }\n",
            "  header.destination: { value: PRK }\n  header.confidence: { column: flag }\n");
    RowMapper confident = Mapping.parse(withConfidence, "c.yaml").bind(HEADER);

    // when / then
    for (String bad : List.of("0,7", "7e-1", "NaN")) {
      assertThatThrownBy(
              () -> confident.map(List.of("19/03/2024", "9000033", bad, "", "1", "t", "", "")))
          .as(bad)
          .isInstanceOf(EventJsonException.class)
          .hasMessageContaining("field 'header.confidence'")
          .hasMessageContaining("(decimal '.', no thousands separator, as in 1234.5)");
    }
    assertThat(
            ((TankerDelivery)
                    confident.map(List.of("19/03/2024", "9000033", "0.7", "", "1", "t", "", "")))
                .getHeader()
                .getConfidence())
        .isEqualTo(0.7);
  }

  @Test
  void shouldRefuseSeparatorsThatCannotBeReadAtLoadTime() {
    String onText =
        YAML.replace("vesselImo: { column: imo }", "vesselImo: { column: imo, thousands: \",\" }");
    String pointThousands = YAML.replace("thousands: \",\"", "thousands: \".\"");
    String same = YAML.replace("thousands: \",\"", "thousands: \",\", decimal: \",\"");
    String word = YAML.replace("thousands: \",\"", "thousands: \"comma\"");

    assertThatThrownBy(() -> Mapping.parse(onText, "m.yaml").bind(HEADER))
        .hasMessage(
            "mapping m.yaml: fields.vesselImo: thousands and decimal apply to number fields only,"
                + " and vesselImo is string");
    assertThatThrownBy(() -> Mapping.parse(pointThousands, "m.yaml").bind(HEADER))
        .hasMessageContaining("fields.quantity: thousands is '.'")
        .hasMessageContaining("decimal: \",\"");
    assertThatThrownBy(() -> Mapping.parse(same, "m.yaml").bind(HEADER))
        .hasMessage(
            "mapping m.yaml: fields.quantity: the thousands and the decimal separator are both"
                + " ','");
    assertThatThrownBy(() -> Mapping.parse(word, "m.yaml").bind(HEADER))
        .hasMessageContaining("fields.quantity.thousands: expected one character");
  }
}
