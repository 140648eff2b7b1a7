package io.transfermonitor.producers.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;
import io.transfermonitor.producers.ingest.MappingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AisCsvReaderTest {

  static final Path EXAMPLES = Path.of("examples");

  final List<AisResult> results = new ArrayList<>();

  AisSummary read(String example) throws IOException {
    AisCsvMapping mapping = AisCsvMapping.load(EXAMPLES.resolve(example).resolve("mapping.yaml"));
    try (var in = Files.newBufferedReader(EXAMPLES.resolve(example).resolve("positions.csv"))) {
      return new AisCsvReader(mapping).read(in, results::add);
    }
  }

  <T> List<T> records(Class<T> type) {
    return results.stream()
        .filter(AisResult.Decoded.class::isInstance)
        .map(r -> ((AisResult.Decoded) r).record())
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  List<AisResult.Rejected> rejected() {
    return results.stream()
        .filter(AisResult.Rejected.class::isInstance)
        .map(AisResult.Rejected.class::cast)
        .toList();
  }

  @Test
  void shouldReadTheNoaaMarineCadastreLayout() throws IOException {
    // given the NOAA example: a tanker, a tug with not-available codes, a class B without static
    // data, a row without a position and a cargo ship
    // when read through its mapping
    AisSummary summary = read("ais-noaa-marinecadastre");

    // then four positions, three voyages and the row at 91/181 rejected
    assertThat(summary.positions()).isEqualTo(4);
    assertThat(summary.voyages()).isEqualTo(3);
    assertThat(rejected())
        .extracting(AisResult.Rejected::line, AisResult.Rejected::reason)
        .containsExactly(tuple(5L, RejectReason.NO_POSITION));
    VesselPosition tanker = records(VesselPosition.class).get(0);
    assertThat(tanker.getMmsi()).isEqualTo("367000001");
    assertThat(tanker.getTime()).isEqualTo(Instant.parse("2024-03-01T00:00:05Z"));
    assertThat(tanker.getLatitude()).isEqualTo(29.3021);
    assertThat(tanker.getHeadingDegrees()).isEqualTo(145);
    assertThat(tanker.getSource()).isEqualTo("NOAA MarineCadastre");
    VesselVoyage tankerVoyage = records(VesselVoyage.class).get(0);
    assertThat(tankerVoyage.getImo()).as("'IMO' stripped").isEqualTo("9000001");
    assertThat(tankerVoyage.getShipType()).isEqualTo(80);
    assertThat(tankerVoyage.getDraughtMetres()).isEqualTo(10.4);
    VesselPosition tug = records(VesselPosition.class).get(1);
    assertThat(tug.getCourseDegrees()).as("360: not available").isNull();
    assertThat(tug.getHeadingDegrees()).as("511: not available").isNull();
    assertThat(tug.getNavigationStatus()).as("15: not defined").isNull();
    assertThat(records(VesselVoyage.class).get(1).getImo()).isNull();
  }

  @Test
  void shouldReadTheDanishMaritimeAuthorityLayout() throws IOException {
    // given the DMA example: words for ship types and statuses, "Unknown" for absent values
    // when read through its mapping
    AisSummary summary = read("ais-danish-maritime-authority");

    // then three positions, two voyages, and the rows without a position or MMSI rejected
    assertThat(summary.positions()).isEqualTo(3);
    assertThat(summary.voyages()).isEqualTo(2);
    assertThat(rejected())
        .extracting(AisResult.Rejected::line, AisResult.Rejected::reason)
        .containsExactly(tuple(5L, RejectReason.NO_POSITION), tuple(6L, RejectReason.BAD_VALUE));
    assertThat(rejected().get(1).detail()).contains("column 'MMSI'", "21900000X");
    VesselPosition tanker = records(VesselPosition.class).get(0);
    assertThat(tanker.getTime()).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(tanker.getNavigationStatus()).isZero();
    VesselVoyage tankerVoyage = records(VesselVoyage.class).get(0);
    assertThat(tankerVoyage.getShipType()).isEqualTo(80);
    assertThat(tankerVoyage.getImo()).isEqualTo("9000011");
    assertThat(tankerVoyage.getEta()).isEqualTo("03-03 14:30");
    assertThat(tankerVoyage.getLengthMetres()).isEqualTo(170.0);
    VesselPosition ferry = records(VesselPosition.class).get(1);
    assertThat(ferry.getNavigationStatus()).isEqualTo(5);
    assertThat(ferry.getHeadingDegrees()).as("Unknown").isNull();
    assertThat(records(VesselVoyage.class).get(1).getImo()).as("Unknown").isNull();
  }

  @Test
  void shouldFailBeforeTheFirstRowWhenAMappedColumnIsMissing() throws IOException {
    // given the NOAA mapping and a file whose header lacks the LAT column
    AisCsvMapping mapping =
        AisCsvMapping.load(EXAMPLES.resolve("ais-noaa-marinecadastre/mapping.yaml"));
    String csv = "MMSI,BaseDateTime,LON\n367000001,2024-03-01T00:00:05,-94.7\n";

    // when read, then the run fails naming the mapping and the column
    assertThatThrownBy(() -> new AisCsvReader(mapping).read(new StringReader(csv), results::add))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("mapping.yaml")
        .hasMessageContaining("no column 'LAT'");
  }
}
