package io.transfermonitor.producers.jsonl;

/**
 * A JSON line that cannot become an event: says which line (when known), which field (a dotted path
 * such as {@code header.eventTime}) and what is wrong.
 */
public class EventJsonException extends RuntimeException {

  private final long line;
  private final String field;
  private final String reason;

  public EventJsonException(long line, String field, String reason) {
    this(line, field, reason, null);
  }

  public EventJsonException(long line, String field, String reason, Throwable cause) {
    super(describe(line, field, reason), cause);
    this.line = line;
    this.field = field;
    this.reason = reason;
  }

  /** Line number (1-based), or 0 when the text did not come from a numbered line. */
  public long line() {
    return line;
  }

  /** Dotted path of the offending field, or null when the whole line is to blame. */
  public String field() {
    return field;
  }

  /** What is wrong, without the line and field prefix. */
  public String reason() {
    return reason;
  }

  /** A copy that names {@code newLine}. */
  public EventJsonException atLine(long newLine) {
    return new EventJsonException(newLine, field, reason, getCause());
  }

  private static String describe(long line, String field, String reason) {
    StringBuilder text = new StringBuilder();
    if (line > 0) {
      text.append("line ").append(line).append(": ");
    }
    if (field != null) {
      text.append("field '").append(field).append("': ");
    }
    return text.append(reason).toString();
  }
}
