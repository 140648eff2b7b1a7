package io.transfermonitor.cli;

import io.transfermonitor.model.Designation;
import io.transfermonitor.producers.designations.DesignationCsv;
import io.transfermonitor.producers.designations.ListContents;
import io.transfermonitor.producers.designations.ListFormat;
import io.transfermonitor.producers.designations.ListFormatException;
import io.transfermonitor.producers.designations.ListScope;
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
 * The designation list files a command is given: the UN consolidated list, OFAC's SDN list (XML,
 * {@code .gz} too), FollowTheMoney entities as OpenSanctions exports them (JSON lines), told apart
 * by content ({@link ListFormat}) or as {@code --format} says; or CSV through a {@code type:
 * designation} mapping. Reads them all, says on {@code out} what each held, what could not be read
 * and what was mended, and merges them (a later file's designation replaces an earlier one of the
 * same reference number); {@link #refuseDamage()} refuses them when one is damaged ({@code
 * --strict}).
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
    return read(files, mapping, null);
  }

  /**
   * Reads {@code files} as {@code format} (null: as each file's content shows); CSV files need
   * {@code mapping}.
   *
   * @throws IllegalArgumentException naming the file when one cannot be read at all
   */
  static DesignationFiles read(List<Path> files, Path mapping, ListFormat format) {
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
          all.read.add(ListFormat.read(file, format));
        }
      } catch (ListFormatException | MappingException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return all;
  }

  /**
   * For {@code --strict}, after {@link #report}: refuses the files when one has any damage (a
   * record skipped, a value left out, a spot mended, bytes not in its encoding), which the report
   * has listed spot by spot.
   *
   * @throws IllegalArgumentException counting the damaged spots and naming the first
   */
  void refuseDamage() {
    List<String> damage = new ArrayList<>();
    for (ListContents contents : read) {
      damage.addAll(contents.damage());
    }
    if (!damage.isEmpty()) {
      throw new IllegalArgumentException(
          "--strict: "
              + damage.size()
              + " damaged spot"
              + (damage.size() == 1 ? "" : "s")
              + " (listed above, the first: "
              + damage.get(0)
              + "); nothing published");
    }
  }

  /** The lists the files are complete versions of: what the load may delist. */
  ListScope scope() {
    ListScope scope = ListScope.none();
    for (ListContents contents : read) {
      scope = scope.or(contents.scope());
    }
    return scope;
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
          "%s: %,d designations read, %d record%s could not be read%s%n",
          contents.file(),
          contents.designations().size(),
          contents.skipped(),
          contents.skipped() == 1 ? "" : "s",
          contents.repairs().isEmpty()
              ? ""
              : ", "
                  + contents.repairs().size()
                  + " damaged spot"
                  + (contents.repairs().size() == 1 ? "" : "s")
                  + " mended");
      contents.warnings().forEach(w -> out.println("  warning: " + w));
      contents.repairs().forEach(r -> out.println("  mended " + r.describe(contents.file())));
      contents.problems().forEach(p -> out.println("  " + p.describe()));
    }
  }
}
