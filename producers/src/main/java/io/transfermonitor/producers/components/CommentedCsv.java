package io.transfermonitor.producers.components;

import io.transfermonitor.producers.ingest.CsvFormatException;
import io.transfermonitor.producers.ingest.CsvReader;
import io.transfermonitor.producers.vessels.RegisterProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A CSV file that may hold comment lines (a {@code #} first): the text with each comment line made
 * blank, so the CSV reader skips it and every row keeps its line number, and the comments' {@code
 * key: value} lines ({@code # list: ...}, {@code # date: 2024-02-23}) as the file's own facts.
 *
 * @param text the file with its comment lines blank
 * @param facts the {@code key: value} comments, keys in lower case, the first of each key
 */
record CommentedCsv(String text, Map<String, String> facts) {

  static CommentedCsv read(Reader in) {
    StringBuilder text = new StringBuilder();
    Map<String, String> facts = new LinkedHashMap<>();
    try (BufferedReader lines = new BufferedReader(in)) {
      String line;
      while ((line = lines.readLine()) != null) {
        String trimmed = line.strip();
        if (trimmed.startsWith("#")) {
          String comment = trimmed.substring(1).strip();
          int colon = comment.indexOf(':');
          if (colon > 0 && comment.substring(0, colon).matches("[A-Za-z][A-Za-z -]*")) {
            facts.putIfAbsent(
                comment.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                comment.substring(colon + 1).strip());
          }
          text.append('\n');
        } else {
          text.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CommentedCsv(text.toString(), facts);
  }

  Reader reader() {
    return new StringReader(text);
  }

  /**
   * Checks the header row of a reference file whose columns are {@code header}, the last optional:
   * the first two or all three names, in order, case aside.
   *
   * @throws IllegalArgumentException naming the file and both headers otherwise
   */
  static void checkHeader(String name, CsvReader csv, List<String> header) {
    List<String> columns =
        csv.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
    if (columns.size() < 2 || !columns.equals(header.subList(0, Math.min(columns.size(), 3)))) {
      throw new IllegalArgumentException(
          name + ": the header is " + columns + ", not " + String.join(",", header));
    }
  }

  /** The problem of a row that has not 2 or 3 columns, if it has not. */
  static Optional<RegisterProblem> wrongWidth(String name, CsvReader csv, List<String> header) {
    if (csv.size() >= 2 && csv.size() <= 3) {
      return Optional.empty();
    }
    return Optional.of(
        new RegisterProblem(
            name,
            csv.line(),
            null,
            "row has " + csv.size() + " columns, not 2 or 3 (" + String.join(",", header) + ")",
            csv.raw(),
            true));
  }

  /**
   * Reads the file's rows: a row the CSV reader cannot read and a row of another width than {@code
   * header}'s (its last column optional) go to {@code problems} with their line; the header row is
   * checked ({@link #checkHeader}); every other row goes to {@code row}. Whether the file had a
   * header row.
   */
  boolean rows(
      String name, List<String> header, List<RegisterProblem> problems, Consumer<CsvReader> row) {
    CsvReader csv = new CsvReader(reader(), ',');
    boolean headerSeen = false;
    while (true) {
      try {
        if (!csv.next()) {
          return headerSeen;
        }
      } catch (CsvFormatException e) {
        problems.add(new RegisterProblem(name, e.line(), null, e.reason(), e.raw(), true));
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        checkHeader(name, csv, header);
        continue;
      }
      wrongWidth(name, csv, header).ifPresentOrElse(problems::add, () -> row.accept(csv));
    }
  }
}
