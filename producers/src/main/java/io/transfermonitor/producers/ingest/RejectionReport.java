package io.transfermonitor.producers.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The account of every record that did not make it: one row per problem with the file, line, field
 * and reason, and the raw record. CSV ({@code file,line,field,reason,raw}, RFC 4180 quoting) or,
 * for a {@code .jsonl} path, one JSON object per line.
 */
public final class RejectionReport implements Closeable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Writer out;
  private final boolean jsonLines;
  private long rows;

  public RejectionReport(Writer out, boolean jsonLines) {
    this.out = out;
    this.jsonLines = jsonLines;
    if (!jsonLines) {
      write("file,line,field,reason,raw\n");
    }
  }

  /** A report written to {@code file}, JSON Lines when it ends in {@code .jsonl}. */
  public static RejectionReport to(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new RejectionReport(writer, file.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl"));
  }

  /** Raw text kept per row: enough to find and fix the record, not a copy of a 50 MB line. */
  static final int MAX_RAW_CHARS = 64 * 1024;

  /** Records one problem. */
  public void add(String file, long line, String field, String reason, String raw) {
    rows++;
    if (raw != null && raw.length() > MAX_RAW_CHARS) {
      raw = raw.substring(0, MAX_RAW_CHARS) + "... (" + raw.length() + " characters in all)";
    }
    if (jsonLines) {
      ObjectNode row = JSON.createObjectNode();
      row.put("file", file).put("line", line).put("field", field).put("reason", reason);
      row.put("raw", raw);
      write(row.toString() + "\n");
    } else {
      write(
          quote(file)
              + ","
              + line
              + ","
              + quote(field)
              + ","
              + quote(reason)
              + ","
              + quote(raw)
              + "\n");
    }
  }

  /** Problems recorded so far. */
  public long rows() {
    return rows;
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejection report", e);
    }
  }

  static String quote(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
