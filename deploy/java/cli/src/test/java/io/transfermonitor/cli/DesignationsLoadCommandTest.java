package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.producers.designations.SampleList;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code designations load --dry-run}: what a desk sees of its files before anything is published,
 * the SDN and OpenSanctions samples told by content, a damaged UN list loaded with each damaged
 * spot listed, or refused with that list under {@code --strict}.
 */
class DesignationsLoadCommandTest {

  static final String SDN_SAMPLE =
      ProjectFiles.of("producers/examples/designation-lists/sdn-sample.xml").toString();
  static final String FTM_SAMPLE =
      ProjectFiles.of("producers/examples/designation-lists/opensanctions-sample.ftm.json")
          .toString();

  @TempDir Path dir;

  @Test
  void shouldReadTheSdnAndOpenSanctionsSamplesByTheirContent() {
    // when
    CliRun run = CliRun.of("designations", "load", "--dry-run", SDN_SAMPLE, FTM_SAMPLE);

    // then
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.outLines())
        .contains(
            SDN_SAMPLE + ": 5 designations read, 0 records could not be read",
            FTM_SAMPLE + ": 3 designations read, 0 records could not be read",
            "  DPRK3 1 (1 entity)",
            "  DPRK3; NPWMD 1 (1 vessel)",
            "  EU-DPRK; UK-DPRK 1 (1 vessel)",
            "8 designations checked, nothing published (--dry-run)");
  }

  @Test
  void shouldLoadADamagedUnListListingEachSpotOrRefuseItWhenStrict() throws IOException {
    // given: the UN sample with a control character in a name and a stray '&' in another
    String xml;
    try (InputStream in = SampleList.open()) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path damaged =
        Files.writeString(
            dir.resolve("un-damaged.xml"),
            xml.replace("FOREIGN TRADE BANK (FTB)<", "FOREIGN\u0002 TRADE BANK (FTB)<")
                .replace("(KKBC)</FIRST_NAME>", "& (KKBC)</FIRST_NAME>"));

    // when
    CliRun lenient = CliRun.of("designations", "load", "--dry-run", damaged.toString());
    CliRun strict = CliRun.of("designations", "load", "--dry-run", "--strict", damaged.toString());

    // then: every record, and the two spots; strict, the same two spots and nothing loaded
    assertThat(lenient.exit()).as(lenient.err()).isZero();
    assertThat(lenient.outLines())
        .contains(
            damaged
                + ": 1,018 designations read, 0 records could not be read, 2 damaged spots mended",
            "1018 designations checked, nothing published (--dry-run)");
    assertThat(lenient.outLines())
        .filteredOn(l -> l.startsWith("  mended "))
        .hasSize(2)
        .anySatisfy(
            l -> assertThat(l).matches("  mended .*:1975:\\d+: control character U\\+0002 removed"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches("  mended .*:2114:\\d+: stray '&' read as the character '&'"));
    assertThat(strict.exit()).isNotZero();
    assertThat(strict.outLines())
        .filteredOn(l -> l.startsWith("  mended "))
        .isEqualTo(lenient.outLines().stream().filter(l -> l.startsWith("  mended ")).toList());
    assertThat(strict.out()).doesNotContain("designations checked");
    assertThat(strict.err())
        .contains("--strict: 2 damaged spots (listed above, the first: " + damaged + ":1975:")
        .contains("control character U+0002 removed); nothing published");
  }

  @Test
  void shouldRefuseAFormatTheFileIsNot() {
    // when
    CliRun run = CliRun.of("designations", "load", "--dry-run", "--format", "ftm", SDN_SAMPLE);

    // then
    assertThat(run.exit()).isNotZero();
    assertThat(run.err())
        .contains(
            SDN_SAMPLE
                + ": --format ftm is FollowTheMoney entities as OpenSanctions exports them (JSON"
                + " lines), but the file is OFAC's SDN list (XML, <sdnList>)");
  }
}
