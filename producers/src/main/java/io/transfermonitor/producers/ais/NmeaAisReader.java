package io.transfermonitor.producers.ais;

import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.sf.marineapi.nmea.parser.SentenceFactory;
import net.sf.marineapi.nmea.sentence.AISSentence;
import net.sf.marineapi.nmea.sentence.Checksum;
import net.sf.marineapi.nmea.sentence.Sentence;

/**
 * Reads a log of NMEA 0183 AIS sentences line by line and hands every message on as {@link
 * AisResult.Decoded} records or {@link AisResult.Rejected} lines; nothing in the input stops it.
 *
 * <p>A line holds {@code !AIVDM} (received) or {@code !AIVDO} (own vessel) sentences, each maybe
 * led by an NMEA 4.0 tag block ({@code \c:1717171717,s:station*hh\}); the whole line may be led by
 * a timestamp ({@code 2021-01-01T00:00:00Z !AIVDM...} or Unix seconds). A {@code $PGHP,1,...} line
 * (Gatehouse) dates the sentence after it. Blank lines are counted and passed over; comments, other
 * NMEA sentences and stray text are rejected as {@link RejectReason#NOT_AIS}.
 *
 * <p>A record's time is the tag block's {@code c:}, else the line's timestamp, else the {@code
 * $PGHP} time, else the read time the caller gives ({@link TimeSource} says which, per record). Its
 * source is the tag block's {@code s:}, else the caller's (a file name).
 */
public final class NmeaAisReader {

  /**
   * How a read is set up.
   *
   * @param readTime time for sentences that carry none (the file's read time)
   * @param source source for sentences whose tag block names no station
   * @param fragmentLines lines within which all parts of a message must come
   * @param fragmentTime time within which all parts of a message must come
   */
  public record Options(Instant readTime, String source, int fragmentLines, Duration fragmentTime) {

    /** 50 lines and 60 seconds for the parts of a message: receivers send them back to back. */
    public static Options of(Instant readTime, String source) {
      return new Options(readTime, source, 50, Duration.ofSeconds(60));
    }
  }

  private final Options options;
  private final SentenceFactory sentences = SentenceFactory.getInstance();
  private final AisMessageDecoder decoder = new AisMessageDecoder();

  public NmeaAisReader(Options options) {
    this.options = options;
  }

  /**
   * Reads {@code in} to its end, handing each result to {@code results} in input order (a message's
   * records when its last part is read).
   *
   * @throws IOException only when {@code in} cannot be read
   */
  public AisSummary read(Reader in, Consumer<AisResult> results) throws IOException {
    AisSummary summary = new AisSummary();
    Consumer<AisResult> counted =
        result -> {
          summary.record(result);
          results.accept(result);
        };
    Consumer<AisResult.Rejected> rejected = counted::accept;
    FragmentAssembler assembler =
        new FragmentAssembler(options.fragmentLines(), options.fragmentTime());
    BufferedReader lines = new BufferedReader(in);
    Instant pghpTime = null;
    long number = 0;
    for (String text = lines.readLine(); text != null; text = lines.readLine()) {
      number++;
      summary.line();
      String line = text.strip();
      if (line.isEmpty()) {
        summary.blankLine();
        continue;
      }
      if (line.startsWith("$PGHP,")) {
        Instant time = pghpTime(line);
        if (time != null) {
          summary.timeLine();
          pghpTime = time;
          continue;
        }
      }
      List<Fragment> fragments = new ArrayList<>(2);
      AisResult.Rejected refused = fragments(number, text, line, pghpTime, fragments);
      pghpTime = null;
      if (refused != null) {
        counted.accept(refused);
        continue;
      }
      for (Fragment fragment : fragments) {
        List<Fragment> message = assembler.add(fragment, rejected);
        if (!message.isEmpty()) {
          List<AisResult> decoded = decoder.decode(message);
          if (!decoded.isEmpty() && decoded.get(0) instanceof AisResult.Decoded first) {
            summary.decoded(messageType(first));
          }
          decoded.forEach(counted);
        }
      }
    }
    assembler.finish(rejected);
    return summary;
  }

