package io.transfermonitor.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaParser;

/**
 * The build's BACKWARD check: every schema in the current model must read data written with every
 * released version of it, so consumers upgraded first never choke on what is already on the topics.
 *
 * <p>In: a directory of releases ({@code src/released/avro/v1}, {@code v2}, ...; each a full copy
 * of {@code src/main/avro} as released) and the current schema directory. Out: the list of {@link
 * EvolutionProblem}s, empty when all is well. Every named type is checked (records and enums,
 * shared ones under {@code common/} too), against every release, not only the latest: compacted
 * topics keep old records for ever. A released schema that no longer exists is a problem too.
 *
 * <p>Run by the build through {@code ReleasedSchemasTest}; {@link #main} does the same from a
 * shell.
 */
public final class SchemaEvolutionGuard {

  private final Path releases;
  private final Path current;

  public SchemaEvolutionGuard(Path releases, Path current) {
    this.releases = releases;
    this.current = current;
  }

  /**
   * Usage: {@code SchemaEvolutionGuard <releases dir> <current schema dir>}; exits 1 listing the
   * problems, 0 when every current schema reads every release.
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: SchemaEvolutionGuard <releases dir> <current schema dir>");
      System.exit(2);
    }
    SchemaEvolutionGuard guard = new SchemaEvolutionGuard(Path.of(args[0]), Path.of(args[1]));
    List<EvolutionProblem> problems = guard.problems();
    if (problems.isEmpty()) {
      System.out.println("schema evolution guard: " + guard.summary());
      return;
    }
    problems.forEach(p -> System.err.println("schema evolution guard: " + p));
    System.exit(1);
  }

  /** Every reason a current schema cannot read a release; empty when all is well. */
  public List<EvolutionProblem> problems() {
    Map<String, Schema> now = read(current);
    Map<String, Map<String, Schema>> released = releasedVersions();
    List<EvolutionProblem> problems = new ArrayList<>();
    released.forEach(
        (release, schemas) ->
            schemas.forEach(
                (name, old) -> {
                  Schema reader = now.get(name);
                  if (reader == null) {
                    problems.add(
                        new EvolutionProblem(
                            name, release, "", "the schema is gone from " + current));
                    return;
                  }
                  SchemaCompatibility.checkReaderWriterCompatibility(reader, old)
                      .getResult()
                      .getIncompatibilities()
                      .forEach(i -> problems.add(problem(name, release, reader, i)));
                }));
    return problems;
  }

  /** What was checked, for the build log. */
  public String summary() {
    Map<String, Map<String, Schema>> released = releasedVersions();
    return read(current).size()
        + " current schemas read every released version ("
        + String.join(", ", released.keySet())
        + ")";
  }

  private Map<String, Map<String, Schema>> releasedVersions() {
    Map<String, Map<String, Schema>> versions = new LinkedHashMap<>();
    try (Stream<Path> dirs = Files.list(releases)) {
      dirs.filter(Files::isDirectory)
          .filter(d -> d.getFileName().toString().matches("v\\d+"))
          .sorted(
              Comparator.comparingInt(
                  d -> Integer.parseInt(d.getFileName().toString().substring(1))))
          .forEach(d -> versions.put(d.getFileName().toString(), read(d)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list released schemas in " + releases, e);
    }
    if (versions.isEmpty()) {
      // an empty release directory would let every change through: refuse it
      throw new IllegalStateException(
          "no released schemas under " + releases + " (expected v1/, v2/, ... with .avsc files)");
    }
    return versions;
  }

  /** All named types defined by the .avsc files under {@code dir}, by full name. */
  static Map<String, Schema> read(Path dir) {
    List<Path> order;
    try (Stream<Path> walk = Files.walk(dir)) {
      order = new ArrayList<>(walk.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list schemas in " + dir, e);
    }
    if (order.isEmpty()) {
      throw new IllegalStateException("no .avsc files under " + dir);
    }
    // Avro resolves most forward references between files, but not an enum default whose enum
    // comes later; such a file is moved behind the others and the set parsed again
    Map<Path, Integer> moves = new HashMap<>();
    while (true) {
      SchemaParser parser = new SchemaParser();
      Path failed = null;
      AvroRuntimeException failure = null;
      for (Path file : order) {
        try {
          parser.parse(file);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        } catch (AvroRuntimeException e) {
          failed = file;
          failure = e;
          break;
        }
      }
      if (failed == null) {
        return byName(parser, dir);
      }
      if (moves.merge(failed, 1, Integer::sum) > order.size()) {
        throw new IllegalStateException(
            "cannot parse " + failed + ": " + failure.getMessage(), failure);
      }
      order.remove(failed);
      order.add(failed);
    }
  }

  private static Map<String, Schema> byName(SchemaParser parser, Path dir) {
    Map<String, Schema> byName = new TreeMap<>();
    try {
      parser.getParsedNamedSchemas().forEach(s -> byName.put(s.getFullName(), s));
    } catch (AvroRuntimeException e) {
      throw new IllegalStateException("schemas under " + dir + " do not resolve: " + e, e);
    }
    return byName;
  }

  private static EvolutionProblem problem(
      String name, String release, Schema reader, Incompatibility incompatibility) {
    String field = FieldPath.of(reader, incompatibility.getLocation());
    String what =
        switch (incompatibility.getType()) {
          case READER_FIELD_MISSING_DEFAULT_VALUE ->
              "new field '"
                  + incompatibility.getMessage()
                  + "' has no default, and old records have no value for it";
          case MISSING_ENUM_SYMBOLS ->
              "enum symbols "
                  + incompatibility.getMessage()
                  + " were removed and the enum has no default";
          case MISSING_UNION_BRANCH -> "union lost a branch: " + incompatibility.getMessage();
          default -> incompatibility.getMessage();
        };
    return new EvolutionProblem(
        name,
        release,
        field,
        what + " [" + incompatibility.getType() + " at " + incompatibility.getLocation() + "]");
  }
}
