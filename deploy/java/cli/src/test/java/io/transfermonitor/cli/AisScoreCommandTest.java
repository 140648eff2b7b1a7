package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AisScoreCommandTest {

  private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void shouldPrintTheEncounterOfTwoVesselsSideBySideForThreeHoursAsCsv() throws IOException {
    // given two vessels 200 m apart, drifting at 0.3 kn for 3 h in the open Pacific
    Path positions = sideBySide();

    // when
    CliRun run = CliRun.of("ais", "detect", "--positions", positions.toString());

    // then
    assertThat(run.exit()).isZero();
    assertThat(run.outLines())
        .containsExactly(
            "kind,vessels,start,end",
            "ENCOUNTER,273000001;445000001,2024-05-01T00:02:00Z,2024-05-01T03:00:00Z");
  }

  @Test
  void shouldRunTheDetectorsWithTheAisSettingsOfTheConfigFile() throws IOException {
    // given the same three hours side by side, and settings that want four hours for an encounter
    Path positions = sideBySide();
    Path config = dir.resolve("monitor.properties");
    Files.writeString(config, "tm.ais.encounter.min-duration=4h\n");

    // when
    CliRun run =
        CliRun.of(
            "ais", "detect", "--positions", positions.toString(), "--config", config.toString());

    // then no encounter: the monitor's own setting applies, not the default of 2 h
    assertThat(run.exit()).isZero();
    assertThat(run.outLines()).containsExactly("kind,vessels,start,end");
  }

  @Test
  void shouldScoreTheDetectorsAgainstATruthFile() throws IOException {
    // given the same positions, and a truth that plants the encounter and a port call never made
    Path positions = sideBySide();
    Path truth = dir.resolve("truth.csv");
    Files.writeString(
        truth,
        "kind,vessels,start,end\n"
            + "ENCOUNTER,445000001;273000001,2024-05-01T00:00:00Z,2024-05-01T03:00:00Z\n"
            + "PORT_CALL,273000001,2024-05-02T00:00:00Z,2024-05-02T08:00:00Z\n");

    // when
    CliRun run =
        CliRun.of("ais", "score", "--positions", positions.toString(), "--truth", truth.toString());

    // then
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("181 positions of 2 vessels, 2 truths");
    assertThat(run.outLines())
        .anySatisfy(l -> assertThat(l).startsWith("ENCOUNTER").contains(" 1.000   1.000"))
        .anySatisfy(l -> assertThat(l).startsWith("PORT_CALL").contains(" 1.000   0.000"));
  }

  @Test
  void shouldNameAMissingFile() {
    CliRun run =
        CliRun.of("ais", "score", "--positions", "nowhere.csv", "--truth", "nowhere-too.csv");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no such file: nowhere");
  }

  private Path sideBySide() throws IOException {
    StringBuilder csv = new StringBuilder("mmsi,time,lat,lon,sog,cog,heading\n");
    for (int minute = 0; minute <= 180; minute += 2) {
      double lat = 20 + minute * 0.3 / 60 / 60;
      String time = START.plusSeconds(minute * 60L).toString();
      csv.append(String.format(Locale.ROOT, "445000001,%s,%.6f,150.0,0.3,0,0%n", time, lat));
      if (minute > 0) {
        csv.append(String.format(Locale.ROOT, "273000001,%s,%.6f,150.0019,0.3,0,0%n", time, lat));
      }
    }
    Path positions = dir.resolve("positions.csv");
    Files.writeString(positions, csv);
    return positions;
  }
}
