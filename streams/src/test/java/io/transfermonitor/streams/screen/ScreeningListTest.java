package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Designation;
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
