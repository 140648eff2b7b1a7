package io.transfermonitor.producers.designations;

/**
 * One damaged spot of a list file that was mended so the rest of the file could be read.
 *
 * @param line 1-based line of the spot in the file
 * @param column 1-based column (characters) of the spot in its line
 * @param what what was found and what was done, e.g. {@code control character U+0007 removed}
 */
public record Repair(long line, long column, String what) {

  /** One line for a report: {@code file:line:column: what}. */
  public String describe(String file) {
    return file + ":" + line + ":" + column + ": " + what;
  }
}
