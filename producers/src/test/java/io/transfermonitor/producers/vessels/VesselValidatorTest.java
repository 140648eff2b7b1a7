package io.transfermonitor.producers.vessels;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.ingest.CsvReader;
import io.transfermonitor.producers.vessels.VesselValidator.FieldProblem;
import io.transfermonitor.producers.vessels.VesselValidator.Invalid;
import io.transfermonitor.producers.vessels.VesselValidator.Outcome;
import io.transfermonitor.producers.vessels.VesselValidator.Valid;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VesselValidatorTest {

  @Test
  void shouldMakeAVesselOfAGoodRow() {
    // given a row with every field, an IMO prefix, a country name and a thousands separator
    Map<String, String> row = row("IMO 9074729", "273990201", "Russian Federation", " 3,850.5 ");
    row.put("name", " EXAMPLE AURORA ");
    row.put("shipType", "Oil products tanker");
    row.put("owner", "Example Tankers LLC");
    row.put("manager", "");

    // when
    Outcome outcome = VesselValidator.check(row, "register.csv");

    // then
    assertThat(outcome).isInstanceOf(Valid.class);
    Valid valid = (Valid) outcome;
    assertThat(valid.warnings()).isEmpty();
    assertThat(valid.vessel())
        .isEqualTo(
            new VesselRecord(
                "9074729",
                "273990201",
                "EXAMPLE AURORA",
                "RUS",
                "Oil products tanker",
                3850.5,
                "Example Tankers LLC",
                null,
                "register.csv"));
  }

  @Test
  void shouldLoadAnImoNumberWithAWrongCheckDigitAndWarn() {
    // given the seed scenario's Kumsu 1, whose IMO number's check digit should be 7
    // when
    Outcome outcome = VesselValidator.check(row("8990012", "445990012", "PRK", "4350"), "demo");

    // then
    assertThat(outcome).isInstanceOf(Valid.class);
    assertThat(((Valid) outcome).vessel().getImo()).isEqualTo("8990012");
    assertThat(((Valid) outcome).warnings())
        .containsExactly(
            new FieldProblem(
                "imo",
                "IMO 8990012: check digit 2, the first six digits call for 7; loaded as given"));
  }

  @Test
  void shouldKeyAVesselWithoutImoNumberByMmsi() {
    // when a row has only an MMSI (an IMO number of zeros is none, as AIS sends it)
    Outcome outcome = VesselValidator.check(row("0000000", "445990301", "", ""), "demo");

    // then
    assertThat(outcome).isInstanceOf(Valid.class);
    VesselRecord vessel = ((Valid) outcome).vessel();
    assertThat(vessel.getImo()).isNull();
    assertThat(vessel.getFlag()).isNull();
    assertThat(VesselKey.of(vessel)).isEqualTo("MMSI:445990301");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "IMO of six digits   | 899001  | 445990012 | PRK    | 4350 | imo              | must be a"
            + " seven-digit IMO number, was '899001'",
        "IMO with letters    | 89900A2 | 445990012 | PRK    | 4350 | imo              | must be a"
            + " seven-digit IMO number, was '89900A2'",
        "MMSI of eight digits| 9074729 | 44599001  | PRK    | 4350 | mmsi             | must be a"
            + " nine-digit MMSI, was '44599001'",
        "neither             |         |           | PRK    | 4350 | imo              | no IMO"
            + " number and no MMSI: a vessel needs one of them as its key",
        "unknown flag code   | 9074729 |           | NKR    | 4350 | flag             | 'NKR' is"
            + " neither an ISO 3166-1 alpha-3 code nor a country name",
        "unknown country     | 9074729 |           | Atlantis | 4350 | flag           | 'Atlantis'"
            + " is neither an ISO 3166-1 alpha-3 code nor a country name",
        "deadweight text     | 9074729 |           | PRK    | 4.3 kt | deadweightTonnes | must be a"
            + " number of tonnes, was '4.3 kt'",
        "deadweight zero     | 9074729 |           | PRK    | 0    | deadweightTonnes | must be"
            + " positive, was 0",
        "deadweight negative | 9074729 |           | PRK    | -300 | deadweightTonnes | must be"
            + " positive, was -300",
      })
  void shouldRejectARowWithItsFieldAndReason(
      String what, String imo, String mmsi, String flag, String dwt, String field, String reason) {
    // when
    Outcome outcome = VesselValidator.check(row(imo, mmsi, flag, dwt), "demo");

    // then
    assertThat(outcome).as(what).isEqualTo(new Invalid(new FieldProblem(field, reason)));
  }

  @Test
  void shouldRejectAValueThatWasNotUtf8() {
    // given a name whose bytes were not UTF-8 (the reader marks them)
    Map<String, String> row = row("9074729", null, "PRK", null);
    row.put("name", "KUMSU" + CsvReader.NOT_UTF8);

    // then
    assertThat(VesselValidator.check(row, "demo"))
        .isEqualTo(new Invalid(new FieldProblem("name", "holds bytes that are not UTF-8")));
  }

  private static Map<String, String> row(String imo, String mmsi, String flag, String dwt) {
    Map<String, String> row = new HashMap<>();
    row.put("imo", imo);
    row.put("mmsi", mmsi);
    row.put("flag", flag);
    row.put("deadweightTonnes", dwt);
    return row;
  }
}
