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
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FtmListReaderTest {

  static final Path SAMPLE =
      Path.of("examples", "designation-lists", "opensanctions-sample.ftm.json");

  @Test
  void shouldReadTheTargetsOfTheSampleWithTheirSanctionsAndDatasetsAsSource() throws IOException {
    // when
    ListContents read = FtmListReader.read(SAMPLE);

    // then: three targets; the owner (not a target), sanctions, passport and ownership are no
    // designations of their own
    assertThat(read.problems()).isEmpty();
    assertThat(read.designations())
        .extracting(
            Designation::getDesignationId,
            Designation::getType,
            Designation::getName,
            Designation::getRegime,
            Designation::getListedOn,
            Designation::getSource)
        .containsExactly(
            tuple(
                "tm-sample-co-1",
                DesignationType.ENTITY,
                "Fictia Shipping Company",
                "EU-DPRK",
                LocalDate.of(2019, 4, 8),
                "OpenSanctions: example_eu_list"),
            tuple(
                "tm-sample-vessel-1",
                DesignationType.VESSEL,
                "Exemplar Dawn",
                "EU-DPRK; UK-DPRK",
                LocalDate.of(2020, 2, 17),
                "OpenSanctions: example_eu_list, example_uk_list"),
            tuple(
                "tm-sample-person-1",
                DesignationType.INDIVIDUAL,
                "Ivan Exemplarov",
                "UK-RUS",
                LocalDate.of(2022, 3, 15),
                "OpenSanctions: example_uk_list"));
  }

  @Test
  void shouldReadNamesAliasesIdentifiersAndCountries() throws IOException {
    // when
    ListContents read = FtmListReader.read(SAMPLE);

    // then
    Designation company = read.designations().get(0);
    assertThat(company.getQualifiedAliases())
        .containsExactly(
            new Alias("Fictia Shipping Co. Ltd", AliasQuality.GOOD),
            new Alias("Fictia", AliasQuality.LOW));
    assertThat(company.getIdentifiers())
        .containsExactly(
            new Identifier(IdentifierScheme.IMO, "9990026"),
            new Identifier(IdentifierScheme.REGISTRATION, "FS-000001"));
    assertThat(company.getCountry()).isEqualTo("PRK");
    Designation vessel = read.designations().get(1);
    assertThat(vessel.getQualifiedAliases())
        .containsExactly(new Alias("Fictia Dawn", AliasQuality.FORMER));
    assertThat(vessel.getIdentifiers())
        .containsExactly(
            new Identifier(IdentifierScheme.IMO, "9990038"),
            new Identifier(IdentifierScheme.MMSI, "445990038"));
    Designation person = read.designations().get(2);
    assertThat(person.getNameParts()).containsExactly("Ivan", "Exemplarov");
    assertThat(person.getIdentifiers())
        .containsExactly(
            new Identifier(IdentifierScheme.PASSPORT, "990000555"),
            new Identifier(IdentifierScheme.PASSPORT, "990000556"));
    assertThat(person.getCountry()).isEqualTo("RUS");
  }

  @Test
  void shouldReadSanctionsNestedInTheirTargetAsTargetsNestedJsonHasThem() throws IOException {
    // given
    String nested =
        "{\"id\":\"x-1\",\"schema\":\"Company\",\"target\":true,\"datasets\":[\"eu_fsf\"],"
            + "\"properties\":{\"name\":[\"Nested Example Ltd\"],\"sanctions\":[{\"id\":\"s-1\","
            + "\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"x-1\"],"
            + "\"program\":[\"EU example regime\"],\"listingDate\":[\"2021-05-06\"]}}]}}\n";

    // when
    ListContents read = read(nested);

    // then
    assertThat(read.designations())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getRegime()).isEqualTo("EU example regime");
              assertThat(d.getListedOn()).isEqualTo(LocalDate.of(2021, 5, 6));
              assertThat(d.getSource()).isEqualTo("OpenSanctions: eu_fsf");
            });
  }

  @Test
  void shouldListABrokenLineAndANamelessTargetAndMendARawControlCharacter() throws IOException {
    // given: line 2 cut off, line 3 a person without a name, a bell inside the company's name
    String lines =
        Files.readString(SAMPLE)
            .replace(
                "Fictia Shipping Company\", \"properties",
                "Fictia Shipping\u0007 Company\", \"properties");
    String[] split = lines.split("\n");
    split[1] = split[1].substring(0, 40);
    split[5] =
        split[5]
            .replace("\"name\": [\"Ivan Exemplarov\"], ", "")
            .replace("\"caption\": \"Ivan Exemplarov\", ", "");
    String damaged = String.join("\n", split) + "\n";

    // when
    ListContents read = read(damaged);

    // then
    assertThat(read.designations())
        .extracting(Designation::getDesignationId)
        .containsExactly("tm-sample-co-1", "tm-sample-vessel-1");
    assertThat(read.problems())
        .extracting(RecordProblem::line, RecordProblem::record, RecordProblem::skipped)
        .containsExactly(tuple(2L, "line 2", true), tuple(6L, "Person tm-sample-person-1", true));
    assertThat(read.problems().get(1).reason())
        .isEqualTo("no name: \"properties\".\"name\" is empty");
    assertThat(read.repairs())
        .extracting(Repair::line, Repair::what)
        .containsExactly(tuple(1L, "control character U+0007 removed"));
    assertThat(read.designations().get(0).getName()).isEqualTo("Fictia Shipping Company");
  }

  @Test
  void shouldRefuseAFileThatIsNoFollowTheMoneyNamingTheLine() {
    // then
    assertThatThrownBy(() -> read("{\"name\": \"not an entity\"}\n"))
        .isInstanceOf(ListFormatException.class)
        .hasMessageStartingWith(
            "ftm.json: not FollowTheMoney entities: line 1, the first, has no \"schema\"");
  }

  private static ListContents read(String text) throws IOException {
    return FtmListReader.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "ftm.json");
  }
}
