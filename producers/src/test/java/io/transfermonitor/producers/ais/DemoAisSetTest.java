package io.transfermonitor.producers.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's AIS set: what the generator writes, decoded as {@code ais ingest} decodes it. */
class DemoAisSetTest {

  @Test
  void shouldBeExactlyWhatTheGeneratorWrites() throws IOException {
    // given the committed file
    List<String> committed = Files.readAllLines(DemoAisSet.FILE, StandardCharsets.US_ASCII);

    // when the generator runs again
    List<String> generated = DemoAisSet.generate();

    // then it writes the same lines: the data is reproducible from its seed
    assertThat(committed).isEqualTo(generated);
  }

  @Test
  void shouldDecodeEveryLineWithItsTagBlockTimeAndTheRegistersIdentities() throws IOException {
    // given the generated set
    String log = String.join("\n", DemoAisSet.generate());
    List<AisResult> results = new ArrayList<>();

    // when read as `ais ingest` reads an NMEA log
    AisSummary summary =
        new NmeaAisReader(NmeaAisReader.Options.of(Instant.EPOCH, "test"))
            .read(new StringReader(log), results::add);

    // then nothing is rejected, and the four vessels of the story send positions and voyage data
    assertThat(summary.rejected()).isZero();
    assertThat(summary.positions()).isBetween(500L, 3_000L);
    assertThat(summary.decodedByType().keySet()).containsExactly(1, 5);
    List<VesselPosition> positions =
        results.stream()
            .map(r -> ((AisResult.Decoded) r).record())
            .filter(VesselPosition.class::isInstance)
            .map(VesselPosition.class::cast)
            .toList();
    assertThat(positions)
        .extracting(VesselPosition::getMmsi)
        .containsOnly("273990103", "445990050", "273990098", "445990048");
    assertThat(positions)
        .allSatisfy(p -> assertThat(p.getTime()).isAfter(Instant.parse("2023-01-01T00:00:00Z")));
    assertThat(
            results.stream()
                .map(r -> ((AisResult.Decoded) r).record())
                .filter(VesselVoyage.class::isInstance)
                .map(v -> ((VesselVoyage) v).getMmsi() + "=" + ((VesselVoyage) v).getImo())
                .distinct())
        .containsExactlyInAnyOrder(
            "273990103=1890103", "445990050=8990050", "273990098=8990098", "445990048=8990048");
  }
}
