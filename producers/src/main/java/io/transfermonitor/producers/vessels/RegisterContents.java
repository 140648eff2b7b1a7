package io.transfermonitor.producers.vessels;

import io.transfermonitor.model.VesselRecord;
import java.util.List;

/**
 * What one register file holds.
 *
 * @param file the file, as named on the command line
 * @param source the register's name every vessel carries ({@code VesselRecord.source})
 * @param vessels every vessel read, in file order, one per key
 * @param problems rejected rows and doubtful values, in file order
 * @param warnings about the file as a whole, e.g. columns that were not read
 */
public record RegisterContents(
    String file,
    String source,
    List<VesselRecord> vessels,
    List<RegisterProblem> problems,
    List<String> warnings) {

  public RegisterContents {
    vessels = List.copyOf(vessels);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  /** Rows that gave no vessel. */
  public List<RegisterProblem> rejected() {
    return problems.stream().filter(RegisterProblem::rejected).toList();
  }
}