  /**
   * Splits a line into its sentences, each with its time and source; returns the rejection of the
   * whole line when any part of it does not parse.
   */
  private AisResult.Rejected fragments(
      long number, String text, String line, Instant pghpTime, List<Fragment> out) {
    Instant time = options.readTime();
    TimeSource timeSource = TimeSource.READ_TIME;
    if (pghpTime != null) {
      time = pghpTime;
      timeSource = TimeSource.PGHP;
    }
    int start = 0;
    char lead = line.charAt(0);
    if (lead != '\\' && lead != '!') {
      int space = firstSpace(line);
      Instant stamp = space < 0 ? null : lineTimestamp(line.substring(0, space));
      if (stamp == null) {
        return new AisResult.Rejected(number, text, RejectReason.NOT_AIS, "");
      }
      time = stamp;
      timeSource = TimeSource.LINE_TIMESTAMP;
      start = space;
      while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
        start++;
      }
    }
    int pos = start;
    while (pos < line.length()) {
      Instant sentenceTime = time;
      TimeSource sentenceTimeSource = timeSource;
      String source = options.source();
      if (line.charAt(pos) == '\\') {
        int close = line.indexOf('\\', pos + 1);
        if (close < 0) {
          return new AisResult.Rejected(
              number, text, RejectReason.BAD_TAG_BLOCK, "tag block not closed by '\\'");
        }
        TagBlock tag;
        try {
          tag = TagBlock.parse(line.substring(pos + 1, close));
        } catch (IllegalArgumentException e) {
          return new AisResult.Rejected(number, text, RejectReason.BAD_TAG_BLOCK, e.getMessage());
        }
        if (tag.time() != null) {
          sentenceTime = tag.time();
          sentenceTimeSource = TimeSource.TAG_BLOCK;
        }
        if (tag.source() != null) {
          source = tag.source();
        }
        pos = close + 1;
      }
      int end = nextStart(line, pos + 1);
      String sentence = line.substring(pos, end).strip();
      AisResult.Rejected refused =
          sentence(number, text, sentence, sentenceTime, sentenceTimeSource, source, out);
      if (refused != null) {
        return refused;
      }
      pos = end;
    }
    return out.isEmpty()
        ? new AisResult.Rejected(number, text, RejectReason.NOT_AIS, "a tag block alone")
        : null;
  }

  /** Parses one sentence into {@code out}, or says why not. */
  private AisResult.Rejected sentence(
      long number,
      String text,
      String sentence,
      Instant time,
      TimeSource timeSource,
      String source,
      List<Fragment> out) {
    if (!sentence.startsWith("!") || !sentence.regionMatches(3, "VD", 0, 2)) {
      return new AisResult.Rejected(number, text, RejectReason.NOT_AIS, "");
    }
    int star = sentence.lastIndexOf('*');
    if (star < 0 || star + 3 > sentence.length()) {
      return new AisResult.Rejected(
          number, text, RejectReason.MALFORMED_SENTENCE, "no checksum '*hh' at the end");
    }
    // what follows the checksum (a stray quote, a receiver's suffix) is outside the checked text
    String checked = sentence.substring(0, star + 3);
    String given = checked.substring(star + 1);
    String computed = Checksum.calculate(checked);
    if (!given.equalsIgnoreCase(computed)) {
      return new AisResult.Rejected(
          number, text, RejectReason.BAD_CHECKSUM, "checksum " + given + ", computed " + computed);
    }
    String[] fields = checked.split(",", -1);
    if (fields.length != 7 || fields[5].isEmpty()) {
      return new AisResult.Rejected(
          number,
          text,
          RejectReason.MALFORMED_SENTENCE,
          fields.length != 7 ? fields.length + " fields, expected 7" : "empty payload");
    }
    AISSentence ais;
    int count;
    int part;
    String group;
    try {
      Sentence parsed = sentences.createParser(checked);
      if (!(parsed instanceof AISSentence)) {
        return new AisResult.Rejected(number, text, RejectReason.NOT_AIS, parsed.toString());
      }
      ais = (AISSentence) parsed;
      count = ais.getNumberOfFragments();
      part = ais.getFragmentNumber();
      if (count < 1 || part < 1 || part > count) {
        return new AisResult.Rejected(
            number, text, RejectReason.MALFORMED_SENTENCE, "sentence " + part + " of " + count);
      }
      // not the station: a part's tag block may leave s: out (pyais's mixed sample does)
      group = fields[3] + "|" + fields[4] + "|" + count;
    } catch (RuntimeException e) {
      // the Marine API throws on empty and malformed fields (no payload, letters for numbers)
      return new AisResult.Rejected(
          number, text, RejectReason.MALFORMED_SENTENCE, String.valueOf(e.getMessage()));
    }
    out.add(new Fragment(number, text, ais, count, part, group, time, timeSource, source));
    return null;
  }

  /** Where the next tag block or sentence starts, or the end of the line. */
  private static int nextStart(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' || c == '!') {
        return i;
      }
    }
    return line.length();
  }

  private static int firstSpace(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (Character.isWhitespace(line.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * An ISO instant, an ISO local date-time read as UTC, or Unix seconds; null for anything else.
   */
  static Instant lineTimestamp(String token) {
    try {
      if (token.matches("\\d{9,10}(\\.\\d{1,9})?")) {
        double seconds = Double.parseDouble(token);
        return Instant.ofEpochMilli(Math.round(seconds * 1000));
      }
      if (token.endsWith("Z") || token.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(token).toInstant();
      }
      return LocalDateTime.parse(token).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * The time of a {@code $PGHP,1,year,month,day,hour,minute,second,millis,...} line (Gatehouse,
   * message 1: the receive time of the sentence that follows), or null when it is no such line.
   */
  static Instant pghpTime(String line) {
    String[] fields = line.split(",", -1);
    if (fields.length < 9 || !fields[1].equals("1")) {
      return null;
    }
    try {
      return LocalDateTime.of(
              Integer.parseInt(fields[2]),
              Integer.parseInt(fields[3]),
              Integer.parseInt(fields[4]),
              Integer.parseInt(fields[5]),
              Integer.parseInt(fields[6]),
              Integer.parseInt(fields[7]),
              Integer.parseInt(fields[8]) * 1_000_000)
          .toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static int messageType(AisResult.Decoded decoded) {
    return decoded.record() instanceof VesselPosition position
        ? position.getMessageType()
        : ((VesselVoyage) decoded.record()).getMessageType();
  }
}
