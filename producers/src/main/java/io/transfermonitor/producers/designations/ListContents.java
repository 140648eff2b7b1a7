package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import java.util.ArrayList;
import java.util.List;

/**
 * What one list file holds.
 *
 * @param file the file, as named on the command line
 * @param designations every record that could be read, in file order
 * @param problems records left out (and why), and values that could not be read
 * @param warnings about the file as a whole, e.g. bytes that were not in the declared encoding
 * @param repairs damaged spots that were mended so the rest could be read (a control character in a
 *     name, a stray {@code &}), with line and column
 * @param scope the lists the file is a complete version of: what a load of it may delist
 */
public record ListContents(
    String file,
    List<Designation> designations,
    List<RecordProblem> problems,
    List<String> warnings,
    List<Repair> repairs,
    ListScope scope) {

  public ListContents {
    designations = List.copyOf(designations);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    repairs = List.copyOf(repairs);
  }

  /** A file with nothing mended, scoped to the sources of its designations. */
  public ListContents(
      String file,
      List<Designation> designations,
      List<RecordProblem> problems,
      List<String> warnings) {
    this(file, designations, problems, warnings, List.of(), ListScope.of(designations));
  }

  /** Records that were found but could not be read. */
  public long skipped() {
    return problems.stream().filter(RecordProblem::skipped).count();
  }

  /**
   * Everything that was not read as the file has it: records skipped, values left out, spots
   * mended, bytes not in the declared encoding; one line each. Empty for an undamaged file.
   */
  public List<String> damage() {
    List<String> damage = new ArrayList<>();
    warnings.forEach(damage::add);
    repairs.forEach(r -> damage.add(r.describe(file)));
    problems.forEach(p -> damage.add(p.describe()));
    return damage;
  }
}
