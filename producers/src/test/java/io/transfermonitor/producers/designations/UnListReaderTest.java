package io.transfermonitor.producers.designations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.AliasQuality;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UnListReaderTest {

  private static final ListContents SAMPLE = SampleList.read();

  @Test
  void shouldReadEveryDesignationOfTheSampleListWithTheDprkCounts() {
    // when
    Map<String, Map<DesignationType, Long>> byList =
        SAMPLE.designations().stream()
            .collect(
                Collectors.groupingBy(
                    Designation::getRegime,
                    TreeMap::new,
                    Collectors.groupingBy(Designation::getType, Collectors.counting())));

    // then
    assertThat(SAMPLE.designations()).hasSize(1018);
    assertThat(SAMPLE.problems()).isEmpty();
    assertThat(SAMPLE.warnings()).isEmpty();
    assertThat(byList.get("DPRK"))
        .containsEntry(DesignationType.INDIVIDUAL, 80L)
        .containsEntry(DesignationType.ENTITY, 75L);
    assertThat(byList.get("Al-Qaida").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(351);
    assertThat(SAMPLE.designations()).allSatisfy(d -> assertThat(d.getSource()).contains("UN"));
  }

  @Test
  void shouldReadTheForeignTradeBankWithItsAddressListingDateAndCountry() {
    // when
    Designation ftb = designation("KPe.047");

    // then
    assertThat(ftb.getName()).isEqualTo("FOREIGN TRADE BANK (FTB)");
    assertThat(ftb.getType()).isEqualTo(DesignationType.ENTITY);
    assertThat(ftb.getRegime()).isEqualTo("DPRK");
    assertThat(ftb.getListedOn()).isEqualTo(LocalDate.of(2017, 8, 5));
    assertThat(ftb.getCountry()).isEqualTo("PRK");
    assertThat(ftb.getAddresses())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getStreet()).isEqualTo("FTB Building, Jungsong-dong, Central District");
              assertThat(a.getCity()).isEqualTo("Pyongyang");
            });
    assertThat(ftb.getComments()).startsWith("Foreign Trade Bank is a state-owned bank");
  }

  @Test
  void shouldReadIndividualsWithNamePartsNationalityAndPassport() {
    // when
    Designation ri = designation("KPi.033");

    // then
    assertThat(ri.getName()).isEqualTo("RI WON HO");
    assertThat(ri.getNameParts()).containsExactly("RI", "WON HO");
    assertThat(ri.getNationalities()).containsExactly("Democratic People's Republic of Korea");
    assertThat(ri.getCountry()).isEqualTo("PRK");
    assertThat(ri.getIdentifiers())
        .containsExactly(new Identifier(IdentifierScheme.PASSPORT, "381310014"));
  }

  @Test
  void shouldReadAliasesWithTheirQuality() {
    // then
    assertThat(designation("KPe.025").getQualifiedAliases())
        .extracting(a -> a.getName(), a -> a.getQuality())
        .containsExactly(tuple("KKBC", AliasQuality.GOOD));
    assertThat(designation("KPe.002").getQualifiedAliases())
        .extracting(a -> a.getName(), a -> a.getQuality())
        .contains(tuple("LYONGAKSAN GENERAL TRADING CORPORATION", AliasQuality.FORMER));
    assertThat(designation("QDi.343").getQualifiedAliases())
        .extracting(a -> a.getName(), a -> a.getQuality())
        .contains(tuple("Khattab", AliasQuality.LOW));
    assertThat(designation("KPe.001").getAliases()).contains("KOMID");
    assertThat(designation("KPe.010").getAliases())
        .contains("National Resources Development and Investment Corporation");
  }

  @Test
  void shouldTakeImoNumbersFromTheComments() {
    // then
    assertThat(designation("KPe.022").getIdentifiers())
        .containsExactly(new Identifier(IdentifierScheme.IMO, "5342883"));
    assertThat(designation("KPe.066").getIdentifiers())
        .containsExactly(new Identifier(IdentifierScheme.IMO, "5434358"));
    assertThat(designation("KPe.020").getIdentifiers())
        .containsExactly(new Identifier(IdentifierScheme.IMO, "1790183"));
  }

  @Test
  void shouldListARecordThatCannotBeReadWithWhyAndLoadTheOthers() throws IOException {
    // given
    String xml =
        list(
            entity("KPe.900", "FIRST BANK", "2020-01-01"),
            entity("", "NO REFERENCE BANK", "2020-01-01"),
            entity("KPe.901", "LATE BANK", "sometime in 2020"),
            entity("KPe.900", "DUPLICATE BANK", "2020-01-01"));

    // when
    ListContents read = read(xml.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(read.designations())
        .extracting(Designation::getDesignationId, Designation::getListedOn)
        .containsExactly(tuple("KPe.900", LocalDate.of(2020, 1, 1)), tuple("KPe.901", null));
    assertThat(read.problems())
        .extracting(RecordProblem::line, RecordProblem::skipped, RecordProblem::reason)
        .containsExactly(
            tuple(3L, true, "no REFERENCE_NUMBER: a designation needs its reference"),
            tuple(4L, false, "LISTED_ON 'sometime in 2020' is not a date (yyyy-MM-dd)"),
            tuple(5L, true, "reference number already used by the record at line 2"));
    assertThat(read.problems().get(0).describe())
        .isEqualTo(
            "test.xml:3: ENTITY DATAID 1: no REFERENCE_NUMBER: a designation needs its reference"
                + " (record skipped)");
  }

  @Test
  void shouldRefuseXmlThatIsNotWellFormedNamingTheFileAndLine() {
    // given
    String xml = list(entity("KPe.900", "FIRST BANK", "2020-01-01")).replace("</ENTITY>", "");

    // then
    assertThatThrownBy(() -> read(xml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith("test.xml: not well-formed XML: ParseError at [row,col]:[");
  }

  static Designation designation(String reference) {
    return SAMPLE.designations().stream()
        .filter(d -> d.getDesignationId().equals(reference))
        .findFirst()
        .orElseThrow();
  }

  static ListContents read(byte[] bytes) throws IOException {
    return UnListReader.read(new ByteArrayInputStream(bytes), "test.xml");
  }

  /** A list file, one record per line from line 2. */
  static String list(String... records) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CONSOLIDATED_LIST><ENTITIES>\n"
        + String.join("\n", records)
        + "\n</ENTITIES></CONSOLIDATED_LIST>\n";
  }

  static String entity(String reference, String name, String listedOn) {
    return "<ENTITY><DATAID>1</DATAID><FIRST_NAME>"
        + name
        + "</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>"
        + reference
        + "</REFERENCE_NUMBER><LISTED_ON>"
        + listedOn
        + "</LISTED_ON><ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS></ENTITY>";
  }
}
