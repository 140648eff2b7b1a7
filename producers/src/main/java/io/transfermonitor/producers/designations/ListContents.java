package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import java.util.List;

/**
 * What one list file holds.
 *
 * @param file the file, as named on the command line
 * @param designations every record that could be read, in file order
 * @param problems records left out (and why), and values that could not be read
 * @param warnings about the file as a whole, e.g. bytes that were not in the declared encoding
 */
public record ListContents(
    String file,
    List<Designation> designations,
    List<RecordProblem> problems,
    List<String> warnings) {

  public ListContents {
    designations = List.copyOf(designations);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  /** Records that were found but could not be read. */
  public long skipped() {
    return problems.stream().filter(RecordProblem::skipped).count();
  }
}
