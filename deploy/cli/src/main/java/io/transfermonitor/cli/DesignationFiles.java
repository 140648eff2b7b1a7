package io.transfermonitor.cli;

import io.transfermonitor.model.Designation;
import io.transfermonitor.producers.designations.DesignationCsv;
import io.transfermonitor.producers.designations.ListContents;
import io.transfermonitor.producers.designations.ListFormatException;
import io.transfermonitor.producers.designations.UnListReader;
import io.transfermonitor.producers.ingest.Mapping;
import io.transfermonitor.producers.ingest.MappingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The designation list files a command is given: UN consolidated list XML ({@code .xml}, {@code
 * .xml.gz}) or CSV through a {@code type: designation} mapping. Reads them all, says on {@code out}
 * what each held and what could not be read, and merges them (a later file's designation replaces
 * an earlier one of the same reference number).
 */
final class DesignationFiles {

  private final List<ListContents> read = new ArrayList<>();

  private DesignationFiles() {}

  /**
   * Reads {@code files}; CSV files need {@code mapping}.
   *
   * @throws IllegalArgumentException naming the file when one cannot be read at all
   */
  static DesignationFiles read(List<Path> files, Path mapping) {
    DesignationFiles all = new DesignationFiles();
    Mapping csvMapping = null;
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no such file: " + file);
      }
      try {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
          if (mapping == null) {
            throw new IllegalArgumentException(
                file + ": a CSV list needs a mapping (--mapping FILE, type: designation)");
          }
          csvMapping = csvMapping != null ? csvMapping : Mapping.load(mapping);
          all.read.add(DesignationCsv.read(file, csvMapping));
        } else {
          all.read.add(UnListReader.read(file));
        }
      } catch (ListFormatException | MappingException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return all;
  }

  /** Every designation read, by reference number. */
  List<Designation> designations() {
    Map<String, Designation> merged = new LinkedHashMap<>();
    read.forEach(c -> c.designations().forEach(d -> merged.put(d.getDesignationId(), d)));
    return List.copyOf(merged.values());
  }

  /** One line per file, then its warnings and problems, on {@code out}. */
  void report(PrintWriter out) {
    for (ListContents contents : read) {
      out.printf(
          Locale.ROOT,
          "%s: %,d designations read, %d record%s could not be read%n",
          contents.file(),
          contents.designations().size(),
          contents.skipped(),
          contents.skipped() == 1 ? "" : "s");
      contents.warnings().forEach(w -> out.println("  warning: " + w));
      contents.problems().forEach(p -> out.println("  " + p.describe()));
    }
  }
}
