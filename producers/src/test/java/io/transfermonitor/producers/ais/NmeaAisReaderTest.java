package io.transfermonitor.producers.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmeaAisReaderTest {

  static final Instant READ = Instant.parse("2026-01-01T00:00:00Z");
  // pyais's README message: MMSI 227006760, type 1, heading 511 (not available)
  static final String TYPE_1 = "!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*23";
  // gpsd's AIVDM guide: EVER DIADEM, in two parts with sequence id 1 on channel A
  static final String TYPE_5_PART_1 =
      "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
  static final String TYPE_5_PART_2 = "!AIVDM,2,2,1,A,88888888880,2*25";

  final List<AisResult> results = new ArrayList<>();

  AisSummary read(String text) throws IOException {
    return read(text, NmeaAisReader.Options.of(READ, "test.nmea"));
  }

  AisSummary read(String text, NmeaAisReader.Options options) throws IOException {
    return new NmeaAisReader(options).read(new StringReader(text), results::add);
  }

  List<AisResult.Rejected> rejected() {
    return results.stream()
        .filter(AisResult.Rejected.class::isInstance)
        .map(AisResult.Rejected.class::cast)
        .toList();
  }

  <T> T record(int index, Class<T> type) {
    return type.cast(((AisResult.Decoded) results.get(index)).record());
  }

  @Test
  void shouldAssembleAMultiPartMessageWithOtherTrafficBetweenItsParts() throws IOException {
    // given the two parts of a type 5 with a position report between them
    String log = TYPE_5_PART_1 + "\n" + TYPE_1 + "\n" + TYPE_5_PART_2 + "\n";

    // when the log is read
    AisSummary summary = read(log);

    // then the position comes first and the voyage when its last part arrives, from lines 1 and 3
    assertThat(record(0, VesselPosition.class).getMmsi()).isEqualTo("227006760");
    AisResult.Decoded voyage = (AisResult.Decoded) results.get(1);
    assertThat(voyage.lines()).containsExactly(1L, 3L);
    assertThat(((VesselVoyage) voyage.record()).getName()).isEqualTo("EVER DIADEM");
    assertThat(summary.decodedByType()).containsEntry(1, 1L).containsEntry(5, 1L);
  }

  @Test
  void shouldJoinTaggedPartsWhenOnlyTheFirstNamesItsStationAndTime() throws IOException {
    // given a type 5 whose second part's tag block has neither s: nor c: (as in pyais's sample)
    String log =
        tagged("s:station-1,c:1700000000", TYPE_5_PART_1) + "\n" + tagged("g:2-2-1", TYPE_5_PART_2);

    // when read
    read(log);

    // then the parts join, with the first part's station and receive time
    VesselVoyage voyage = record(0, VesselVoyage.class);
    assertThat(voyage.getName()).isEqualTo("EVER DIADEM");
    assertThat(voyage.getSource()).isEqualTo("station-1");
    assertThat(voyage.getTime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
  }

  @Test
  void shouldReadOwnVesselReports() throws IOException {
    // given the type 1 report sent as the receiver's own (!AIVDO), its checksum recomputed
    String body = "AIVDO,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0";
    int checksum = 0;
    for (char c : body.toCharArray()) {
      checksum ^= c;
    }

    // when read
    read(String.format("!%s*%02X", body, checksum));

    // then it decodes like a received one
    assertThat(record(0, VesselPosition.class).getMmsi()).isEqualTo("227006760");
  }

  @Test
  void shouldRejectAPartWhoseSiblingsDoNotComeWithinTheLineLimit() throws IOException {
    // given a first part, then more position reports than the limit allows, then the second part
    String log = TYPE_5_PART_1 + "\n" + (TYPE_1 + "\n").repeat(3) + TYPE_5_PART_2 + "\n";

    // when read with parts allowed 2 lines apart
    read(log, new NmeaAisReader.Options(READ, "test.nmea", 2, Duration.ofMinutes(1)));

    // then both parts are rejected as missing their sibling, and the positions still decode
    assertThat(rejected())
        .extracting(AisResult.Rejected::line, AisResult.Rejected::reason)
        .containsExactly(
            tuple(1L, RejectReason.MISSING_FRAGMENT), tuple(5L, RejectReason.MISSING_FRAGMENT));
    assertThat(results).filteredOn(AisResult.Decoded.class::isInstance).hasSize(3);
  }

  @Test
  void shouldRejectAPartWhoseSiblingComesTooLate() throws IOException {
    // given two parts whose tag blocks are ten minutes apart
    String log =
        tagged("c:1700000000", TYPE_5_PART_1) + "\n" + tagged("c:1700000600", TYPE_5_PART_2);

    // when read with parts allowed a minute apart
    read(log);

    // then the first part is given up when the second comes, the second at the end of the input
    assertThat(rejected())
        .extracting(AisResult.Rejected::reason)
        .containsExactly(RejectReason.MISSING_FRAGMENT, RejectReason.MISSING_FRAGMENT);
    assertThat(rejected().get(0).detail()).contains("did not come within");
    assertThat(rejected().get(1).detail()).contains("input ended");
  }

  @Test
  void shouldTakeTheTimeAndSourceFromTheTagBlockInSecondsOrMilliseconds() throws IOException {
    // given the same report under a tag block in seconds and one in milliseconds
    String log =
        tagged("s:rMT6214,c:1699401978", TYPE_1) + "\n" + tagged("c:1599239526500", TYPE_1);

    // when read
    read(log);

    // then each takes its receive time, the station named where the tag block names one
    VesselPosition seconds = record(0, VesselPosition.class);
    assertThat(seconds.getTime()).isEqualTo(Instant.parse("2023-11-08T00:06:18Z"));
    assertThat(seconds.getSource()).isEqualTo("rMT6214");
    VesselPosition millis = record(1, VesselPosition.class);
    assertThat(millis.getTime()).isEqualTo(Instant.parse("2020-09-04T17:12:06.500Z"));
    assertThat(millis.getSource()).isEqualTo("test.nmea");
    assertThat(results)
        .extracting(r -> ((AisResult.Decoded) r).timeSource())
        .containsOnly(TimeSource.TAG_BLOCK);
  }

  @Test
  void shouldTakeTheTimeOfALeadingTimestampOrAPghpLineElseTheReadTime() throws IOException {
    // given a line led by an ISO time, one by Unix seconds, one after $PGHP and one bare
    String log =
        "2021-01-01T00:00:00Z "
            + TYPE_1
            + "\n1609459260 "
            + TYPE_1
            + "\n$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*17\n"
            + TYPE_1
            + "\n"
            + TYPE_1;

    // when read
    AisSummary summary = read(log);

    // then each record says where its time came from
    assertThat(results)
        .extracting(
            r -> ((VesselPosition) ((AisResult.Decoded) r).record()).getTime(),
            r -> ((AisResult.Decoded) r).timeSource())
        .containsExactly(
            tuple(Instant.parse("2021-01-01T00:00:00Z"), TimeSource.LINE_TIMESTAMP),
            tuple(Instant.parse("2021-01-01T00:01:00Z"), TimeSource.LINE_TIMESTAMP),
            tuple(Instant.parse("2008-05-09T00:00:00.010Z"), TimeSource.PGHP),
            tuple(READ, TimeSource.READ_TIME));
    assertThat(summary.timeLines()).isEqualTo(1);
  }

  @Test
  void shouldRejectEachKindOfBadInputWithItsReason() throws IOException {
    // given one line of each kind of bad input, from the samples or changed by one character
    String log =
        String.join(
            "\n",
            "# a comment",
            "$GPGGA,184353.07,1929.045,S,02410.506,E,1,04,2.6,100.00,M,-33.9,M,,0000*6D",
            "!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*24",
            "!AIVDM,1,1,,B,,0*25",
            tagged("c:1699401978", TYPE_1).replace("*", "*0"),
            "!AIVDM,1,1,,A,33`d`fEP00PCaVFMFM?I@gvf2D=rc@9,0*77",
            "!AIVDM,1,1,,A,?3c2VT1D0u00D00,2*0F",
            "!AIVDM,1,1,,A,402B4L1uubaN`1d:>REe@jA028Gh,0*6B",
            "!AIVDM,1,1,,A,13cc3o?P?w<tSF0l4Q@>4?wv0PRr,0*0F",
            "!AIVDM,1,1,,B,B6:cU4h0A28m:D4VU<H@;h04SP00,0*3E",
            TYPE_5_PART_1);

    // when read
    AisSummary summary = read(log);

    // then each line is rejected with its own reason, nothing decoded and nothing thrown
    assertThat(rejected())
        .extracting(AisResult.Rejected::line, AisResult.Rejected::reason)
        .containsExactly(
            tuple(1L, RejectReason.NOT_AIS),
            tuple(2L, RejectReason.NOT_AIS),
            tuple(3L, RejectReason.BAD_CHECKSUM),
            tuple(4L, RejectReason.MALFORMED_SENTENCE),
            tuple(5L, RejectReason.BAD_TAG_BLOCK),
            tuple(6L, RejectReason.BAD_BIT_COUNT),
            tuple(7L, RejectReason.UNSUPPORTED_TYPE),
            tuple(8L, RejectReason.NOT_A_VESSEL),
            tuple(9L, RejectReason.NO_POSITION),
            tuple(10L, RejectReason.OUT_OF_RANGE),
            tuple(11L, RejectReason.MISSING_FRAGMENT));
    assertThat(rejected().get(5).detail()).isEqualTo("type 3 has 186 bits, expected 168");
    assertThat(rejected().get(9).detail()).contains("heading 480");
    assertThat(summary.decodedByType()).isEmpty();
    assertThat(summary.rejected()).isEqualTo(11);
  }

  /** The sentence behind a tag block of {@code fields} with its checksum. */
  static String tagged(String fields, String sentence) {
    int checksum = 0;
    for (char c : fields.toCharArray()) {
      checksum ^= c;
    }
    return String.format("\\%s*%02X\\%s", fields, checksum, sentence);
  }
}
