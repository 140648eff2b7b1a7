package io.transfermonitor.cli;

import io.transfermonitor.producers.components.ReferenceContents;
import io.transfermonitor.producers.ingest.RejectionReport;
import io.transfermonitor.producers.vessels.RegisterProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

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
}
