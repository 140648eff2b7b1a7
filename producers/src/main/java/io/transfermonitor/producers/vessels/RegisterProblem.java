package io.transfermonitor.producers.vessels;

/**
 * Something about one row of a register file.
 *
 * @param file the file, as named on the command line
 * @param line the line the row starts on (1-based)
 * @param field the field concerned ({@code imo}, {@code flag}, ...), or null for the whole row
 * @param reason what is wrong
 * @param raw the row as read, for the rejection report
 * @param rejected true when the row gave no vessel; false when the vessel was loaded all the same
 */
public record RegisterProblem(
    String file, long line, String field, String reason, String raw, boolean rejected) {

  /** One line for the console: {@code file:line: field 'imo': reason (row rejected)}. */
  public String describe() {
    return file
        + ":"
        + line
        + ": "
        + (field == null ? "" : "field '" + field + "': ")
        + reason
        + (rejected ? " (row rejected)" : " (vessel loaded)");
  }
}
