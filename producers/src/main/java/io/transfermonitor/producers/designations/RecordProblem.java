package io.transfermonitor.producers.designations;

/**
 * Something wrong with one record of a list file.
 *
 * @param file the file, as named on the command line
 * @param line the line the record starts on (1-based; 0 if unknown)
 * @param record which record, e.g. {@code ENTITY KPe.047} or {@code INDIVIDUAL DATAID 6908555}
 * @param reason what is wrong
 * @param skipped true when the record could not be read and was left out; false when it was read
 *     without the value named (e.g. an unreadable listing date)
 */
public record RecordProblem(String file, long line, String record, String reason, boolean skipped) {

  /** One line for a report: {@code file:line: record: reason (skipped)}. */
  public String describe() {
    return file
        + ":"
        + line
        + ": "
        + record
        + ": "
        + reason
        + (skipped ? " (record skipped)" : " (record loaded without it)");
  }
}
