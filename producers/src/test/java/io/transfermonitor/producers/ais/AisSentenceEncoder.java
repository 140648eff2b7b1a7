package io.transfermonitor.producers.ais;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes AIS messages as NMEA 0183 sentences, the inverse of what {@link NmeaAisReader} reads:
 * position reports (type 1) and static and voyage data (type 5, two sentences), each line led by an
 * NMEA 4.0 tag block with the receive time ({@code c:}, Unix seconds) and a station name. Bit
 * layouts from ITU-R M.1371-5 (Annex 8, messages 1 and 5); 6-bit armouring and checksums as in NMEA
 * 0183. Test code: it exists to generate the demo's synthetic AIS set.
 */
final class AisSentenceEncoder {

  /** Characters of a sentence's payload: the first of two fragments of a type 5 holds these. */
  private static final int FIRST_FRAGMENT_CHARS = 60;

  private final String station;
  private int sequence;

  AisSentenceEncoder(String station) {
    this.station = station;
  }

  /** A position report (type 1): speed in knots, course and heading in degrees, status 0..15. */
  String position(
      int mmsi,
      Instant time,
      double lat,
      double lon,
      double knots,
      double course,
      int heading,
      int status) {
    Bits bits = new Bits();
    bits.put(1, 6).put(0, 2).put(mmsi, 30).put(status, 4).put(128, 8); // 128: no turn rate
    bits.put((long) Math.round(knots * 10), 10).put(0, 1);
    bits.put(Math.round(lon * 600_000), 28).put(Math.round(lat * 600_000), 27);
    bits.put((long) Math.round(course * 10) % 3600, 12).put(heading, 9);
    bits.put(time.getEpochSecond() % 60, 6).put(0, 2).put(0, 3).put(0, 1).put(0, 19);
    return tagBlock(time) + sentence(1, 1, "", bits.armoured(), bits.fillBits());
  }

  /** Static and voyage data (type 5): the two lines of one message, each with the tag block. */
  List<String> voyage(
      int mmsi,
      Instant time,
      int imo,
      String callSign,
      String name,
      int shipType,
      double draughtMetres,
      String destination) {
    Bits bits = new Bits();
    bits.put(5, 6).put(0, 2).put(mmsi, 30).put(0, 2).put(imo, 30);
    bits.text(callSign, 7).text(name, 20).put(shipType, 8);
    bits.put(80, 9).put(20, 9).put(7, 6).put(7, 6).put(1, 4); // 100 x 14 m, GPS
    bits.put(0, 4).put(0, 5).put(24, 5).put(60, 6); // no ETA
    bits.put((long) Math.round(draughtMetres * 10), 8).text(destination, 20).put(0, 1).put(0, 1);
    String payload = bits.armoured();
    String id = Integer.toString(sequence);
    sequence = (sequence + 1) % 10;
    List<String> lines = new ArrayList<>(2);
    lines.add(tagBlock(time) + sentence(2, 1, id, payload.substring(0, FIRST_FRAGMENT_CHARS), 0));
    lines.add(
        tagBlock(time)
            + sentence(2, 2, id, payload.substring(FIRST_FRAGMENT_CHARS), bits.fillBits()));
    return lines;
  }

  private String tagBlock(Instant time) {
    String body = "s:" + station + ",c:" + time.getEpochSecond();
    return "\\" + body + "*" + checksum(body) + "\\";
  }

  private static String sentence(int count, int part, String id, String payload, int fill) {
    String body = "AIVDM," + count + "," + part + "," + id + ",A," + payload + "," + fill;
    return "!" + body + "*" + checksum(body);
  }

  private static String checksum(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum ^= body.charAt(i);
    }
    return String.format(Locale.ROOT, "%02X", sum);
  }

  /** A message's bits, most significant first. */
  private static final class Bits {
    private final StringBuilder bits = new StringBuilder(424);

    /** {@code value} in {@code width} bits, two's complement for a negative one. */
    Bits put(long value, int width) {
      for (int i = width - 1; i >= 0; i--) {
        bits.append((value >> i & 1) == 1 ? '1' : '0');
      }
      return this;
    }

    /** {@code text} in AIS 6-bit characters, upper case, padded with '@' to {@code chars}. */
    Bits text(String text, int chars) {
      String upper = text.toUpperCase(Locale.ROOT);
      for (int i = 0; i < chars; i++) {
        char c = i < upper.length() ? upper.charAt(i) : '@';
        put(c >= 64 ? c - 64 : c, 6);
      }
      return this;
    }

    int fillBits() {
      return (6 - bits.length() % 6) % 6;
    }

    String armoured() {
      String padded = bits + "0".repeat(fillBits());
      StringBuilder out = new StringBuilder(padded.length() / 6);
      for (int i = 0; i < padded.length(); i += 6) {
        int v = Integer.parseInt(padded.substring(i, i + 6), 2);
        out.append((char) (v < 40 ? v + 48 : v + 56));
      }
      return out.toString();
    }
  }
}
