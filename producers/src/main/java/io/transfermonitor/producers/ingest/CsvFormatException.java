package io.transfermonitor.producers.ingest;

/** Text that is not RFC 4180 CSV, e.g. a quote left open at the end of the file. */
public class CsvFormatException extends RuntimeException {

  private final long line;
  private final String reason;

  public CsvFormatException(long line, String reason) {
    super("line " + line + ": " + reason);
    this.line = line;
    this.reason = reason;
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
