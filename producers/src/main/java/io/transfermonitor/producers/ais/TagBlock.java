package io.transfermonitor.producers.ais;

import java.time.Instant;

/**
 * An NMEA 4.0 tag block ({@code \s:station,c:1717171717*hh\}) in front of a sentence: the
 * receiver's time ({@code c:}, Unix seconds or, above 10^11, milliseconds), its station ({@code
 * s:}) and, for multi-sentence messages, the group ({@code g:part-total-id}). Other fields ({@code
 * n:}, {@code t:}, ...) are read past.
 *
 * @param time receive time, or null when there is no {@code c:}
 * @param source station, or null when there is no {@code s:}
 */
record TagBlock(Instant time, String source) {

  /** Seconds or milliseconds: 10^11 seconds is the year 5138, 10^11 ms is 1973. */
  private static final long MILLIS_FROM = 100_000_000_000L;

  /**
   * Earliest and latest receive times taken as real (AIS began in 2002; anything later is 2100).
   */
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  /**
   * Parses the text between the backslashes.
   *
   * @throws IllegalArgumentException with the reason, when the checksum is missing or wrong, a
   *     field does not parse, or the time is before 1990 or after 2100
   */
  static TagBlock parse(String body) {
    int star = body.lastIndexOf('*');
    if (star < 0) {
      throw new IllegalArgumentException("tag block without a checksum: \\" + body + "\\");
    }
    String fields = body.substring(0, star);
    String given = body.substring(star + 1);
    int computed = 0;
    for (int i = 0; i < fields.length(); i++) {
      computed ^= fields.charAt(i);
    }
    if (!given.matches("[0-9A-Fa-f]{2}") || Integer.parseInt(given, 16) != computed) {
      throw new IllegalArgumentException(
          String.format("tag block checksum %s, computed %02X", given, computed));
    }
    Instant time = null;
    String source = null;
    for (String field : fields.split(",")) {
      if (field.startsWith("c:")) {
        time = time(field.substring(2));
      } else if (field.startsWith("s:")) {
        source = field.substring(2);
      } else if (field.startsWith("g:")) {
        checkGroup(field.substring(2));
      }
    }
    return new TagBlock(time, source);
  }

  private static Instant time(String value) {
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("tag block time c:" + value + " is not a number");
    }
    Instant time =
        number >= MILLIS_FROM ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
    if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
      throw new IllegalArgumentException("tag block time c:" + value + " is " + time);
    }
    return time;
  }

  /**
   * A group is {@code part-total-id}, 1 &le; part &le; total; the sentences' own fields join it.
   */
  private static void checkGroup(String value) {
    String[] parts = value.split("-", -1);
    boolean valid = parts.length == 3;
    if (valid) {
      try {
        int part = Integer.parseInt(parts[0]);
        int total = Integer.parseInt(parts[1]);
        valid = part >= 1 && part <= total && Integer.parseInt(parts[2]) >= 0;
      } catch (NumberFormatException e) {
        valid = false;
      }
    }
    if (!valid) {
      throw new IllegalArgumentException("tag block group g:" + value + " is not part-total-id");
    }
  }
}
