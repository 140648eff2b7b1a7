package io.transfermonitor.producers.components;

import io.transfermonitor.producers.vessels.RegisterProblem;
import java.util.List;

/**
 * What one reference file (a priority list, a makers table) holds.
 *
 * @param file the file, as named on the command line
 * @param source the list or table every record carries: a later load of it replaces it whole
 * @param records every record read, in file order, one per key
 * @param problems the rows that gave no record, in file order, each with its line and reason
 * @param warnings about the file as a whole (no date, no header)
 */
public record ReferenceContents<V>(
    String file,
    String source,
    List<V> records,
    List<RegisterProblem> problems,
    List<String> warnings) {

  public ReferenceContents {
    records = List.copyOf(records);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }
}
