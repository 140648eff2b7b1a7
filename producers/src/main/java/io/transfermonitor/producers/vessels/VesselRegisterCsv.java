package io.transfermonitor.producers.vessels;

import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.ingest.CsvFormatException;
import io.transfermonitor.producers.ingest.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a vessel register CSV through a {@link VesselMapping}. In: the file, its mapping and the
 * register's name. Out: {@link RegisterContents}: a {@link VesselRecord} per good row, checked by
 * {@link VesselValidator}, and every row that gave none with its line, field and reason (a row that
 * does not parse as CSV, has the wrong number of columns, fails a check, or repeats a key an
 * earlier row has), so that no row is lost without a word. Nothing in the file stops the read; a
 * mapping that does not fit the header does, before the first row.
 */
public final class VesselRegisterCsv {

  private VesselRegisterCsv() {}

  /**
   * Reads {@code file}.
   *
   * @param source the register's name, for every vessel's {@code source}
   * @throws io.transfermonitor.producers.ingest.MappingException when the header lacks a mapped
   *     column
   */
  public static RegisterContents read(Path file, VesselMapping mapping, String source)
      throws IOException {
    try (InputStream bytes = Files.newInputStream(file);
        Reader in = CsvReader.utf8(bytes)) {
      return read(file.toString(), in, mapping, source);
    }
  }

  /** Reads a register from {@code in}; {@code name} stands for the file in what it reports. */
  public static RegisterContents read(
      String name, Reader in, VesselMapping mapping, String source) {
    Rows rows = new Rows(name);
    CsvReader csv = new CsvReader(in, mapping.delimiter());
    Map<String, Integer> columns = null;
    int width = 0;
    while (true) {
      try {
        if (!csv.next()) {
          break;
        }
      } catch (CsvFormatException e) {
        rows.reject(e.line(), null, e.reason(), e.raw());
        continue;
      }
      if (columns == null) {
        width = csv.size();
        columns = mapping.bind(List.copyOf(csv.fields()), rows.warnings);
      } else if (csv.size() != width) {
        rows.reject(
            csv.line(),
            null,
            "row has " + csv.size() + " columns, the header has " + width,
            csv.raw());
      } else {
        Map<String, String> values = new HashMap<>();
        columns.forEach((field, index) -> values.put(field, csv.get(index)));
        rows.add(csv.line(), csv.raw(), VesselValidator.check(values, source));
      }
    }
    if (columns == null) {
      rows.warnings.add("empty file: no header row");
    }
    return new RegisterContents(name, source, rows.vessels, rows.problems, rows.warnings);
  }

  /** What the rows gave so far, and the keys and MMSIs already seen. */
  private static final class Rows {
    private final String file;
    private final List<VesselRecord> vessels = new ArrayList<>();
    private final List<RegisterProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Long> keys = new HashMap<>();
    private final Map<String, Long> mmsis = new HashMap<>();

    Rows(String file) {
      this.file = file;
    }

    void add(long line, String raw, VesselValidator.Outcome outcome) {
      if (outcome instanceof VesselValidator.Invalid invalid) {
        reject(line, invalid.problem().field(), invalid.problem().reason(), raw);
      } else {
        accept(line, raw, (VesselValidator.Valid) outcome);
      }
    }

    private void accept(long line, String raw, VesselValidator.Valid valid) {
      VesselRecord vessel = valid.vessel();
      String key = VesselKey.of(vessel);
      Long earlier = keys.putIfAbsent(key, line);
      if (earlier != null) {
        reject(line, null, key + " already at line " + earlier, raw);
        return;
      }
      valid.warnings().forEach(w -> problems.add(problem(line, w.field(), w.reason(), raw, false)));
      if (vessel.getMmsi() != null) {
        Long sameMmsi = mmsis.putIfAbsent(vessel.getMmsi(), line);
        if (sameMmsi != null) {
          problems.add(
              problem(
                  line,
                  "mmsi",
                  "MMSI " + vessel.getMmsi() + " is also the MMSI of line " + sameMmsi,
                  raw,
                  false));
        }
      }
      vessels.add(vessel);
    }

    void reject(long line, String field, String reason, String raw) {
      problems.add(problem(line, field, reason, raw, true));
    }

    private RegisterProblem problem(
        long line, String field, String reason, String raw, boolean rejected) {
      return new RegisterProblem(file, line, field, reason, raw, rejected);
    }
  }
}
