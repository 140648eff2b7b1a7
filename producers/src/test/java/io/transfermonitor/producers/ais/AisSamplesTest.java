package io.transfermonitor.producers.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public samples in {@code ../shared/data/ais} (pyais and Global Fishing Watch ais-tools):
 * every line decodes or is rejected with a reason, and the counts per message type are what this
 * decoder found once and a person checked in part: the pyais README's type 1 (MMSI 227006760 at
 * 49.475577 N, 0.13138 E, 0.0 kn, course 36.7) and the two-part type 5 that gpsd's AIVDM guide and
 * the pyais README decode as EVER DIADEM (IMO 9134270, call sign 3FOF8, type 70, 225 + 70 by 1 + 31
 * m, draught 12.2, NEW YORK, ETA 05-15 14:00); the rejected lines by their reasons, one by one.
 */
class AisSamplesTest {

  static final Path DATA = ProjectFiles.root().getParent().resolve("shared/data/ais");
  static final Instant READ = Instant.parse("2026-01-01T00:00:00Z");

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of(
            "mixed.txt",
            Map.of(1, 8L, 5, 2L),
            Map.of(RejectReason.NOT_AIS, 11L, RejectReason.BAD_TAG_BLOCK, 3L)),
        Arguments.of(
            "nmea_data_sample.txt",
            Map.of(1, 663L, 3, 76L, 18, 19L, 24, 2L),
            Map.of(
                RejectReason.MALFORMED_SENTENCE, 100L,
                RejectReason.MISSING_FRAGMENT, 20L,
                RejectReason.UNSUPPORTED_TYPE, 8L,
                RejectReason.NOT_A_VESSEL, 6L,
                RejectReason.NO_POSITION, 4L)),
        Arguments.of("timestamped.ais", Map.of(1, 4L), Map.of(RejectReason.NOT_AIS, 1L)),
        Arguments.of(
            "gfw-ais-tools/bad-tagblock-group.nmea",
            Map.of(),
            Map.of(RejectReason.BAD_TAG_BLOCK, 2L)),
        Arguments.of(
            "gfw-ais-tools/bad-type5.nmea",
            Map.of(),
            Map.of(RejectReason.NOT_AIS, 3L, RejectReason.BAD_BIT_COUNT, 3L)),
        Arguments.of(
            "gfw-ais-tools/errors.nmea",
            Map.of(1, 1L),
            Map.of(RejectReason.BAD_CHECKSUM, 2L, RejectReason.BAD_BIT_COUNT, 2L)),
        Arguments.of(
            "gfw-ais-tools/mixed_types.nmea",
            Map.of(1, 5L, 2, 5L, 3, 5L, 5, 5L, 9, 5L, 18, 4L, 19, 5L, 21, 5L, 24, 5L, 27, 5L),
            Map.of(
                RejectReason.UNSUPPORTED_TYPE, 49L,
                RejectReason.NOT_A_VESSEL, 5L,
                RejectReason.OUT_OF_RANGE, 1L)),
        Arguments.of(
            "gfw-ais-tools/multi-part.nmea",
            Map.of(5, 10L),
            Map.of(RejectReason.UNSUPPORTED_TYPE, 73L)),
        Arguments.of(
            "gfw-ais-tools/sample.nmea",
            Map.of(18, 1L, 24, 1L),
            Map.of(RejectReason.BAD_BIT_COUNT, 1L)),
        Arguments.of(
            "gfw-ais-tools/single-message-type-5.nmea",
            Map.of(),
            Map.of(RejectReason.BAD_CHECKSUM, 1L)),
        Arguments.of(
            "gfw-ais-tools/spire-test.nmea", Map.of(), Map.of(RejectReason.BAD_TAG_BLOCK, 2L)),
        Arguments.of(
            "gfw-ais-tools/type1-bad-bitcount.nmea",
            Map.of(),
            Map.of(RejectReason.BAD_BIT_COUNT, 12L)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldDecodeOrRejectEveryLineWithTheCountsPerType(
      String file, Map<Integer, Long> types, Map<RejectReason, Long> reasons) throws IOException {
    // given a public sample file
    Path path = DATA.resolve(file);
    List<AisResult> results = new ArrayList<>();

    // when it is read
    AisSummary summary = read(path, results);

    // then each message type and each rejection reason is counted as checked
    assertThat(summary.decodedByType()).containsExactlyInAnyOrderEntriesOf(types);
    assertThat(summary.rejectedByReason()).containsExactlyInAnyOrderEntriesOf(reasons);
    // and every line is accounted for: a record, a rejection with a reason, blank or a $PGHP time
    Set<Long> accounted = new HashSet<>();
    for (AisResult result : results) {
      if (result instanceof AisResult.Decoded decoded) {
        accounted.addAll(decoded.lines());
      } else {
        AisResult.Rejected rejected = (AisResult.Rejected) result;
        assertThat(rejected.detail()).isNotNull();
        accounted.add(rejected.line());
      }
    }
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    LongStream.rangeClosed(1, lines.size())
        .filter(n -> !accounted.contains(n))
        .forEach(
            n -> {
              String line = lines.get((int) n - 1).strip();
              assertThat(line.isEmpty() || line.startsWith("$PGHP,1,"))
                  .as("line %d is neither decoded, rejected, blank nor a time: %s", n, line)
                  .isTrue();
            });
    assertThat(summary.lines()).isEqualTo(lines.size());
  }

  @Test
  void shouldDecodeTheDocumentedPositionAndVoyage() throws IOException {
    // given pyais's mixed sample, with the README's type 1 and the two-part EVER DIADEM type 5
    List<AisResult> results = new ArrayList<>();

    // when it is read
    read(DATA.resolve("mixed.txt"), results);

    // then both decode to the documented values
    VesselPosition position = (VesselPosition) ((AisResult.Decoded) results.get(1)).record();
    assertThat(position.getMmsi()).isEqualTo("227006760");
    assertThat(position.getLatitude()).isCloseTo(49.475577, within(1e-6));
    assertThat(position.getLongitude()).isEqualTo(0.13138);
    assertThat(position.getSpeedKnots()).isEqualTo(0.0);
    assertThat(position.getCourseDegrees()).isEqualTo(36.7);
    assertThat(position.getHeadingDegrees()).as("511: not available").isNull();
    VesselVoyage voyage =
        results.stream()
            .filter(r -> r instanceof AisResult.Decoded d && d.record() instanceof VesselVoyage)
            .map(r -> (VesselVoyage) ((AisResult.Decoded) r).record())
            .findFirst()
            .orElseThrow();
    assertThat(voyage.getMmsi()).isEqualTo("351759000");
    assertThat(voyage.getImo()).isEqualTo("9134270");
    assertThat(voyage.getName()).isEqualTo("EVER DIADEM");
    assertThat(voyage.getCallSign()).isEqualTo("3FOF8");
    assertThat(voyage.getShipType()).isEqualTo(70);
    assertThat(voyage.getLengthMetres()).isEqualTo(295.0);
    assertThat(voyage.getBeamMetres()).isEqualTo(32.0);
    assertThat(voyage.getDraughtMetres()).isEqualTo(12.2);
    assertThat(voyage.getDestination()).isEqualTo("NEW YORK");
    assertThat(voyage.getEta()).isEqualTo("05-15 14:00");
  }

  static AisSummary read(Path path, List<AisResult> results) throws IOException {
    NmeaAisReader reader =
        new NmeaAisReader(NmeaAisReader.Options.of(READ, path.getFileName().toString()));
    try (var in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return reader.read(in, results::add);
    }
  }
}
