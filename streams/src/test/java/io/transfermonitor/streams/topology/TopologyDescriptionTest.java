package io.transfermonitor.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.streams.config.MonitorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the whole {@code describe()} of the production topology. Store, changelog and repartition
 * topic names are the upgrade contract: a running deployment restores its state from them, so a
 * rename loses state. When a change to the topology is meant, the test writes the new description
 * next to the golden file; review the difference and copy it over.
 */
class TopologyDescriptionTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "topology", "golden.txt");
  private static final Path ACTUAL = Path.of("target", "topology-actual.txt");

  @Test
  void shouldDescribeTheTopologyExactlyAsTheGoldenFile() throws IOException {
    // given
    String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);

    // when
    String actual =
        MonitorTopology.build(MonitorConfig.defaults(), InMemorySchemaRegistry.scope("golden"))
            .describe()
            .toString();

    // then
    if (!actual.equals(golden)) {
      Files.createDirectories(ACTUAL.getParent());
      Files.writeString(ACTUAL, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(
            "describe() differs from %s; the new description is in %s: if the change is meant,"
                + " check store and internal topic names are kept (or migrated), then copy it over",
            GOLDEN, ACTUAL)
        .isEqualTo(golden);
  }
}
