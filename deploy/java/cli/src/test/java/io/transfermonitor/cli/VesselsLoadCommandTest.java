package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.testkit.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VesselsLoadCommandTest {

  static final String DEMO_REGISTER =
      ProjectFiles.of("producers/src/main/resources/vessels/demo-register.csv").toString();
  private static final String EXAMPLE =
      ProjectFiles.of("producers/examples/vessel-register").toString() + "/";

  @TempDir Path dir;

  @Test
  void shouldCheckTheDemoRegisterOnADryRunAndWarnOfTheSeedCheckDigits() throws Exception {
    // given a report path
    Path report = dir.resolve("vessels-report.csv");

    // when the demo register is loaded with --dry-run (no broker)
    CliRun run =
        CliRun.of("vessels", "load", "--dry-run", "--report", report.toString(), DEMO_REGISTER);

    // then every vessel is read, the nine check-digit warnings shown and listed, nothing published
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.outLines())
        .contains(
            DEMO_REGISTER + ": 11 vessels read, 0 rows rejected (register 'demo-register.csv')",
            "  0 rejected rows and 9 warnings listed in " + report.toAbsolutePath(),
            "  flags: PRK 8, RUS 3",
            "11 vessels checked, nothing published (--dry-run)");
    assertThat(run.out())
        .contains(
            ":2: field 'imo': IMO 8990012: check digit 2, the first six digits call for 7; loaded"
                + " as given (vessel loaded)");
    assertThat(Files.readAllLines(report)).hasSize(1 + 9);
  }

  @Test
  void shouldReadAnotherLayoutThroughAMappingAndReportItsRejectedRow() throws Exception {
    // given the example registry export, its mapping and a register name of our own
    Path report = dir.resolve("r.csv");

    // when
    CliRun run =
        CliRun.of(
            "vessels",
            "load",
            "--dry-run",
            "--source",
            "Registry of 2025-06",
            "--mapping",
            EXAMPLE + "mapping.yaml",
            "--report",
            report.toString(),
            EXAMPLE + "register.csv");

    // then the rejected row is in the report with its line, field, reason and text
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("3 vessels read, 1 row rejected (register 'Registry of 2025-06')")
        .contains("  flags: PAN 1, PRK 1, RUS 1");
    assertThat(Files.readAllLines(report))
        .contains(
            EXAMPLE
                + "register.csv,3,mmsi,"
                + "\"must be a nine-digit MMSI, was '45799020'\","
                + "\"IMO 1900312;45799020;EXAMPLE BREEZE;Mongolia;General cargo;2,100;Example"
                + " Cargo Ltd;;1998\"");
  }

  @Test
  void shouldRefuseToPublishAFileThatYieldsNoVessel() throws Exception {
    // given a register whose only row is rejected
    Path file = Files.writeString(dir.resolve("bad.csv"), "imo,mmsi\n123,456\n");

    // when it is loaded (it fails before contacting any broker)
    CliRun run =
        CliRun.of("vessels", "load", "--report", dir.resolve("r.csv").toString(), file.toString());

    // then
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_FAILED);
    assertThat(run.err())
        .contains("no vessel read, nothing published")
        .contains("would remove every vessel of bad.csv");
  }

  @Test
  void shouldSayWhatIsWrongWithAFileInAnotherLayoutWithoutMapping() {
    // when the example export is loaded without its mapping
    CliRun run =
        CliRun.of(
            "vessels",
            "load",
            "--dry-run",
            "--report",
            dir.resolve("r.csv").toString(),
            EXAMPLE + "register.csv");

    // then the run fails naming the header and the way out
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_FAILED);
    assertThat(run.err()).contains("has neither an imo nor an mmsi column").contains("--mapping");
  }
}
