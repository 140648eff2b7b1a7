package io.transfermonitor.cli;

import io.transfermonitor.producers.ingest.CsvFormatException;
import io.transfermonitor.producers.ingest.CsvReader;
import io.transfermonitor.streams.screen.DesignationMatch;
import io.transfermonitor.streams.screen.NamePairs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code screen --pairs}: a CSV of name pairs ({@code name1,name2}, optionally {@code schema})
 * scored as the monitor scores a party {@code name1} against a designation listed as {@code name2};
 * every row written back with {@code score} and {@code match} (true at or above the threshold).
 * When the file also has an {@code expected} column (true/false), how well the matches agree with
 * it: precision, recall, F1 and every row they disagree on, with which name parts matched how.
 */
final class ScreenPairs {

  private final NamePairs pairs;
  private final double threshold;
  private int truePositives;
  private int falsePositives;
  private int falseNegatives;
  private int trueNegatives;
  private final List<String> misses = new ArrayList<>();

  /** Per schema (when the file has the column): true and false positives, false negatives. */
  private final Map<String, int[]> bySchema = new TreeMap<>();

  ScreenPairs(NamePairs pairs, double threshold) {
    this.pairs = pairs;
    this.threshold = threshold;
  }

  /**
   * Scores every row of {@code in} ({@code name} names it in errors) to {@code out} as CSV.
   *
   * @throws IllegalArgumentException naming the file and line of a row that cannot be scored
   */
  void score(Reader in, String name, PrintWriter out) throws IOException {
    try (CsvReader csv = new CsvReader(in, ',')) {
      if (!csv.next()) {
        throw new IllegalArgumentException(name + ": empty file, expected a name1,name2 header");
      }
      List<String> header = csv.fields().stream().map(String::strip).toList();
      int name1 = column(header, "name1", name);
      int name2 = column(header, "name2", name);
      int schema = header.indexOf("schema");
      int expected = header.indexOf("expected");
      List<String> written = new ArrayList<>(header);
      written.add("score");
      written.add("match");
      out.println(csvLine(written));
      while (csv.next()) {
        List<String> row = csv.fields();
        if (row.size() != header.size()) {
          throw new IllegalArgumentException(
              name
                  + ":"
                  + csv.line()
                  + ": "
                  + row.size()
                  + " columns, the header has "
                  + header.size());
        }
        Optional<DesignationMatch> found = match(row, name1, name2, schema, name, csv.line());
        double score = found.map(DesignationMatch::score).orElse(0.0);
        String why = found.map(DesignationMatch::explanation).orElse("");
        boolean match = score >= threshold;
        List<String> cells = new ArrayList<>(row);
        cells.add(String.format(Locale.ROOT, "%.3f", score));
        cells.add(String.valueOf(match));
        out.println(csvLine(cells));
        if (expected >= 0 && schema >= 0) {
          int[] counts = bySchema.computeIfAbsent(row.get(schema).strip(), k -> new int[3]);
          boolean wanted = Boolean.parseBoolean(row.get(expected).strip());
          if (match) {
            counts[wanted ? 0 : 1]++;
          } else if (wanted) {
            counts[2]++;
          }
        }
        if (expected >= 0) {
          count(
              Boolean.parseBoolean(row.get(expected).strip()),
              match,
              row,
              name1,
              name2,
              score,
              why);
        }
      }
    } catch (CsvFormatException e) {
      throw new IllegalArgumentException(name + ":" + e.line() + ": " + e.reason(), e);
    }
    out.flush();
  }

  /** Whether the file had an {@code expected} column to measure against. */
  boolean measured() {
    return truePositives + falsePositives + falseNegatives + trueNegatives > 0;
  }

  /**
   * Precision, recall and F1 at the threshold, overall and per schema, then the rows matches and
   * labels disagree on.
   */
  void summary(PrintWriter err) {
    double precision = ratio(truePositives, truePositives + falsePositives);
    double recall = ratio(truePositives, truePositives + falseNegatives);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    err.printf(
        Locale.ROOT,
        "screen --pairs at threshold %.2f: precision %.3f, recall %.3f, F1 %.3f (%d true"
            + " positives, %d false positives, %d false negatives, %d true negatives)%n",
        threshold,
        precision,
        recall,
        f1,
        truePositives,
        falsePositives,
        falseNegatives,
        trueNegatives);
    bySchema.forEach(
        (schema, c) -> {
          if (c[0] + c[1] + c[2] == 0) {
            return; // only true negatives: nothing to measure
          }
          double p = ratio(c[0], c[0] + c[1]);
          double r = ratio(c[0], c[0] + c[2]);
          err.printf(
              Locale.ROOT,
              "  %s: precision %.3f, recall %.3f, F1 %.3f (%d true positives, %d false positives,"
                  + " %d false negatives)%n",
              schema,
              p,
              r,
              p + r == 0 ? 0 : 2 * p * r / (p + r),
              c[0],
              c[1],
              c[2]);
        });
    misses.forEach(err::println);
    err.flush();
  }

  private Optional<DesignationMatch> match(
      List<String> row, int name1, int name2, int schema, String file, long line) {
    try {
      return pairs.match(row.get(name1), row.get(name2), schema < 0 ? null : row.get(schema));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + line + ": " + e.getMessage(), e);
    }
  }

  private void count(
      boolean expected,
      boolean match,
      List<String> row,
      int name1,
      int name2,
      double score,
      String why) {
    if (expected && match) {
      truePositives++;
    } else if (match) {
      falsePositives++;
      misses.add(miss("false positive", row, name1, name2, score, why));
    } else if (expected) {
      falseNegatives++;
      misses.add(miss("false negative", row, name1, name2, score, why));
    } else {
      trueNegatives++;
    }
  }

  private static String miss(
      String what, List<String> row, int name1, int name2, double score, String why) {
    return String.format(
            Locale.ROOT, "  %s %.3f: %s | %s", what, score, row.get(name1), row.get(name2))
        + (why.isEmpty() ? "" : "  [" + why + "]");
  }

  private static int column(List<String> header, String wanted, String file) {
    int i = header.indexOf(wanted);
    if (i < 0) {
      throw new IllegalArgumentException(
          file + ": no column '" + wanted + "' (columns: " + header + ")");
    }
    return i;
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
  static String csvLine(List<String> cells) {
    List<String> quoted = new ArrayList<>(cells.size());
    for (String cell : cells) {
      boolean quote =
          cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
      quoted.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }
    return String.join(",", quoted);
  }
}
