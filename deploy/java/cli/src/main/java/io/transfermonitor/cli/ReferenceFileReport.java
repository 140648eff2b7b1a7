package io.transfermonitor.cli;

import io.transfermonitor.producers.components.ReferenceContents;
import io.transfermonitor.producers.ingest.RejectionReport;
import io.transfermonitor.producers.vessels.RegisterProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code chpl load} and {@code makers load} say of the file they read: how many records, how
 * many rows rejected, the file's warnings, the first rejected rows with line and reason, and the
 * report that lists all of them (CSV, or JSON Lines for a {@code .jsonl} name).
 */
final class ReferenceFileReport {

  /** Problems printed before the rest is left to the report. */
  private static final int SHOWN_PROBLEMS = 20;

  private ReferenceFileReport() {}

  /** Writes every rejected row of {@code contents} to {@code report}. */
  static void write(ReferenceContents<?> contents, Path report) throws IOException {
    try (RejectionReport rows = RejectionReport.to(report)) {
      for (RegisterProblem p : contents.problems()) {
        rows.add(p.file(), p.line(), p.field(), p.reason(), p.raw());
      }
    }
  }

  /**
   * Prints {@code file: N what read, M rows rejected (source 'S')}, the warnings and the first
   * problems.
   */
  static void print(PrintWriter out, ReferenceContents<?> contents, String what, Path report) {
    int rejected = contents.problems().size();
    out.printf(
        Locale.ROOT,
        "%s: %,d %s read, %,d row%s rejected (%s)%n",
        contents.file(),
        contents.records().size(),
        what,
        rejected,
        rejected == 1 ? "" : "s",
        contents.source());
    contents.warnings().forEach(w -> out.println("  warning: " + w));
    contents.problems().stream()
        .limit(SHOWN_PROBLEMS)
        .forEach(p -> out.println("  " + p.describe()));
    if (rejected > SHOWN_PROBLEMS) {
      out.printf(Locale.ROOT, "  ... %,d more%n", rejected - SHOWN_PROBLEMS);
    }
    if (rejected > 0) {
      out.printf(
          Locale.ROOT,
          "  %,d rejected row%s listed in %s%n",
          rejected,
          rejected == 1 ? "" : "s",
          report.toAbsolutePath());
    }
  }

  /** Prints {@code LABEL: a 3, b 1} for {@code records} counted by {@code by}, when any. */
  static <V> void printCounts(
      PrintWriter out, String label, List<V> records, Function<V, String> by) {
    Map<String, Long> counts =
        records.stream().collect(Collectors.groupingBy(by, TreeMap::new, Collectors.counting()));
    if (!counts.isEmpty()) {
      out.println(
          "  "
              + label
              + ": "
              + counts.entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
  }

  /**
   * Whether {@code contents} are to be published: not with {@code dryRun} (said), and never when
   * the file gave no record, which would remove every record of its source.
   *
   * @param what the records, plural ("HS codes", "makers")
   * @param one one of them ("HS code", "maker")
   * @throws IllegalArgumentException when the file gave none
   */
  static boolean toPublish(
      PrintWriter out, ReferenceContents<?> contents, String what, String one, boolean dryRun) {
    if (dryRun) {
      out.printf(
          Locale.ROOT,
          "%,d %s checked, nothing published (--dry-run)%n",
          contents.records().size(),
          what);
      out.flush();
      return false;
    }
    if (contents.records().isEmpty()) {
      throw new IllegalArgumentException(
          contents.file()
              + ": no "
              + one
              + " read, nothing published (a load without "
              + what
              + " would remove every "
              + one
              + " of "
              + contents.source()
              + ")");
    }
    return true;
  }
}
