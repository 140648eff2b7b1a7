package io.transfermonitor.producers.components;

import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.producers.designations.CountryCodes;
import io.transfermonitor.producers.ingest.CsvReader;
import io.transfermonitor.producers.vessels.RegisterProblem;
import io.transfermonitor.schemas.validation.MakerName;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a makers table from CSV: a header {@code maker,country,aliases}, one row per maker: its
 * canonical name, its country (ISO alpha-3 or a country name; empty when the table only names the
 * maker) and the other names findings give it, separated by {@code ;}. Lines starting with {@code
 * #} are comments. Names are compared as {@link MakerName} compares them. Every row that gives no
 * maker is reported with its line and reason: no maker, a country that is none, a name (the maker's
 * or an alias) an earlier row gave already, a wrong number of columns. Nothing in the file stops
 * the read.
 */
public final class MakersCsv {

  /** The makers of the seed scenario's findings, a resource of this jar; the demo loads it. */
  public static final String DEMO = "/components/demo-makers.csv";

  private static final List<String> HEADER = List.of("maker", "country", "aliases");

  private MakersCsv() {}

  /**
   * Reads {@code file}.
   *
   * @param source the table's name, or null for the file's name
   */
  public static ReferenceContents<MakerRecord> read(Path file, String source) throws IOException {
    try (InputStream bytes = Files.newInputStream(file);
        Reader in = CsvReader.utf8(bytes)) {
      return read(file.toString(), in, source);
    }
  }

  /** The demo's table ({@link #DEMO}), named {@code demo makers}. */
  public static ReferenceContents<MakerRecord> demo() throws IOException {
    try (InputStream bytes = MakersCsv.class.getResourceAsStream(DEMO)) {
      if (bytes == null) {
        throw new IllegalStateException("missing from the jar: " + DEMO);
      }
      return read(DEMO, CsvReader.utf8(bytes), "demo makers");
    }
  }

  /** Reads a table from {@code in}; {@code name} stands for the file in what it reports. */
  public static ReferenceContents<MakerRecord> read(String name, Reader in, String source) {
    CommentedCsv file = CommentedCsv.read(in);
    String table =
        source != null && !source.isBlank() ? source.strip() : PriorityListCsv.fileName(name);
    List<String> warnings = new ArrayList<>();
    List<MakerRecord> makers = new ArrayList<>();
    List<RegisterProblem> problems = new ArrayList<>();
    Map<String, Long> names = new HashMap<>();
    boolean hadHeader =
        file.rows(
            name,
            HEADER,
            problems,
            csv -> {
              long line = csv.line();
              String raw = csv.raw();
              String maker = csv.get(0).strip();
              if (MakerName.key(maker).isEmpty()) {
                problems.add(new RegisterProblem(name, line, "maker", "no maker", raw, true));
                return;
              }
              String written = csv.get(1).strip();
              String country = null;
              if (!written.isEmpty()) {
                String upper = written.toUpperCase(Locale.ROOT);
                country = CountryCodes.isAlpha3(upper) ? upper : CountryCodes.of(written);
                if (country == null) {
                  problems.add(
                      new RegisterProblem(
                          name,
                          line,
                          "country",
                          "'"
                              + written
                              + "' is no country: an ISO alpha-3 code (USA) or a country name",
                          raw,
                          true));
                  return;
                }
              }
              List<String> aliases =
                  csv.size() < 3
                      ? List.of()
                      : Arrays.stream(csv.get(2).split(";"))
                          .map(String::strip)
                          .filter(a -> !MakerName.key(a).isEmpty())
                          .distinct()
                          .toList();
              String taken = taken(names, maker, aliases);
              if (taken != null) {
                problems.add(new RegisterProblem(name, line, null, taken, raw, true));
                return;
              }
              names.put(MakerName.key(maker), line);
              aliases.forEach(a -> names.putIfAbsent(MakerName.key(a), line));
              makers.add(new MakerRecord(maker, country, aliases, table));
            });
    if (!hadHeader) {
      warnings.add("empty file: no header row");
    }
    return new ReferenceContents<>(name, table, makers, problems, warnings);
  }

  /** Why a row's names clash with an earlier row's, or null. */
  private static String taken(Map<String, Long> names, String maker, List<String> aliases) {
    Long earlier = names.get(MakerName.key(maker));
    if (earlier != null) {
      return "maker '" + maker + "' already at line " + earlier;
    }
    for (String alias : aliases) {
      earlier = names.get(MakerName.key(alias));
      if (earlier != null) {
        return "alias '" + alias + "' is a name of the maker at line " + earlier;
      }
    }
    return null;
  }
}
