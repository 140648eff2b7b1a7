package io.transfermonitor.producers.designations;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Optional;

/**
 * Reads bytes that should be UTF-8 but may not be. Valid UTF-8 sequences decode as UTF-8; a byte
 * that does not start a valid sequence decodes on its own as Windows-1252 (Latin-1 with the
 * printable 0x80-0x9F range), which is what such files almost always hold: a list exported from a
 * Latin-1 system and declared UTF-8. Nothing is dropped or replaced by U+FFFD. {@link
 * #firstBadByte()} says where the first such byte was and how it was read.
 */
final class LenientUtf8Reader extends Reader {

  /** Where the first byte that was not UTF-8 sat, and how many such bytes were read in all. */
  record BadByte(long offset, long line, long column, int value, char readAs, long count) {

    /** One sentence for a warning, e.g. "byte 0xE9 at line 5, column 12 (offset 240) ...". */
    String describe() {
      return String.format(
          "byte 0x%02X at line %d, column %d (offset %d) is not UTF-8; %d such byte%s read as"
              + " Windows-1252 (0x%02X as '%c')",
          value, line, column, offset, count, count == 1 ? " was" : "s were", value, readAs);
    }
  }

  /** Windows-1252 for 0x80-0x9F; the five bytes it leaves undefined read as Latin-1 does. */
  private static final char[] CP1252_HIGH = {
    '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
    '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
    '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
    '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178'
  };

  private final InputStream in;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private boolean ended;
  private long offset;
  private long line = 1;
  private long column = 1;
  private int pendingLow = -1;
  private BadByte first;
  private long badBytes;

  LenientUtf8Reader(InputStream in) {
    this.in = in;
  }

  /** The first byte that was not UTF-8, once read; empty while every byte so far was UTF-8. */
  Optional<BadByte> firstBadByte() {
    if (first == null) {
      return Optional.empty();
    }
    return Optional.of(
        new BadByte(
            first.offset(), first.line(), first.column(), first.value(), first.readAs(), badBytes));
  }

  @Override
  public int read(char[] chars, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      int c = readChar();
      if (c < 0) {
        break;
      }
      chars[off + n++] = (char) c;
    }
    return n == 0 ? -1 : n;
  }

  /** At least {@code n} bytes from the position are in the buffer, unless the input ends first. */
  private boolean available(int n) throws IOException {
    if (limit - position >= n) {
      return true;
    }
    if (!ended) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
      while (limit < n && !ended) {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
          ended = true;
        } else {
          limit += read;
        }
      }
    }
    return limit - position >= n;
  }

  private int readChar() throws IOException {
    if (pendingLow >= 0) {
      int low = pendingLow;
      pendingLow = -1;
      return low;
    }
    if (!available(1)) {
      return -1;
    }
    int b = buffer[position++] & 0xFF;
    if (b < 0x80) {
      advance(1, b == '\n');
      return b;
    }
    int codePoint = sequenceAt(b);
    if (codePoint < 0) {
      return latin(b);
    }
    if (Character.isSupplementaryCodePoint(codePoint)) {
      pendingLow = Character.lowSurrogate(codePoint);
      return Character.highSurrogate(codePoint);
    }
    return codePoint;
  }

  /** The code point of the valid sequence led by {@code lead}, or -1 (nothing more consumed). */
  private int sequenceAt(int lead) throws IOException {
    int length;
    int min;
    int max;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      min = 0x80;
      max = 0xBF;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      min = lead == 0xE0 ? 0xA0 : 0x80;
      max = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      min = lead == 0xF0 ? 0x90 : 0x80;
      max = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return -1;
    }
    boolean complete = available(length - 1);
    int codePoint = lead & (0xFF >> (length + 1));
    for (int i = 1; i < length; i++) {
      if (!complete && position + i - 1 >= limit) {
        return -1;
      }
      int next = buffer[position + i - 1] & 0xFF;
      boolean valid = i == 1 ? next >= min && next <= max : (next & 0xC0) == 0x80;
      if (!valid) {
        return -1;
      }
      codePoint = (codePoint << 6) | (next & 0x3F);
    }
    position += length - 1;
    advance(length, false);
    return codePoint;
  }

  private char latin(int b) {
    char c = b < 0xA0 ? CP1252_HIGH[b - 0x80] : (char) b;
    badBytes++;
    if (first == null) {
      first = new BadByte(offset, line, column, b, c, 1);
    }
    advance(1, false);
    return c;
  }

  private void advance(int bytes, boolean newline) {
    offset += bytes;
    if (newline) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
