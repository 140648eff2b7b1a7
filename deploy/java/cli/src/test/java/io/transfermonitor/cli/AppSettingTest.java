package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.cli.settings.AppSetting;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsParser;
import io.transfermonitor.streams.ais.AisSettings;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.config.MonitorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One list of settings: every key the monitor defines is one the CLI takes from a file and from the
 * environment, and the README's settings table lists exactly the settings there are.
 */
class AppSettingTest {

  @TempDir Path dir;

  @Test
  void shouldTakeEveryMonitorSettingFromAFileTheEnvironmentAndAnOption() throws IOException {
    // given every monitor key at its default, once in a file, once as a TM_* variable and once as
    // a command-line option
    Path file = dir.resolve("every.properties");
    StringBuilder text = new StringBuilder();
    Map<String, String> env = new LinkedHashMap<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (String key : MonitorSettings.keys()) {
      text.append(key).append('=').append(MonitorSettings.defaultValue(key)).append('\n');
      env.put(AppSetting.monitorSetting(key).envName(), MonitorSettings.defaultValue(key));
      options.put(key, MonitorSettings.defaultValue(key));
    }
    Files.writeString(file, text);

    // when
    Settings fromFile = SettingsParser.parse(Optional.of(file), Map.of(), Map.of());
    Settings fromEnv = SettingsParser.parse(Optional.empty(), env, Map.of());
    Settings fromOptions = SettingsParser.parse(Optional.empty(), Map.of(), options);

    // then each is the defaults, every key known
    assertDefaults(fromFile.monitorConfig());
    assertDefaults(fromEnv.monitorConfig());
    assertDefaults(fromOptions.monitorConfig());
    assertThat(AppSetting.values().stream().filter(AppSetting::isMonitorSetting))
        .extracting(AppSetting::key)
        .containsExactlyElementsOf(MonitorSettings.keys());
  }

  @Test
  void shouldReadAnAisParameterFromItsVariableWithDashesAsUnderscores() {
    // when
    Settings settings =
        SettingsParser.parse(Optional.empty(), Map.of("TM_AIS_DARK_LOOK_AHEAD_NM", "40"), Map.of());

    // then
    assertThat(settings.monitorConfig().ais().detectors().gazetteer()).isNotNull();
    assertThat(settings.get(AppSetting.monitorSetting("tm.ais.dark.look-ahead-nm")))
        .isEqualTo("40");
    assertThat(
            SettingsParser.parse(
                    Optional.empty(), Map.of("TM_AIS_ENCOUNTER_MIN_DURATION", "90m"), Map.of())
                .monitorConfig()
                .ais()
                .encounters()
                .minDuration())
        .isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void shouldSuggestTheSettingAMisspeltKeyOrVariableIsClosestTo() throws IOException {
    // given
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "tm.ais.dark.gapp=6h\n");

    // then
    assertThatThrownBy(() -> SettingsParser.parse(Optional.of(file), Map.of(), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(
            "bad setting tm.ais.dark.gapp in "
                + file
                + ": unknown key; did you mean tm.ais.dark.gap? known tm.* settings are");
    assertThatThrownBy(
            () ->
                SettingsParser.parse(
                    Optional.empty(), Map.of("TM_AIS_ENCOUNTER_MIN_DURATON", "1h"), Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(
            "bad setting TM_AIS_ENCOUNTER_MIN_DURATON: unknown variable; did you mean"
                + " TM_AIS_ENCOUNTER_MIN_DURATION? known TM_* settings are");
    assertThatThrownBy(
            () ->
                SettingsParser.parse(Optional.empty(), Map.of("TM_NOTHING_LIKE_IT", "1"), Map.of()))
        .hasMessageStartingWith("bad setting TM_NOTHING_LIKE_IT: unknown variable; known TM_*");
  }

  @Test
  void shouldNameBothKeysOfSettingsThatDoNotFitEachOther() {
    assertThatThrownBy(
            () ->
                SettingsParser.parse(
                    Optional.empty(),
                    Map.of("TM_AIS_ENCOUNTER_CELL_REACH_METRES", "400"),
                    Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "bad setting TM_AIS_ENCOUNTER_CELL_REACH_METRES (tm.ais.encounter.cell-reach-metres):"
                + " '400' must not be below tm.ais.encounter.max-distance-metres (500), or two"
                + " close vessels could miss each other");
    assertThatThrownBy(
            () ->
                SettingsParser.parse(
                    Optional.empty(),
                    Map.of(
                        "TM_SCREENING_THRESHOLD",
                        "0.8",
                        "TM_SCREENING_NEAR_MISS_THRESHOLD",
                        "0.85"),
                    Map.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "bad setting TM_SCREENING_NEAR_MISS_THRESHOLD (tm.screening.near.miss.threshold):"
                + " '0.85' must not be above tm.screening.threshold (0.8)");
  }

  @Test
  void shouldListEverySettingAndNoOtherInTheReadmeTable() throws IOException {
    // given
    List<List<String>> rows = settingsTable(projectRoot().resolve("README.md"));

    // then every setting has its row, with its variable and its default
    assertThat(rows)
        .extracting(r -> r.get(0))
        .containsExactlyInAnyOrderElementsOf(
            AppSetting.values().stream().map(s -> "`" + s.key() + "`").toList());
    Map<String, AppSetting> byKey =
        AppSetting.values().stream().collect(Collectors.toMap(s -> "`" + s.key() + "`", s -> s));
    for (List<String> row : rows) {
      AppSetting setting = byKey.get(row.get(0));
      assertThat(row.get(1))
          .as("variable of %s", row.get(0))
          .isEqualTo("`" + setting.envName() + "`");
      String defaultCell = row.get(2);
      if (setting.defaultValue() != null
          && defaultCell.matches("`[^`]*`")
          && !defaultCell.contains("...")) {
        assertThat(defaultCell)
            .as("default of %s", row.get(0))
            .isEqualTo("`" + setting.defaultValue() + "`");
      }
    }
  }

  private static void assertDefaults(MonitorConfig config) {
    MonitorConfig defaults = MonitorConfig.defaults();
    // the AIS detectors are objects without equality: compared by their parameters
    assertThat(config.toBuilder().ais(defaults.ais()).build()).isEqualTo(defaults);
    AisSettings ais = config.ais();
    assertThat(ais.encounters()).isEqualTo(defaults.ais().encounters());
    assertThat(ais.imoClones()).isEqualTo(defaults.ais().imoClones());
    assertThat(ais.events()).isEqualTo(defaults.ais().events());
    assertThat(ais.darkCheckInterval()).isEqualTo(defaults.ais().darkCheckInterval());
    assertThat(ais.encounterCheckInterval()).isEqualTo(defaults.ais().encounterCheckInterval());
  }

  /** The rows of the table headed "key | environment | default | meaning". */
  private static List<List<String>> settingsTable(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    int header = lines.indexOf("| key | environment | default | meaning |");
    assertThat(header).as("the settings table of %s", readme).isNotNegative();
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(header + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
        cells.add(cell.trim());
      }
      rows.add(cells);
    }
    return rows;
  }

  /** The directory of the project's {@code mvnw}, found upwards from where the test runs. */
  private static Path projectRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("mvnw")) && Files.exists(d.resolve("README.md"))) {
        return d;
      }
    }
    throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
  }
}
