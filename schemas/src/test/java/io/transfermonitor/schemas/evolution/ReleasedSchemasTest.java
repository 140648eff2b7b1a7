package io.transfermonitor.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.TankerDelivery;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * The build's schema evolution check: the model in {@code src/main/avro} must read data written
 * with every version released under {@code src/released/avro}. A failure here lists each schema and
 * field that would break consumers; see schemas/README.md for what to do.
 */
class ReleasedSchemasTest {

  private static final Path RELEASES = Path.of("src/released/avro");
  private static final Path CURRENT = Path.of("src/main/avro");

  @Test
  void shouldReadDataWrittenWithEveryReleasedSchema() {
    SchemaEvolutionGuard guard = new SchemaEvolutionGuard(RELEASES, CURRENT);

    assertThat(guard.problems())
        .as("current schemas that cannot read released data (BACKWARD)")
        .isEmpty();
    assertThat(guard.summary()).contains("(v1");
  }

  @Test
  void shouldCheckTheSameSchemasTheClassesWereGeneratedFrom() {
    // the generated classes carry avro.java.string properties; compare the parsing canonical form
    Map<String, Schema> parsed = SchemaEvolutionGuard.read(CURRENT);
    for (Schema generated : List.of(TankerDelivery.getClassSchema(), Alert.getClassSchema())) {
      assertThat(SchemaNormalization.toParsingForm(parsed.get(generated.getFullName())))
          .isEqualTo(SchemaNormalization.toParsingForm(generated));
    }
  }

  @Test
  void shouldHaveReleasedEveryTopicSchema() {
    assertThat(SchemaEvolutionGuard.read(RELEASES.resolve("v1")))
        .containsKeys(
            "io.transfermonitor.model.TankerDelivery",
            "io.transfermonitor.model.ContainerShipment",
            "io.transfermonitor.model.ArmsTransfer",
            "io.transfermonitor.model.TroopDeployment",
            "io.transfermonitor.model.WorkerDispatch",
            "io.transfermonitor.model.FinancialTransfer",
            "io.transfermonitor.model.Rule",
            "io.transfermonitor.model.Designation",
            "io.transfermonitor.model.Alert",
            "io.transfermonitor.model.RejectedEvent",
            "io.transfermonitor.model.CapUsage",
            "io.transfermonitor.model.ReportingGap",
            "io.transfermonitor.model.Activity");
  }
}
