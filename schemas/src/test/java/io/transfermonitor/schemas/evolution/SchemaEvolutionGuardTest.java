package io.transfermonitor.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard against fixtures: one released v1 and current models that keep or break it. */
class SchemaEvolutionGuardTest {

  @TempDir Path temp;

  private static Path fixture(String name) {
    try {
      return Path.of(SchemaEvolutionGuardTest.class.getResource("/evolution/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<EvolutionProblem> check(Path current) {
    return new SchemaEvolutionGuard(fixture("released"), current).problems();
  }

  @Test
  void shouldAcceptAnOptionalFieldAnAddedSymbolAndARemovedField() {
    assertThat(check(fixture("compatible"))).isEmpty();
  }

  @Test
  void shouldRefuseANewFieldWithoutADefaultNamingSchemaAndField() {
    List<EvolutionProblem> problems = check(fixture("new-required-field"));

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.schema()).isEqualTo("fixture.Shipment");
              assertThat(p.field()).isEqualTo("vesselImo");
              assertThat(p.release()).isEqualTo("v1");
              assertThat(p.toString())
                  .startsWith(
                      "fixture.Shipment field 'vesselImo': cannot read data written with"
                          + " released v1: new field 'vesselImo' has no default");
            });
  }

  @Test
  void shouldRefuseAChangedFieldTypeNamingSchemaAndField() {
    List<EvolutionProblem> problems = check(fixture("changed-type"));

    assertThat(problems)
        .singleElement()
        .hasToString(
            "fixture.Shipment field 'barrels': cannot read data written with released v1:"
                + " reader type: INT not compatible with writer type: DOUBLE"
                + " [TYPE_MISMATCH at /fields/2/type]");
  }

  @Test
  void shouldRefuseARemovedEnumSymbolInTheEnumAndInTheRecordsUsingIt() {
    List<EvolutionProblem> problems = check(fixture("removed-symbol"));

    assertThat(problems)
        .extracting(EvolutionProblem::schema, EvolutionProblem::field)
        .containsExactlyInAnyOrder(tuple("fixture.Cargo", ""), tuple("fixture.Shipment", "cargo"));
    assertThat(problems.get(0).what()).contains("[COAL]");
  }

  @Test
  void shouldRefuseARemovedSchema() throws IOException {
    copy(fixture("released/v1"), temp);
    Files.delete(temp.resolve("Shipment.avsc"));

    assertThat(check(temp))
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).startsWith("fixture.Shipment: ").contains("gone"));
  }

  @Test
  void shouldNameTheNestedFieldWhenTheRealEventHeaderBreaks() throws IOException {
    copy(Path.of("src/main/avro"), temp);
    Path header = temp.resolve("common/EventHeader.avsc");
    String text = Files.readString(header);
    String confidence = "{\"name\":\"confidence\",\"type\":\"double\",\"default\":1.0";
    assertThat(text).contains(confidence);
    Files.writeString(
        header,
        text.replace(confidence, "{\"name\":\"confidence\",\"type\":\"string\",\"default\":\"1\""));

    List<EvolutionProblem> problems =
        new SchemaEvolutionGuard(Path.of("src/released/avro"), temp).problems();

    assertThat(problems)
        .extracting(EvolutionProblem::schema, EvolutionProblem::field)
        .contains(
            tuple("io.transfermonitor.model.EventHeader", "confidence"),
            tuple("io.transfermonitor.model.TankerDelivery", "header.confidence"));
    assertThat(problems).hasSize(7); // the header and the six event records that carry it
  }

  @Test
  void shouldRefuseToPassWithoutAnyRelease() throws IOException {
    Path noReleases = Files.createDirectory(temp.resolve("released"));

    assertThatThrownBy(() -> new SchemaEvolutionGuard(noReleases, fixture("compatible")).problems())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no released schemas under " + noReleases);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
