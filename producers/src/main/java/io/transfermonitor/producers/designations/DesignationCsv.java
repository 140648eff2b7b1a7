package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import io.transfermonitor.producers.ingest.CsvFormatException;
import io.transfermonitor.producers.ingest.CsvReader;
import io.transfermonitor.producers.ingest.Mapping;
import io.transfermonitor.producers.ingest.MappingException;
import io.transfermonitor.producers.ingest.RowMapper;
import io.transfermonitor.producers.jsonl.EventJsonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV list of designations (a national list of vessels by IMO number, of banks by BIC)
 * through a mapping with {@code type: designation}, the same kind of YAML mapping {@code ingest}
 * uses (see {@code docs/adding-a-source.md}). In: the file and the mapping. Out: {@link
 * ListContents}, one designation per good row, and every row that could not be read, with its line
 * and why.
 */
public final class DesignationCsv {

  private DesignationCsv() {}

  /**
   * Reads {@code file} through {@code mapping}.
   *
   * @throws MappingException when the mapping is not a designation mapping or does not fit the
   *     file's columns
   */
  public static ListContents read(Path file, Mapping mapping) throws IOException {
    if (!mapping.isDesignationList()) {
      throw new MappingException(
          "mapping for "
              + file
              + " reads events ("
              + mapping.kind()
              + "), not designations: give it type: designation");
    }
    try (InputStream in = Files.newInputStream(file);
        CsvReader csv =
            new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8), mapping.delimiter())) {
      return rows(file.toString(), csv, mapping);
    }
  }

  private static ListContents rows(String name, CsvReader csv, Mapping mapping) {
    List<Designation> designations = new ArrayList<>();
    List<RecordProblem> problems = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    RowMapper rows;
    try {
      if (mapping.hasHeaderRow()) {
        if (!csv.next()) {
          return new ListContents(name, designations, problems, List.of(name + ": empty file"));
        }
        rows = mapping.bind(List.copyOf(csv.fields()));
      } else {
        rows = mapping.bind(List.of());
      }
      while (csv.next()) {
        long line = csv.line();
        String label = "row " + line;
        try {
          Designation designation = (Designation) rows.map(csv.fields());
          Long earlier = seen.putIfAbsent(designation.getDesignationId(), line);
          if (earlier != null) {
            problems.add(
                new RecordProblem(
                    name,
                    line,
                    label,
                    "reference number "
                        + designation.getDesignationId()
                        + " already used at line "
                        + earlier,
                    true));
          } else {
            designations.add(designation);
          }
        } catch (EventJsonException e) {
          String field = e.field() == null ? "" : "field '" + e.field() + "': ";
          problems.add(new RecordProblem(name, line, label, field + e.reason(), true));
        }
      }
    } catch (CsvFormatException e) {
      throw new ListFormatException(name + ":" + e.line() + ": " + e.reason(), e);
    }
    return new ListContents(name, designations, problems, List.of());
  }
}
