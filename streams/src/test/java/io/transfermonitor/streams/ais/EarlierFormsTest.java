package io.transfermonitor.streams.ais;

import static io.transfermonitor.streams.ais.Tracks.HOUR;
import static io.transfermonitor.streams.ais.Tracks.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.internal.EncounterCellRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * What an earlier monitor stored reads on: the encounter cells (version 1, before a contact said
 * whether it was announced; version 2, before it said whether its event had gone out), vessel
 * tracks (version 1, before a track said when its vessel came back from the dark) and cell pings
 * (form 3, before they carried it).
 */
class EarlierFormsTest {

  private static final long T0 = Instant.parse("2024-05-07T00:00:00Z").toEpochMilli();
  private static final Gazetteer GAZETTEER = new Gazetteer(List.of(), List.of());

  @Test
  void shouldReadACellAnEarlierMonitorStoredAndReportItsEncounterWithItsEventOnce() {
    // given a cell of an encounter 2 h 30 min long, stored in version 1 while it went on
    EncounterSea sea = new EncounterSea(EncounterParams.defaults(), GAZETTEER);
    EncountersSerde serde = new EncountersSerde(sea.cells, sea.params);
    List<Ping> pings =
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 4 * HOUR, 150);
    sea.reportsWithoutEnding(pings.stream().filter(p -> p.time() < T0 + 150 * MINUTE).toList());
    sea.byCell.replaceAll(
        (cell, state) -> {
          byte[] current = serde.serializer().serialize("encounter-cells", state);
          EncounterCellRecord record = decode(current);
          byte[] v1 = write((byte) 1, record, "internal/EncounterCellRecord-v1.avsc");
          return serde.deserializer().deserialize("encounter-cells", v1);
        });

    // when it goes on
    List<Encounter> rest =
        sea.reports(pings.stream().filter(p -> p.time() >= T0 + 150 * MINUTE).toList());

    // then it is announced with its next pairing (an earlier monitor reported encounters only
    // when they ended: this one had not been), its event going out then, and ends as heard of
    assertThat(rest).extracting(Encounter::ongoing).containsExactly(true, false);
    assertThat(rest).extracting(Encounter::announced).containsExactly(false, true);
  }

  @Test
  void shouldReadAnAnnouncedContactAnEarlierMonitorStoredAsCountedSoItsEndMakesNoSecondEvent() {
    // given a cell of an encounter 2 h 30 min long, stored in version 2 once it was announced
    // (that monitor sent the event with the first report, whatever it was)
    EncounterSea sea = new EncounterSea(EncounterParams.defaults(), GAZETTEER);
    EncountersSerde serde = new EncountersSerde(sea.cells, sea.params);
    List<Ping> pings =
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 4 * HOUR, 150);
    List<Encounter> first =
        sea.reportsWithoutEnding(pings.stream().filter(p -> p.time() < T0 + 150 * MINUTE).toList());
    assertThat(first).singleElement().matches(e -> e.ongoing() && !e.counted());
    sea.byCell.replaceAll(
        (cell, state) -> {
          byte[] current = serde.serializer().serialize("encounter-cells", state);
          byte[] v2 = write((byte) 2, decode(current), "internal/EncounterCellRecord-v2.avsc");
          return serde.deserializer().deserialize("encounter-cells", v2);
        });

    // when it ends
    List<Encounter> rest =
        sea.reports(pings.stream().filter(p -> p.time() >= T0 + 150 * MINUTE).toList());

    // then its end is a report of an encounter counted already
    assertThat(rest).singleElement().matches(e -> !e.ongoing() && e.announced() && e.counted());
  }

  @Test
  void shouldReadAVesselTrackAnEarlierMonitorStoredAsNeverDark() throws IOException {
    // given a track stored in version 1
    AisDetectors detectors = AisDetectors.defaults(GAZETTEER);
    VesselTrack track = new VesselTrack(detectors, "445000001");
    track.accept(Ping.at("445000001", T0, 38.45, 124.05).withSpeed(0.3));
    byte[] v1 =
        write((byte) 1, VesselTrackSerde.record(track), "internal/VesselTrackRecord-v1.avsc");

    // when read
    VesselTrack read = new VesselTrackSerde(detectors).deserializer().deserialize("store", v1);

    // then
    assertThat(read.last()).isEqualTo(track.last());
    assertThat(read.backFromDark()).isNull();
  }

  @Test
  void shouldCarryWhenAVesselCameBackFromTheDarkAndReadCellPingsWithout() {
    CellPingSerde serde = new CellPingSerde();
    Ping ping = Ping.at("445000001", T0, 38.45, 124.05).withSpeed(0.3);
    AisOutput.CellPing dark = new AisOutput.CellPing(ping, "9000001", "X", 80, 1, T0 - HOUR);
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", dark)))
        .isEqualTo(dark);

    // form 3: the same fields up to the source, nothing after
    byte[] current =
        serde.serializer().serialize("t", new AisOutput.CellPing(ping, "9000001", "X", 80, 1));
    byte[] form3 = java.util.Arrays.copyOf(current, current.length - 1);
    form3[0] = 3;
    assertThat(serde.deserializer().deserialize("t", form3))
        .isEqualTo(new AisOutput.CellPing(ping, "9000001", "X", 80, 1, null));
  }

  private static EncounterCellRecord decode(byte[] bytes) {
    return new io.transfermonitor.streams.fact.InternalAvro<>(
            EncounterCellRecord.class, EncountersSerde.VERSION, java.util.Map.of())
        .read(bytes, "test");
  }

  /** {@code record} as a monitor writing {@code version} in {@code schema} wrote it. */
  private static byte[] write(byte version, SpecificRecord record, String schema)
      throws RuntimeException {
    try (InputStream in = EarlierFormsTest.class.getClassLoader().getResourceAsStream(schema)) {
      Schema older = new Schema.Parser().parse(in);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(version);
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      // the earlier schema's fields are the first of today's, in the same places
      new SpecificDatumWriter<SpecificRecord>(older).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
