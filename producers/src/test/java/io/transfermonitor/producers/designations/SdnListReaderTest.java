package io.transfermonitor.producers.designations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alias;
import io.transfermonitor.model.AliasQuality;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SdnListReaderTest {

  static final Path SAMPLE = Path.of("examples", "designation-lists", "sdn-sample.xml");

  @Test
  void shouldReadEveryEntryOfTheSampleWithItsProgramsAsTheRegimeAndTheSdnAsSource()
      throws IOException {
    // when
    ListContents read = SdnListReader.read(SAMPLE);

    // then
    assertThat(read.problems()).isEmpty();
    assertThat(read.designations())
        .extracting(
            Designation::getDesignationId,
            Designation::getType,
            Designation::getName,
            Designation::getRegime,
            Designation::getSource)
        .containsExactly(
            tuple(
                "SDN-990001",
                DesignationType.ENTITY,
                "EXEMPLAR FOREIGN SETTLEMENT BANK",
                "DPRK3",
                "OFAC SDN List"),
            tuple(
                "SDN-990002",
                DesignationType.VESSEL,
                "FICTIA STAR",
                "DPRK3; NPWMD",
                "OFAC SDN List"),
            tuple(
                "SDN-990003",
                DesignationType.INDIVIDUAL,
                "Ilya Petrovich EXEMPLAROV",
                "RUSSIA-EO14024",
                "OFAC SDN List"),
            tuple(
                "SDN-990004",
                DesignationType.ENTITY,
                "FICTIA TRADE & LOGISTICS LLC",
                "RUSSIA-EO14024",
                "OFAC SDN List"),
            tuple(
                "SDN-990005",
                DesignationType.ENTITY,
                "EXEMPLAR AIR CARGO",
                "IRAN-EO13846",
                "OFAC SDN List"));
  }

  @Test
  void shouldReadAkasWithTheirQualityAndTheIdListAsIdentifiers() throws IOException {
    // when
    ListContents read = SdnListReader.read(SAMPLE);

    // then: a weak aka is a low-quality alias, an f.k.a. a former name; IMO from "IMO 9990014"
    Designation bank = read.designations().get(0);
    assertThat(bank.getQualifiedAliases())
        .containsExactly(
            new Alias("EFSB", AliasQuality.GOOD), new Alias("SETTLEMENT BANK", AliasQuality.LOW));
    assertThat(bank.getIdentifiers())
        .containsExactly(new Identifier(IdentifierScheme.BIC, "EXFSKPPY"));
    assertThat(bank.getCountry()).isEqualTo("PRK");
    Designation vessel = read.designations().get(1);
    assertThat(vessel.getIdentifiers())
        .containsExactly(
            new Identifier(IdentifierScheme.IMO, "9990014"),
            new Identifier(IdentifierScheme.MMSI, "445990014"));
    assertThat(vessel.getQualifiedAliases())
        .containsExactly(new Alias("EXEMPLAR LIGHT", AliasQuality.FORMER));
    Designation person = read.designations().get(2);
    assertThat(person.getNameParts()).containsExactly("Ilya Petrovich", "EXEMPLAROV");
    assertThat(person.getAliases()).containsExactly("Ilia EKZEMPLYAROV");
    assertThat(person.getIdentifiers())
        .containsExactly(new Identifier(IdentifierScheme.PASSPORT, "990000003"));
    assertThat(person.getNationalities()).containsExactly("Russia");
    assertThat(person.getCountry()).isEqualTo("RUS");
  }

  @Test
  void shouldListAnEntryThatCannotBeReadAndLoadTheOthers() throws IOException {
    // given: the bank's entry without its program, the vessel's with an unknown type
    String xml =
        sample()
            .replace(
                "<program>DPRK3</program>\n    </programList>\n    <idList>\n      <id>\n        <uid>990101</uid>",
                "</programList>\n    <idList>\n      <id>\n        <uid>990101</uid>")
            .replace("<sdnType>Vessel</sdnType>", "<sdnType>Submarine</sdnType>");

    // when
    ListContents read = read(xml);

    // then
    assertThat(read.designations()).hasSize(3);
    assertThat(read.problems())
        .extracting(RecordProblem::record, RecordProblem::reason, RecordProblem::skipped)
        .containsExactly(
            tuple("sdnEntry uid 990001", "no program: the regime is unknown", true),
            tuple(
                "sdnEntry uid 990002",
                "sdnType 'Submarine' is none of Individual, Entity, Vessel, Aircraft",
                true));
    assertThat(read.problems().get(0).line()).isEqualTo(7);
  }

  @Test
  void shouldRefuseTheUnListGivenAsAnSdnListSayingWhatItIs() {
    // given
    String un = "<?xml version=\"1.0\"?><CONSOLIDATED_LIST><ENTITIES/></CONSOLIDATED_LIST>";

    // then
    assertThatThrownBy(() -> read(un))
        .isInstanceOf(ListFormatException.class)
        .hasMessage(
            "sdn.xml: not OFAC's SDN list: the document is <CONSOLIDATED_LIST>, the SDN list's"
                + " is <sdnList> (the UN list: --format un)");
  }

  static String sample() throws IOException {
    return Files.readString(SAMPLE);
  }

  private static ListContents read(String xml) throws IOException {
    return SdnListReader.read(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "sdn.xml");
  }
}
