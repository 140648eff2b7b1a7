package io.transfermonitor.producers.ingest;

/**
 * Text that is not RFC 4180 CSV, e.g. a quote left open at the end of the file or text after a
 * closing quote. The reader that threw it goes on at the line after the broken record's first.
 */
public class CsvFormatException extends RuntimeException {

  private final long line;
  private final String reason;
  private final String raw;

  public CsvFormatException(long line, String reason) {
    this(line, reason, "");
  }

  /**
   * @param raw the text of the broken record's first line, for the report
   */
  public CsvFormatException(long line, String reason, String raw) {
    super("line " + line + ": " + reason);
    this.line = line;
    this.reason = reason;
    this.raw = raw;
  }

  /** The text of the broken record's first line. */
  public String raw() {
    return raw;
  }

  /** What is wrong, without the line prefix. */
  public String reason() {
    return reason;
  }

  /** Line the broken record starts on (1-based). */
  public long line() {
    return line;
  }
}
