package io.transfermonitor.producers.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.producers.ReferencePlan;
import io.transfermonitor.producers.vessels.RegisterProblem;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The priority list and makers table files as {@code chpl load} and {@code makers load} read them.
 */
class ComponentReferenceFilesTest {

  @Test
  void shouldReadTheCommittedListWithItsNameAndDateAndNoProblem() throws Exception {
    ReferenceContents<PriorityListEntry> list = PriorityListCsv.bundled();

    assertThat(list.problems()).isEmpty();
    assertThat(list.warnings()).isEmpty();
    assertThat(list.source()).isEqualTo("Common High Priority List (US BIS, EU, UK, Japan)");
    assertThat(list.records())
        .hasSize(9)
        .allSatisfy(e -> assertThat(e.getListDate()).isEqualTo("2024-02-23"))
        .extracting(PriorityListEntry::getHsCode, PriorityListEntry::getTier)
        .contains(tuple("8542.31", "1"), tuple("8532.24", "2"));
  }

  @Test
  void shouldReportEachBadRowOfAListWithItsLineAndKeepTheGoodOnes() {
    ReferenceContents<PriorityListEntry> list =
        PriorityListCsv.read(
            "chpl.csv",
            new StringReader(
                """
                hs_code,tier,description
                8542.31,1,ok
                8542,1,too short
                8542.31.00.00.1,1,too long
                8542.32,4.a,lower case tier
                8542.33,9,no such tier
                8542.31,2,again
                """),
            "test list",
            "2024-02-23");

    assertThat(list.records())
        .extracting(PriorityListEntry::getHsCode, PriorityListEntry::getTier)
        .containsExactly(tuple("8542.31", "1"), tuple("8542.32", "4.A"));
    assertThat(list.problems())
        .extracting(RegisterProblem::line, RegisterProblem::field)
        .containsExactly(
            tuple(3L, "hs_code"), tuple(4L, "hs_code"), tuple(6L, "tier"), tuple(7L, "hs_code"));
    assertThat(list.problems().get(3).reason()).isEqualTo("HS code 8542.31 already at line 2");
  }

  @Test
  void shouldWarnOfAListWithoutADateAndRefuseADateThatIsNone() {
    ReferenceContents<PriorityListEntry> undated =
        PriorityListCsv.read("l.csv", new StringReader("hs_code,tier\n8542.31,1\n"), null, null);
    assertThat(undated.warnings()).singleElement().asString().contains("--date");
    assertThat(undated.source()).isEqualTo("l.csv");

    assertThatThrownBy(
            () ->
                PriorityListCsv.read(
                    "l.csv", new StringReader("hs_code,tier\n8542.31,1\n"), null, "Feb 2024"))
        .hasMessageContaining("'Feb 2024' is not a date");
  }

  @Test
  void shouldReadTheDemoMakersAndRejectClashingNames() throws Exception {
    assertThat(MakersCsv.demo().problems()).isEmpty();
    assertThat(MakersCsv.demo().records()).hasSize(4);

    ReferenceContents<MakerRecord> table =
        MakersCsv.read(
            "m.csv",
            new StringReader(
                """
                maker,country,aliases
                Maker A,United States,Maker A Inc.; MAKER-A
                Maker B,DEU
                maker a,JPN,
                Maker C,,maker  a inc
                Maker D,XX,
                """),
            null);

    assertThat(table.records())
        .extracting(MakerRecord::getMaker, MakerRecord::getCountry, MakerRecord::getAliases)
        .containsExactly(
            tuple("Maker A", "USA", List.of("Maker A Inc.", "MAKER-A")),
            tuple("Maker B", "DEU", List.of()));
    assertThat(table.problems())
        .extracting(RegisterProblem::line, RegisterProblem::reason)
        .containsExactly(
            tuple(4L, "maker 'maker a' already at line 2"),
            tuple(5L, "alias 'maker  a inc' is a name of the maker at line 2"),
            tuple(6L, "'XX' is no country: an ISO alpha-3 code (USA) or a country name"));
  }

  @Test
  void shouldRefuseAnotherHeaderAndReportARowOfAnotherWidthInBothFiles() {
    assertThatThrownBy(
            () ->
                PriorityListCsv.read(
                    "l.csv", new StringReader("code,tier\n8542.31,1\n"), null, "2024-02-23"))
        .hasMessage("l.csv: the header is [code, tier], not hs_code,tier,description");
    assertThatThrownBy(() -> MakersCsv.read("m.csv", new StringReader("maker\nMaker A\n"), null))
        .hasMessage("m.csv: the header is [maker], not maker,country,aliases");

    ReferenceContents<PriorityListEntry> list =
        PriorityListCsv.read(
            "l.csv",
            new StringReader("hs_code,tier\n8542.31\n8542.32,1,a,b\n8542.33,2\n"),
            null,
            "2024-02-23");
    ReferenceContents<MakerRecord> table =
        MakersCsv.read("m.csv", new StringReader("maker,country\nMaker A\nMaker B,DEU\n"), null);

    assertThat(list.records()).extracting(PriorityListEntry::getHsCode).containsExactly("8542.33");
    assertThat(list.problems())
        .extracting(RegisterProblem::line, RegisterProblem::reason)
        .containsExactly(
            tuple(2L, "row has 1 columns, not 2 or 3 (hs_code,tier,description)"),
            tuple(3L, "row has 4 columns, not 2 or 3 (hs_code,tier,description)"));
    assertThat(table.records()).extracting(MakerRecord::getMaker).containsExactly("Maker B");
    assertThat(table.problems())
        .extracting(RegisterProblem::line, RegisterProblem::reason)
        .containsExactly(tuple(2L, "row has 1 columns, not 2 or 3 (maker,country,aliases)"));
  }

  @Test
  void shouldPlanOnlyWhatChangedAndRemoveWhatTheSameListNoLongerHolds() {
    PriorityListEntry a = new PriorityListEntry("8542.31", "1", null, "L", "2024", "f");
    PriorityListEntry b = new PriorityListEntry("8532.24", "2", null, "L", "2024", "f");
    PriorityListEntry other = new PriorityListEntry("8517.62", "2", null, "M", "2024", "g");
    PriorityListEntry moved = new PriorityListEntry("8542.31", "2", null, "L", "2025", "f");

    ReferencePlan<PriorityListEntry> plan =
        ReferencePlan.of(
            Map.of("8542.31", a, "8532.24", b, "8517.62", other),
            List.of(moved),
            PriorityListEntry::getHsCode,
            PriorityListEntry::getList);

    assertThat(plan.describe()).isEqualTo("0 added, 1 changed, 1 removed, 0 unchanged");
    assertThat(plan.writes()).containsExactly(Map.entry("8542.31", moved), entry("8532.24"));
  }

  private static Map.Entry<String, PriorityListEntry> entry(String key) {
    return new java.util.AbstractMap.SimpleEntry<>(key, null);
  }
}
