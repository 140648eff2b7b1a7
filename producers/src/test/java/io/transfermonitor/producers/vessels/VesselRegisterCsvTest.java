package io.transfermonitor.producers.vessels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.ingest.MappingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VesselRegisterCsvTest {

  private static final Path EXAMPLE = Path.of("examples", "vessel-register");
  static final Path DEMO = Path.of("src", "main", "resources", "vessels", "demo-register.csv");

  @Test
  void shouldReadARegisterThroughItsMapping() throws IOException {
    // given the example registry export: semicolons, "IMO 1234567", country names
    VesselMapping mapping = VesselMapping.load(EXAMPLE.resolve("mapping.yaml"));

    // when
    RegisterContents read =
        VesselRegisterCsv.read(EXAMPLE.resolve("register.csv"), mapping, mapping.source());

    // then three vessels are read, keyed by IMO number or, without one, by MMSI
    assertThat(read.vessels())
        .extracting(VesselKey::of, VesselRecord::getName, VesselRecord::getFlag)
        .containsExactly(
            tuple("IMO:1900300", "EXAMPLE AURORA", "RUS"),
            tuple("MMSI:445990301", "EXAMPLE CORAL", "PRK"),
            tuple("IMO:1900329", "EXAMPLE DAWN", "PAN"));
    VesselRecord aurora = read.vessels().get(0);
    assertThat(aurora.getDeadweightTonnes()).isEqualTo(3850.0);
    assertThat(aurora.getManager()).isNull();
    assertThat(aurora.getSource()).isEqualTo("Example registry export");
    // and the bad MMSI is rejected, the wrong check digit loaded with a warning, each with its line
    assertThat(read.problems())
        .extracting(RegisterProblem::line, RegisterProblem::field, RegisterProblem::rejected)
        .containsExactly(tuple(3L, "mmsi", true), tuple(5L, "imo", false));
    assertThat(read.problems().get(0).describe())
        .isEqualTo(
            EXAMPLE.resolve("register.csv")
                + ":3: field 'mmsi': must be a nine-digit MMSI, was '45799020' (row rejected)");
    assertThat(read.problems().get(0).raw()).startsWith("IMO 1900312;45799020;EXAMPLE BREEZE");
  }

  @Test
  void shouldReadTheDemoRegisterWithTheSeedTankersCheckDigitWarnings() throws IOException {
    // when the demo register is read with the plain header
    RegisterContents read = VesselRegisterCsv.read(DEMO, VesselMapping.plain(), "demo");

    // then every row gives a vessel: the eight DPRK tankers, the Russian tanker and two cargo ships
    assertThat(read.vessels()).hasSize(11);
    assertThat(read.vessels().stream().filter(v -> "PRK".equals(v.getFlag())))
        .hasSize(8)
        .allSatisfy(v -> assertThat(v.getMmsi()).startsWith("445"));
    assertThat(read.vessels().stream().filter(v -> "RUS".equals(v.getFlag())))
        .hasSize(3)
        .allSatisfy(v -> assertThat(v.getMmsi()).startsWith("273"));
    assertThat(read.vessels())
        .allSatisfy(v -> assertThat(v.getDeadweightTonnes()).isBetween(1_000.0, 8_000.0));
    // and the nine scenario IMO numbers are loaded with a check-digit warning, the invented ones
    // not
    assertThat(read.rejected()).isEmpty();
    assertThat(read.problems()).hasSize(9).allSatisfy(p -> assertThat(p.field()).isEqualTo("imo"));
    assertThat(read.warnings()).isEmpty();
  }

  @Test
  void shouldRejectRowsThatAreNotRowsOfTheRegisterAndGoOn() {
    // given a plain-header file with a short row, an unbalanced quote, a repeated IMO number and
    // an unknown column
    String csv =
        String.join(
            "\n",
            "imo,mmsi,name,flag,callsign",
            "9074729,273990201,AURORA,RUS,UAAA",
            "9074729,273990202,AURORA II,RUS,UAAB",
            "1900300,273990203",
            "1900312,273990204,\"BREEZE\" X,RUS,UAAC",
            "1900324,273990201,CORAL,RUS,UAAD");

    // when
    RegisterContents read =
        VesselRegisterCsv.read("f.csv", new StringReader(csv), VesselMapping.plain(), "f.csv");

    // then
    assertThat(read.vessels())
        .extracting(VesselRecord::getImo)
        .containsExactly("9074729", "1900324");
    assertThat(read.problems())
        .extracting(RegisterProblem::line, RegisterProblem::reason, RegisterProblem::rejected)
        .containsExactly(
            tuple(3L, "IMO:9074729 already at line 2", true),
            tuple(4L, "row has 2 columns, the header has 5", true),
            tuple(5L, read.problems().get(2).reason(), true),
            tuple(6L, "MMSI 273990201 is also the MMSI of line 2", false));
    assertThat(read.problems().get(2).reason()).contains("quote");
    assertThat(read.warnings())
        .containsExactly(
            "column(s) [callsign] not read: the plain header is"
                + " imo,mmsi,name,flag,ship_type,deadweight_t,owner,manager; give a mapping"
                + " (--mapping FILE) to read other columns");
  }

  @Test
  void shouldRefuseAHeaderWithoutImoAndMmsiBeforeTheFirstRow() {
    // when a file in another layout is read with the plain mapping, then it fails naming the header
    assertThatThrownBy(
            () ->
                VesselRegisterCsv.read(
                    "other.csv",
                    new StringReader("IMO number;MMSI;Ship name\n9074729;273990201;X\n"),
                    VesselMapping.plain(),
                    "other.csv"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("[IMO number;MMSI;Ship name] has neither an imo nor an mmsi column")
        .hasMessageContaining("--mapping FILE");
  }
}
