package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenCommandTest {

  static final String SAMPLE_LIST =
      ProjectFiles.of("producers/src/main/resources/designations/un-consolidated-2020-11.xml.gz")
          .toString();
  private static final Path PAIRS = ProjectFiles.of("docs", "screening-pairs.csv");
  private static final Path ACCURACY_DOC = ProjectFiles.of("docs", "screening.md");

  @TempDir Path dir;

  @Test
  void shouldPrintTheBestMatchesOfEachNameWithScoreMethodAndVerdict() {
    // when
    CliRun run =
        CliRun.of(
            "screen",
            "--list",
            SAMPLE_LIST,
            "Foreign Trade Bank (FTB)",
            "Trade Bank of Iraq",
            "Sberbank");

    // then
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.outLines())
        .containsSubsequence(
            "Foreign Trade Bank (FTB)",
            "  1.00  NAME        alert      KPe.047   FOREIGN TRADE BANK (FTB) [DPRK]",
            "Trade Bank of Iraq",
            "  0.66  FUZZY       near miss  KPe.047   FOREIGN TRADE BANK (FTB) [DPRK]",
            "Sberbank",
            "  no match");
  }

  @Test
  void shouldSayUnderACloseMatchWhichNamePartsMatchedHow() {
    // when
    CliRun run =
        CliRun.of(
            "screen", "--list", SAMPLE_LIST, "--top", "1", "Foriegn Trade Bank", "Kim J. Pak");

    // then
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.outLines())
        .containsSubsequence(
            "Foriegn Trade Bank",
            "  0.99  FUZZY       alert      KPe.047   FOREIGN TRADE BANK (FTB) [DPRK]",
            "        how: trade, bank, foriegn~foreign (close spelling)",
            "Kim J. Pak",
            "        how: kim, j~jung (initial); only in the name: pak; only listed: jong");
  }

  @Test
  void shouldWriteThePairsBackWithScoreAndMatchAndMeasureThemAsDocumented() throws IOException {
    // when
    CliRun run = CliRun.of("screen", "--list", SAMPLE_LIST, "--pairs", PAIRS.toString());

    // then: every row, scored; the figures and misses on stderr are those of docs/screening.md
    assertThat(run.exit()).as(run.err()).isZero();
    List<String> rows = run.outLines();
    assertThat(rows.get(0)).isEqualTo("name1,name2,schema,expected,variant,score,match");
    assertThat(rows).hasSize(Files.readAllLines(PAIRS).size());
    assertThat(rows).contains("FTB,FOREIGN TRADE BANK (FTB),Company,true,acronym,1.000,true");
    List<String> measured =
        Arrays.stream(run.err().split("\\R")).filter(l -> !l.isBlank()).toList();
    assertThat(measured.get(0)).startsWith("screen --pairs at threshold 0.90: precision ");
    assertThat(Files.readString(ACCURACY_DOC, StandardCharsets.UTF_8))
        .as("docs/screening.md shows what the command measures")
        .contains(measured);
  }

  @Test
  void shouldRefuseToRunWithoutNamesOrPairs() {
    // when
    CliRun run = CliRun.of("screen", "--list", SAMPLE_LIST);

    // then
    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(run.err()).contains("give either names to screen or --pairs FILE");
  }

  @Test
  void shouldCountAListPerTypeAndSayWhereItWasNotUtf8WithoutPublishing() throws IOException {
    // given: a list declaring UTF-8 with a Latin-1 'é'
    Path list = dir.resolve("latin1.xml");
    Files.write(
        list,
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST><ENTITIES>\n"
                + "<ENTITY><FIRST_NAME>SOCIÉTÉ EXEMPLE</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE>"
                + "<REFERENCE_NUMBER>KPe.900</REFERENCE_NUMBER></ENTITY>\n"
                + "</ENTITIES></CONSOLIDATED_LIST>\n")
            .getBytes(StandardCharsets.ISO_8859_1));

    // when
    CliRun run = CliRun.of("designations", "load", "--dry-run", list.toString());

    // then
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.outLines())
        .containsExactly(
            list + ": 1 designations read, 0 records could not be read",
            "  warning: "
                + list
                + ": declares UTF-8, but byte 0xC9 at line 3, column 25 (offset 93) is not UTF-8;"
                + " 2 such bytes were read as Windows-1252 (0xC9 as 'É'); every record was read",
            "  DPRK 1 (1 entity)",
            "1 designations checked, nothing published (--dry-run)");
  }
}
