package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.MatchMethod;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.streams.Designations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreeningListTest {

  private final ScreeningList list = ScreeningList.of(withExtras());

  @Test
  void shouldMatchTheForeignTradeBankByItsNameItsNameWithAcronymAndTheAcronym() {
    // then
    for (String written : List.of("FOREIGN TRADE BANK", "Foreign Trade Bank (FTB)", "FTB")) {
      assertThat(list.screen(written))
          .first()
          .satisfies(
              m -> {
                assertThat(m.designationId()).isEqualTo("KPe.047");
                assertThat(m.method()).isEqualTo(MatchMethod.NAME);
                assertThat(m.score()).isEqualTo(1.0);
                assertThat(m.matchedOn()).isEqualTo("FOREIGN TRADE BANK (FTB)");
              });
    }
  }

  @Test
  void aListMadeWithAFloorReportsNoWeakerMatch() {
    // given: a name that also scores weakly against other designations
    List<DesignationMatch> all = list.screen("Foreign Trade Bank of Korea");
    assertThat(all).anySatisfy(m -> assertThat(m.score()).isLessThan(0.8));

    // when
    List<DesignationMatch> strong =
        ScreeningList.of(withExtras(), 0.8).screen("Foreign Trade Bank of Korea");

    // then: the same matches from 0.8 on, the same scores, none below
    assertThat(strong).isNotEmpty();
    assertThat(strong)
        .containsExactlyElementsOf(all.stream().filter(m -> m.score() >= 0.8).toList());
  }

  @Test
  void shouldMatchAGoodAliasAsAnAlias() {
    // when
    List<DesignationMatch> found = list.screen("Korea Daesong Trading Company");

    // then
    assertThat(found)
        .first()
        .extracting(
            DesignationMatch::designationId, DesignationMatch::method, DesignationMatch::score)
        .containsExactly("KPe.042", MatchMethod.ALIAS, 1.0);
  }

  @Test
  void shouldScoreATypoAsFuzzy() {
    // then
    assertThat(list.screen("Foriegn Trade Bank"))
        .first()
        .satisfies(
            m -> {
              assertThat(m.designationId()).isEqualTo("KPe.047");
              assertThat(m.method()).isEqualTo(MatchMethod.FUZZY);
              assertThat(m.score()).isBetween(0.95, 0.999);
            });
  }

  @Test
  void shouldFindANameWithALetterDroppedOrChangedInItsFirstLetters() {
    // given: a one-word name, and names whose first three letters differ from it by one letter
    ScreeningList entities =
        ScreeningList.of(
            List.of(Designations.entity("IRe.041", "SEPANIR", LocalDate.of(2008, 3, 3)).build()));

    // then: a letter dropped or changed early in the word still finds the name
    for (String written : List.of("SEANIR", "Sapanir", "Spanir")) {
      assertThat(entities.screen(written))
          .as(written)
          .first()
          .satisfies(
              m -> {
                assertThat(m.designationId()).isEqualTo("IRe.041");
                assertThat(m.score()).isGreaterThanOrEqualTo(0.9);
              });
    }
  }

  @Test
  void shouldKeepTheTradeBankOfIraqBelowAnAlertButVisibleAsANearMiss() {
    // then
    assertThat(list.screen("Trade Bank of Iraq"))
        .first()
        .satisfies(
            m -> {
              assertThat(m.designationId()).isEqualTo("KPe.047");
              assertThat(m.score()).isBetween(ScreeningList.FLOOR, 0.8);
            });
  }

  @Test
  void shouldCountALowQualityAliasAsWeakEvidenceOnly() {
    // then
    assertThat(list.screen("Khattab"))
        .extracting(
            DesignationMatch::designationId, DesignationMatch::method, DesignationMatch::score)
        .containsExactly(tuple("QDi.343", MatchMethod.WEAK_ALIAS, ScreeningList.WEAK_ALIAS_FACTOR));
  }

  @Test
  void shouldMatchIdentifiersExactlyWhateverTheName() {
    // then
    assertThat(list.screen(party("Yu Jong 2 owner", IdentifierScheme.IMO, "IMO 5434358")))
        .first()
        .extracting(
            DesignationMatch::designationId, DesignationMatch::method, DesignationMatch::matchedOn)
        .containsExactly("KPe.066", MatchMethod.IDENTIFIER, "IMO 5434358");
    assertThat(list.screen(party("a bank", IdentifierScheme.UN_REFERENCE, "kpe.047")))
        .first()
        .extracting(DesignationMatch::designationId)
        .isEqualTo("KPe.047");
    assertThat(list.screen(party("R. W. H.", IdentifierScheme.PASSPORT, "381 310 014")))
        .first()
        .extracting(DesignationMatch::designationId)
        .isEqualTo("KPi.033");
    assertThat(list.screen(party("FTB Pyongyang", IdentifierScheme.BIC, "FTBDKPPYXXX")))
        .first()
        .extracting(DesignationMatch::designationId, DesignationMatch::method)
        .containsExactly("KPe.047", MatchMethod.IDENTIFIER);
  }

  @Test
  void shouldNotMatchAnIdentifierOfAnotherScheme() {
    // then
    assertThat(list.screen(party("Unha 5", IdentifierScheme.MMSI, "5434358"))).isEmpty();
  }

  @Test
  void shouldScreenAgainstOnlyTheDesignationsOfANarrowedList() {
    // when
    ScreeningList narrowed = list.narrowedTo(List.of(Designations.kwangsonBank()));

    // then
    assertThat(narrowed.screen("Foreign Trade Bank")).isEmpty();
    assertThat(narrowed.screen("KKBC"))
        .extracting(DesignationMatch::designationId)
        .containsExactly("KPe.025");
  }

  private static Party party(String name, IdentifierScheme scheme, String value) {
    return new Party(PartyRole.BANK, name, List.of(new Identifier(scheme, value)), null);
  }

  @Test
  void shouldScoreOnlyNamesThatShareMoreThanAMiddlingWordWithTheQuery() {
    // given: 3,000 persons under 30 family names (100 each: neither rare nor common) and 100
    // first given names (30 each), so a family name alone meets a hundred names
    String[] families = new String[30];
    for (int f = 0; f < families.length; f++) {
      families[f] = "FAM" + (char) ('A' + f % 26) + (char) ('A' + f / 26) + "OV";
    }
    List<Designation> many = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String given = "GIV" + (char) ('A' + (i / 30) % 26) + (char) ('A' + (i / 30) / 26) + "EN";
      many.add(
          Designation.newBuilder()
              .setDesignationId("SYN." + i)
              .setType(DesignationType.INDIVIDUAL)
              .setName(families[i % 30] + " " + given + " " + "S" + i)
              .setRegime("test")
              .setSource("test")
              .build());
    }
    ScreeningList large = ScreeningList.of(many);
    String query = families[7] + " " + "GIVHAEN" + " S217";

    // when
    List<DesignationMatch> found = large.screen(query);

    // then: the one it names is found, and the hundred of its family name are not all scored
    assertThat(found).first().satisfies(m -> assertThat(m.designationId()).isEqualTo("SYN.217"));
    assertThat(found.get(0).score()).isEqualTo(1.0);
    assertThat(large.candidateCount(query)).isLessThan(50);
    // a query whose other words the list does not spell still meets every name of its family
    assertThat(large.candidateCount(families[7] + " Qwxzy")).isGreaterThanOrEqualTo(100);
  }

  private static List<Designation> withExtras() {
    List<Designation> all = new ArrayList<>(Designations.dprkSample());
    all.remove(Designations.foreignTradeBank());
    all.add(
        Designation.newBuilder(Designations.foreignTradeBank())
            .setIdentifiers(List.of(new Identifier(IdentifierScheme.BIC, "FTBDKPPY")))
            .build());
    all.add(
        Designations.entity(
                "KPe.042", "KOREA DAESONG GENERAL TRADING CORPORATION", LocalDate.of(2016, 3, 2))
            .setAliases(List.of("Korea Daesong Trading Company"))
            .build());
    all.add(Designations.lowAliasIndividual());
    return all;
  }
}
