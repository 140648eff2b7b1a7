package io.transfermonitor.streams.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settings table of {@code streams/README.md} lists every key {@link MonitorSettings} defines,
 * no other, each with its default: a setting added without its row, or a row left after its setting
 * went, fails here.
 */
class ReadmeSettingsTest {

  @Test
  void shouldListEveryMonitorSettingAndNoOtherInTheStreamsReadme() throws IOException {
    // given
    Map<String, String> rows = settingsTable(projectRoot().resolve("streams/README.md"));

    // then
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(MonitorSettings.keys());
    rows.forEach(
        (key, defaultCell) -> {
          // a default written as one literal (not abbreviated, not described) is the default
          if (defaultCell.matches("`[^`]*`") && !defaultCell.contains("...")) {
            assertThat(defaultCell)
                .as("default of %s in streams/README.md", key)
                .isEqualTo("`" + MonitorSettings.defaultValue(key) + "`");
          }
        });
  }

  /** The rows of the table under "## Settings": key to the default column. */
  private static Map<String, String> settingsTable(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    int start = lines.indexOf("## Settings");
    assertThat(start).as("a '## Settings' section in %s", readme).isNotNegative();
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (line.startsWith("| `tm.")) {
        List<String> cells = cells(line);
        String key = cells.get(0).replace("`", "");
        assertThat(rows.put(key, cells.get(1))).as("%s listed twice", key).isNull();
      }
    }
    return rows;
  }

  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    for (String cell : row.substring(1, row.lastIndexOf('|')).split("\\|")) {
      cells.add(cell.trim());
    }
    return cells;
  }

  /** The directory of the project's {@code mvnw}, found upwards from where the test runs. */
  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("README.md"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
  }
}
