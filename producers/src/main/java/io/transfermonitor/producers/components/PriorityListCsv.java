package io.transfermonitor.producers.components;

import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.producers.ingest.CsvReader;
import io.transfermonitor.producers.vessels.RegisterProblem;
import io.transfermonitor.schemas.validation.HsCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a priority list of HS codes with their tiers (the Common High Priority List) from CSV: a
 * header {@code hs_code,tier,description}, one row per code; comment lines start with {@code #},
 * and two of them name the list and the date of its version ({@code # list: ...}, {@code # date:
 * 2024-02-23}) unless the caller names them. Every row that gives no entry is reported with its
 * line and reason: an HS code of the wrong shape, a tier the list does not have, a code an earlier
 * row gave already, a wrong number of columns. Nothing in the file stops the read.
 */
public final class PriorityListCsv {

  /** The committed copy of the list, a resource of this jar; the demo loads it. */
  public static final String BUNDLED = "/components/common-high-priority-list.csv";

  /** The tiers of the Common High Priority List. */
  public static final Set<String> TIERS = Set.of("1", "2", "3.A", "3.B", "4.A", "4.B");

  private static final List<String> HEADER = List.of("hs_code", "tier", "description");

  private PriorityListCsv() {}

  /**
   * Reads {@code file}.
   *
   * @param list the list's name, or null for the file's {@code # list:} line, else the file's name
   * @param date the date of its version, or null for the file's {@code # date:} line
   */
  public static ReferenceContents<PriorityListEntry> read(Path file, String list, String date)
      throws IOException {
    try (InputStream bytes = Files.newInputStream(file);
        Reader in = CsvReader.utf8(bytes)) {
      return read(file.toString(), in, list, date);
    }
  }

  /** The committed copy ({@link #BUNDLED}), under its own list name and date. */
  public static ReferenceContents<PriorityListEntry> bundled() throws IOException {
    try (InputStream bytes = PriorityListCsv.class.getResourceAsStream(BUNDLED)) {
      if (bytes == null) {
        throw new IllegalStateException("missing from the jar: " + BUNDLED);
      }
      return read(BUNDLED, CsvReader.utf8(bytes), null, null);
    }
  }

  /** Reads a list from {@code in}; {@code name} stands for the file in what it reports. */
  public static ReferenceContents<PriorityListEntry> read(
      String name, Reader in, String list, String date) {
    CommentedCsv file = CommentedCsv.read(in);
    List<String> warnings = new ArrayList<>();
    String listName = first(list, file.facts().get("list"), fileName(name));
    String listDate = first(date, file.facts().get("date"), null);
    if (listDate == null) {
      warnings.add("the list's date is not known: give --date or a '# date: YYYY-MM-DD' line");
    } else {
      try {
        listDate = LocalDate.parse(listDate).toString();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            name + ": the list's date '" + listDate + "' is not a date (YYYY-MM-DD)");
      }
    }
    String dated = listDate;
    List<PriorityListEntry> entries = new ArrayList<>();
    List<RegisterProblem> problems = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    boolean hadHeader =
        file.rows(
            name,
            HEADER,
            problems,
            csv -> {
              String raw = csv.raw();
              long line = csv.line();
              String code = csv.get(0).strip();
              String hs = HsCode.written(code);
              if (hs == null || HsCode.subheading(code).length() != 6) {
                String why = HsCode.problem(code);
                problems.add(
                    new RegisterProblem(
                        name,
                        line,
                        "hs_code",
                        why != null
                            ? why
                            : "'" + code + "' is longer than a six-digit subheading (8542.31)",
                        raw,
                        true));
                return;
              }
              String tier = csv.get(1).strip().toUpperCase(Locale.ROOT);
              if (!TIERS.contains(tier)) {
                problems.add(
                    new RegisterProblem(
                        name,
                        line,
                        "tier",
                        "unknown tier '"
                            + csv.get(1).strip()
                            + "': the list's tiers are 1, 2, 3.A, 3.B,"
                            + " 4.A and 4.B",
                        raw,
                        true));
                return;
              }
              Long earlier = seen.putIfAbsent(hs, line);
              if (earlier != null) {
                problems.add(
                    new RegisterProblem(
                        name,
                        line,
                        "hs_code",
                        "HS code " + hs + " already at line " + earlier,
                        raw,
                        true));
                return;
              }
              String description =
                  csv.size() > 2 && !csv.get(2).isBlank() ? csv.get(2).strip() : null;
              entries.add(
                  new PriorityListEntry(hs, tier, description, listName, dated, fileName(name)));
            });
    if (!hadHeader) {
      warnings.add("empty file: no header row");
    }
    return new ReferenceContents<>(name, listName, entries, problems, warnings);
  }

  static String fileName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  private static String first(String a, String b, String c) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    if (b != null && !b.isBlank()) {
      return b.strip();
    }
    return c;
  }
}
