package io.transfermonitor.producers.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: fields separated by a delimiter, optionally quoted with
 * {@code "}, quotes inside quoted fields doubled, line breaks (LF, CRLF or CR) inside quoted fields
 * kept. Blank lines are skipped, a leading byte-order mark is dropped. Keeps the line number a
 * record starts on and its raw text, for error reports. Reuses its buffers: one record's fields are
 * valid until the next call to {@link #next}.
 */
public final class CsvReader implements Closeable {

  private static final int BUFFER = 1 << 16;

  private final Reader in;
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

  public CsvReader(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
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
    boolean wasQuoted = false;
    while (true) {
      if (c < 0) {
        if (quoted) {
          throw new CsvFormatException(recordLine, "quoted field not closed before end of input");
        }
        fields.add(field.toString());
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
          }
          raw.append('"');
        } else {
          if (ch == '\n' || (ch == '\r' && peek() != '\n')) {
            nextLine++;
          }
          raw.append(ch);
          field.append(ch);
        }
      } else if (ch == delimiter) {
        raw.append(ch);
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (ch == '\n' || ch == '\r') {
        endOfLine(c);
        fields.add(field.toString());
        return;
      } else if (ch == '"' && field.length() == 0 && !wasQuoted) {
        raw.append(ch);
        quoted = true;
        wasQuoted = true;
      } else {
        raw.append(ch);
        field.append(ch);
      }
      c = read();
    }
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
    if (pos >= limit && !fill()) {
      return -1;
    }
    return buf[pos++];
  }

  private int peek() {
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
