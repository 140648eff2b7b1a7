package io.transfermonitor.producers.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: fields separated by a delimiter, optionally quoted with
 * {@code "}, quotes inside quoted fields doubled, line breaks (LF, CRLF or CR) inside quoted fields
 * kept. Blank lines are skipped, a leading byte-order mark is dropped. Keeps the line number a
 * record starts on and its raw text, for error reports. Reuses its buffers: one record's fields are
 * valid until the next call to {@link #next}.
 *
 * <p>Strict where a lenient reader corrupts rows without a word: text after a closing quote ({@code
 * "ok" trailing}), a quote inside an unquoted field ({@code Quote"inside}, which RFC 4180 does not
 * allow) and a quote left open are errors. So is a quote that closes on a later line when the
 * record it makes looks like rows joined by an unbalanced quote: each line it spans reads as a
 * whole row of the file's width on its own, or the joined record does not have that width (the
 * first record sets it; RFC 4180 wants the same number of fields in every record). {@link #next}
 * then throws a {@link CsvFormatException} for the record's first line and, on the following call,
 * goes on reading at the line after it, so the rows an unbalanced quote would have swallowed are
 * read as rows (and reported on their own if they are bad). A field holding {@link #NOT_UTF8} came
 * from bytes that were not UTF-8 when the reader was made by {@link #utf8}.
 */
public final class CsvReader implements Closeable {

  private static final int BUFFER = 1 << 16;

  /**
   * What {@link #utf8} decodes malformed bytes to: a noncharacter, never meant to be interchanged,
   * so a field holding it can be rejected instead of passing a silent U+FFFD on.
   */
  public static final char NOT_UTF8 = '\uFFFF';

  private final Reader in;
  private final StringBuilder pushedBack = new StringBuilder();
  private int pushedPos;
  private final char delimiter;
  private final char[] buf = new char[BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean first = true;

  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder(64);
  private final StringBuilder raw = new StringBuilder(256);
  private long nextLine = 1;
  private long recordLine;
  private int width = -1;

  public CsvReader(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** A reader of UTF-8 bytes that turns malformed sequences into {@link #NOT_UTF8}. */
  public static Reader utf8(InputStream bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(NOT_UTF8));
    return new InputStreamReader(bytes, decoder);
  }

  /** Reads the next record; false at the end of the input. */
  public boolean next() {
    while (true) {
      fields.clear();
      field.setLength(0);
      raw.setLength(0);
      recordLine = nextLine;
      int c = read();
      if (c < 0) {
        return false;
      }
      if (c == '\n' || c == '\r') {
        endOfLine(c);
        continue; // blank line
      }
      parseRecord(c);
      return true;
    }
  }

  private void parseRecord(int c) {
    boolean quoted = false;
    boolean closed = false;
    // What the physical lines of a record would be on their own, for a quote that closes on a
    // later line: fields on the current line counting the delimiters inside such a quote, and
    // whether every finished line held a whole row of the file's width.
    int quoteOpenedIn = 0;
    boolean fieldSpans = false;
    boolean spans = false;
    int lineFields = 1;
    int quotedDelimiters = 0;
    boolean linesAreRows = width > 0;
    while (true) {
      if (c < 0) {
        if (quoted) {
          fail("quoted field not closed before end of input", -1);
        }
        fields.add(field.toString());
        endRecord(spans, linesAreRows && lineFields == width, quoteOpenedIn, -1);
        return;
      }
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          int n = peek();
          if (n == '"') {
            read();
            raw.append('"');
            field.append('"');
          } else {
            quoted = false;
            closed = true;
            if (fieldSpans) {
              lineFields += quotedDelimiters;
            }
          }
          raw.append('"');
        } else {
          if (ch == '\n' || (ch == '\r' && peek() != '\n')) {
            nextLine++;
            linesAreRows &= lineFields + quotedDelimiters == width;
            lineFields = 1;
            quotedDelimiters = 0;
            fieldSpans = true;
            if (!spans) {
              spans = true;
              quoteOpenedIn = fields.size() + 1;
            }
          } else if (ch == delimiter) {
            quotedDelimiters++;
          }
          raw.append(ch);
          field.append(ch);
        }
      } else if (ch == delimiter) {
        raw.append(ch);
        fields.add(field.toString());
        field.setLength(0);
        closed = false;
        lineFields++;
      } else if (ch == '\n' || ch == '\r') {
        fields.add(field.toString());
        endRecord(spans, linesAreRows && lineFields == width, quoteOpenedIn, c);
        endOfLine(c);
        return;
      } else if (closed) {
        fail("text after the closing quote of field " + (fields.size() + 1), c);
      } else if (ch == '"' && field.length() == 0) {
        raw.append(ch);
        quoted = true;
        fieldSpans = false;
        quotedDelimiters = 0;
      } else if (ch == '"') {
        fail(
            "quote inside unquoted field "
                + (fields.size() + 1)
                + " (RFC 4180: a field holding a quote is quoted whole, its quotes doubled:"
                + " \"5\"\" pipe\")",
            c);
      } else {
        raw.append(ch);
        field.append(ch);
      }
      c = read();
    }
  }

  /**
   * Ends a record, or refuses it at its first line when a quote that closes on a later line looks
   * unbalanced: either each line it spans reads as a whole row of the file on its own, or the
   * joined record does not have the file's width. The first record sets the width, as RFC 4180
   * wants every record to have the same number of fields.
   *
   * @param unread the line break that ends the record, or -1 at the end of input
   */
  private void endRecord(boolean spans, boolean linesAreRows, int quoteOpenedIn, int unread) {
    if (width < 0) {
      width = fields.size();
      return;
    }
    if (!spans || (!linesAreRows && fields.size() == width)) {
      return;
    }
    long lastLine = nextLine;
    String joined =
        "the quote opened in field "
            + quoteOpenedIn
            + " closes only on line "
            + lastLine
            + ", joining lines "
            + recordLine
            + "-"
            + lastLine
            + " into one row";
    fail(
        joined
            + (linesAreRows
                ? " though each reads as a whole row of " + width + " fields"
                : " of " + fields.size() + " fields where the file has " + width)
            + ": an unbalanced quote? (the lines after it are read on their own)",
        unread);
  }

  /**
   * Gives up on the record at its first line and arranges for reading to go on at the line after
   * it: what was read beyond that line (rows an open quote swallowed) is pushed back, or the rest
   * of a one-line record skipped.
   */
  private void fail(String reason, int unread) {
    int lineBreak = firstLineBreak(raw);
    String firstLine;
    if (lineBreak < 0) {
      int c = unread;
      while (c >= 0 && c != '\n' && c != '\r') {
        raw.append((char) c);
        c = read();
      }
      if (c >= 0) {
        endOfLine(c);
      }
      firstLine = raw.toString();
    } else {
      firstLine = raw.substring(0, lineBreak);
      int after =
          raw.charAt(lineBreak) == '\r'
                  && lineBreak + 1 < raw.length()
                  && raw.charAt(lineBreak + 1) == '\n'
              ? lineBreak + 2
              : lineBreak + 1;
      String rest = raw.substring(after) + (unread >= 0 ? String.valueOf((char) unread) : "");
      pushBack(rest);
      nextLine = recordLine + 1;
    }
    raw.setLength(0);
    raw.append(firstLine);
    throw new CsvFormatException(recordLine, reason, firstLine);
  }

  private static int firstLineBreak(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return -1;
  }

  private void pushBack(String text) {
    pushedBack.replace(0, pushedPos, "");
    pushedBack.insert(0, text);
    pushedPos = 0;
  }

  private void endOfLine(int c) {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    nextLine++;
  }

  /** Number of fields of the current record. */
  public int size() {
    return fields.size();
  }

  /** Field {@code i} (0-based) of the current record. */
  public String get(int i) {
    return fields.get(i);
  }

  /** The fields of the current record (a live view, replaced by {@link #next}). */
  public List<String> fields() {
    return fields;
  }

  /** Line the current record starts on (1-based). */
  public long line() {
    return recordLine;
  }

  /** The current record as it appeared in the input, without its line break. */
  public String raw() {
    return raw.toString();
  }

  private int read() {
    if (pushedPos < pushedBack.length()) {
      int c = pushedBack.charAt(pushedPos++);
      if (pushedPos == pushedBack.length()) {
        pushedBack.setLength(0);
        pushedPos = 0;
      }
      return c;
    }
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buf[pos++];
  }

  private int peek() {
    if (pushedPos < pushedBack.length()) {
      return pushedBack.charAt(pushedPos);
    }
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buf[pos];
  }

  private boolean fill() {
    if (eof) {
      return false;
    }
    try {
      int n;
      do {
        n = in.read(buf, 0, buf.length);
      } while (n == 0);
      if (n < 0) {
        eof = true;
        return false;
      }
      pos = 0;
      limit = n;
      if (first) {
        first = false;
        if (buf[0] == '\uFEFF') {
          pos = 1;
          return pos < limit || fill();
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
