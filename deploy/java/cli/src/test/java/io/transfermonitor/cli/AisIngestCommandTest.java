package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.testkit.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AisIngestCommandTest {

  @TempDir Path dir;

  @Test
  void shouldCountAnNmeaLogPerTypeAndListItsRejectionsOnADryRun() throws Exception {
    // given pyais's mixed sample and a report path
    Path report = dir.resolve("ais-report.csv");

    // when ingested with --dry-run (no broker)
    CliRun run =
        CliRun.of(
            "ais",
            "ingest",
            "--dry-run",
            "--report",
            report.toString(),
            ProjectFiles.root().getParent().resolve("shared/data/ais/mixed.txt").toString());

    // then the counts per type and reason are printed and the rejected lines are in the report
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("35 lines: 8 positions, 2 voyage records, 14 rejected")
        .contains("type 1 messages")
        .contains("type 5 messages")
        .contains("rejected BAD_TAG_BLOCK")
        .contains("line 23: BAD_TAG_BLOCK tag block checksum A, computed 7E");
    assertThat(Files.readAllLines(report)).hasSize(1 + 14);
  }

  @Test
  void shouldReadACsvThroughItsMapping() {
    // given the Danish Maritime Authority example and its mapping
    // when ingested with --dry-run
    CliRun run =
        CliRun.of(
            "ais",
            "ingest",
            "--dry-run",
            "--report",
            dir.resolve("r.csv").toString(),
            "--mapping",
            ProjectFiles.of("producers/examples/ais-danish-maritime-authority/mapping.yaml")
                .toString(),
            ProjectFiles.of("producers/examples/ais-danish-maritime-authority/positions.csv")
                .toString());

    // then the rows are counted as CSV rows
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("6 lines: 3 positions, 2 voyage records, 2 rejected");
  }

  @Test
  void shouldRefuseACsvWithoutAMapping() {
    // when a CSV is given without --mapping, then the run fails saying so
    CliRun run =
        CliRun.of(
            "ais",
            "ingest",
            "--dry-run",
            ProjectFiles.of("producers/examples/ais-danish-maritime-authority/positions.csv")
                .toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("CSV needs an AIS mapping (--mapping FILE)");
  }
}
