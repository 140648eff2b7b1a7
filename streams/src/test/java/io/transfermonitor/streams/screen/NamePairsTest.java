package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.producers.designations.UnListReader;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The variant classes of issue 24, each scored as {@code screen --pairs} scores it: against one
 * listed name, with the word weights of the shipped UN list, at the monitor's threshold 0.90.
 */
class NamePairsTest {

  static final Path UN_LIST =
      ProjectFiles.of("producers", "src", "main", "resources", "designations")
          .resolve("un-consolidated-2020-11.xml.gz");
  private static final double THRESHOLD = 0.9;

  private static final NamePairs PAIRS = new NamePairs(unList());

  static ScreeningList unList() {
    try {
      return ScreeningList.of(UnListReader.read(UN_LIST).designations());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void shouldMatchLegalFormsWrittenOutAbbreviatedOrInAnotherLanguage() {
    // then
    assertThat(PAIRS.score("Rostov Shipping Aktiengesellschaft", "Rostov Shipping AG", "Company"))
        .isEqualTo(1.0);
    assertThat(PAIRS.score("Open Joint Stock Company Sovtanker", "OAO Sovtanker", "Company"))
        .isEqualTo(1.0);
    assertThat(
            PAIRS.score(
                "Obshchestvo s Ogranichennoy Otvetstvennostyu Baltneft", "Baltneft LLC", "Company"))
        .isEqualTo(1.0);
    assertThat(PAIRS.score("Kaspi Gesellschaft mit beschraenkter Haftung", "KASPI GMBH", "Company"))
        .isEqualTo(1.0);
    assertThat(PAIRS.score("Tiz Pars Comppany Limted", "TIZ PARS", "Company")).isEqualTo(1.0);
  }

  @Test
  void shouldDropTitlesAndParticlesAndIgnoreTheOrderOfAPersonsNames() {
    // then
    assertThat(
            PAIRS.score("AL RASHID, Omar Bin Saeed", "Shaikh Omar bin Saeed al-Rashid", "Person"))
        .isEqualTo(1.0);
    assertThat(PAIRS.score("General Dr. Ri Won Ho", "RI WON HO", "Person")).isEqualTo(1.0);
  }

  @Test
  void shouldNotTakeAPersonForAnotherWhenOnlyCommonNamesAlignAndAPartIsLeftOver() {
    // then: Abdul, Rahman, Muhammad, Ahmad are in many listed names; a part only one name has
    // then tells them apart
    assertThat(PAIRS.score("Abdul Rehman", "ABDUL RAHMAN ZAMANI", "Person")).isLessThan(0.9);
    assertThat(PAIRS.score("Mohammad Yusuf Ahmad", "MUHAMMAD AHMADI", "Person")).isLessThan(0.9);
    // whereas a rare part aligned still carries a dropped one
    assertThat(PAIRS.score("Abdul Rehman Zamani", "ABDUL RAHMAN ZAMANI", "Person"))
        .isGreaterThanOrEqualTo(0.9);
    assertThat(PAIRS.score("Abdul Ghani Baradar", "ABDUL GHANI BARADAR ABDUL AHMAD TURK", "Person"))
        .isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void shouldMatchANameThatDropsMiddleNamesAndIsSpeltAnotherWay() {
    // then: first and last names kept, two middle names dropped, both kept ones spelt otherwise
    assertThat(PAIRS.score("Ayman Al-Zawahari", "AIMAN MUHAMMED RABI AL-ZAWAHIRI", "Person"))
        .isGreaterThanOrEqualTo(THRESHOLD);
  }

  @Test
  void shouldMatchInitialsDroppedPartsAndALetterOff() {
    // then
    assertThat(PAIRS.score("Kim J. Pak", "Kim Jong Pak", "Person")).isGreaterThan(THRESHOLD);
    assertThat(PAIRS.score("J.-C. Dupont", "Jean-Claude Dupont", "Person"))
        .isGreaterThan(THRESHOLD);
    assertThat(PAIRS.score("Jurgen Wessel", "Juergen Wesel", "Person")).isGreaterThan(THRESHOLD);
    assertThat(PAIRS.score("Gabriel Jok Riak", "GABRIEL JOK RIAK MAKOL", "Person"))
        .isGreaterThan(THRESHOLD);
  }

  @Test
  void shouldReadDigitsForLettersAndJoinedOrSplitParts() {
    // then
    assertThat(PAIRS.score("T1m0fey Ivan0v", "Timofey Ivanov", "Person")).isEqualTo(1.0);
    assertThat(PAIRS.score("PakChol Su", "Pak Chol Su", "Person")).isEqualTo(1.0);
    assertThat(PAIRS.score("YUSON", "YU SON", "Vessel")).isEqualTo(1.0);
    assertThat(PAIRS.score("M/V Chon Ma San", "CHON MA SAN", "Vessel")).isEqualTo(1.0);
  }

  @Test
  void shouldMatchTransliterationVariants() {
    // then
    assertThat(PAIRS.score("Xi Jinping", "Shi Jinping", "Person")).isGreaterThan(THRESHOLD);
    assertThat(PAIRS.score("Ali Khamenei", "Ali Hamenei", "Person")).isGreaterThan(THRESHOLD);
    assertThat(PAIRS.score("Sergey Lavrov", "Sergei Lavrov", "Person")).isGreaterThan(THRESHOLD);
    assertThat(PAIRS.score("Ryu Djin", "RYU JIN", "Person")).isGreaterThan(THRESHOLD);
  }

  @Test
  void shouldMatchAnAcronymWithItsExpansion() {
    // then
    assertThat(PAIRS.score("KPA Unit 586", "Korean People's Army Unit 586", "Organization"))
        .isGreaterThan(THRESHOLD);
  }

  @Test
  void shouldKeepAnOrganizationsWordOrderButNotAPersons() {
    // then: Vneshtorgbank is not the DPRK's Foreign Trade Bank
    assertThat(PAIRS.score("Bank for Foreign Trade", "FOREIGN TRADE BANK (FTB)", "Company"))
        .isLessThan(THRESHOLD);
    assertThat(PAIRS.score("Won Ho Ri", "RI WON HO", "Person")).isEqualTo(1.0);
  }

  @Test
  void shouldNotMatchNearNeighbours() {
    // then
    assertThat(PAIRS.score("Kim Chol Nam", "KIM CHOL SAM", "Person")).isLessThan(THRESHOLD);
    assertThat(PAIRS.score("Kim Jong Un", "KIM JONG SIK", "Person")).isLessThan(THRESHOLD);
    assertThat(PAIRS.score("Abdelkader Droukdel", "ABDELMALEK DROUKDEL", "Person"))
        .isLessThan(THRESHOLD);
    assertThat(PAIRS.score("YU JONG 3", "YU JONG 2", "Vessel")).isLessThan(THRESHOLD);
    assertThat(PAIRS.score("KUM UN SAN", "KUM UN SAN 3", "Vessel")).isLessThan(THRESHOLD);
    assertThat(
            PAIRS.score(
                "Korea General Trading Company",
                "KOREA DAESONG GENERAL TRADING CORPORATION",
                "Company"))
        .isLessThan(THRESHOLD);
  }

  @Test
  void shouldNotTakeHalfAKoreanGivenNameForTheWholeName() {
    // then: Kim Jong is not KIM JONG SIK, though a dropped middle syllable still matches
    assertThat(PAIRS.score("Kim Jong", "KIM JONG SIK", "Person")).isLessThan(THRESHOLD);
    assertThat(PAIRS.score("Ri Pyong", "RI PYONG CHOL", "Person")).isLessThan(THRESHOLD);
    assertThat(PAIRS.score("Ko Man", "KO CHOL MAN", "Person")).isGreaterThanOrEqualTo(THRESHOLD);
  }

  @Test
  void shouldMatchAnAliasThatKeepsTheFirstPartsOfALongName() {
    // then: the list's own short aliases, parts in their order
    assertThat(PAIRS.score("Abdul Ghani Baradar", "ABDUL GHANI BARADAR ABDUL AHMAD TURK", "Person"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("Vladimir Putin", "Vladimir Vladimirovich Putin", "Person"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("Khalfan, Ahmed", "AHMED KHALFAN GHAILANI", "Person"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("Ali Hosseini Khamenei", "Ali Khamenei", "Person"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    // a name with a last part the listed one lacks is not taken for it as easily
    assertThat(PAIRS.score("Abdul Haq Wasiq", "ABDUL HAQ", "Person")).isLessThan(THRESHOLD);
  }

  @Test
  void shouldTakeACountryOneOrganizationAddsLightly() {
    // then: the country added says little; two different countries tell branches apart
    assertThat(PAIRS.score("Korea Taesong Bank", "Taesong Bank", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(
            PAIRS.score(
                "ISLAMIC STATE IN IRAQ AND THE LEVANT - LIBYA",
                "ISLAMIC STATE IN IRAQ AND THE LEVANT - YEMEN",
                "Organization"))
        .isLessThan(THRESHOLD);
  }

  @Test
  void shouldMatchACompanyWrittenByItsDistinctiveWordAgainstALongerListedForm() {
    // then: the words left over only say where it is and what it does
    assertThat(PAIRS.score("Sberbank", "Sberbank of Russia", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("Rosneft", "Rosneft Oil Company", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("Rosneft Oil Company", "ROSNEFT", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(
            PAIRS.score(
                "Ryonha Machinery", "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("Sovcomflot", "Sovcomflot Shipping Group", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.match("Rosneft", "Rosneft Oil Company", "Company"))
        .hasValueSatisfying(
            m -> assertThat(m.explanation()).isEqualTo("rosneft; only listed: oil"));
  }

  @Test
  void shouldNotMatchCompaniesWhoseDistinctiveWordsDiffer() {
    // then: what the two have in common only describes them
    assertThat(PAIRS.score("Rosneft", "Gazprom Neft", "Company")).isLessThan(THRESHOLD);
    assertThat(PAIRS.score("Korea Trading", "Korea Mining", "Company")).isLessThan(THRESHOLD);
    assertThat(PAIRS.score("Bank of Korea", "FOREIGN TRADE BANK (FTB)", "Company"))
        .isLessThan(THRESHOLD);
    assertThat(
            PAIRS.score(
                "Korea Oil Company", "KOREA RYONHA MACHINERY JOINT VENTURE CORPORATION", "Company"))
        .isLessThan(THRESHOLD);
    assertThat(PAIRS.score("Oil Trading Company", "Rosneft Oil Company", "Company"))
        .isLessThan(THRESHOLD);
    // a word of its own on each side is another company of the group, or another group
    assertThat(PAIRS.score("Sberbank Europe", "Sberbank of Russia", "Company"))
        .isLessThan(THRESHOLD);
    assertThat(PAIRS.score("Bank Tejarat", "Bank Mellat", "Company")).isLessThan(THRESHOLD);
    // Koryo is Korea's own name for itself, and state a word many companies share
    assertThat(PAIRS.score("Koryo Bank", "Koryo Global Trust Bank", "Company"))
        .isLessThan(THRESHOLD);
    assertThat(
            PAIRS.score(
                "STATE COMPANY FOR MACHINERY", "STATE TRADING ENTERPRISE FOR MACHINERY", "Company"))
        .isLessThan(THRESHOLD);
    // a word of description inside the name makes another name
    assertThat(
            PAIRS.score(
                "Ocean Management Company",
                "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)",
                "Company"))
        .isLessThan(THRESHOLD);
    assertThat(
            PAIRS.score(
                "Leader Shipping International", "LEADER (HONG KONG) INTERNATIONAL", "Company"))
        .isLessThan(THRESHOLD);
    // a distinctive word spelt a letter off still contradicts the words left over
    assertThat(PAIRS.score("Daedong Credit Bank", "DAESONG CREDIT DEVELOPMENT BANK", "Company"))
        .isLessThan(THRESHOLD);
  }

  @Test
  void shouldMatchAnotherSpellingOfANameThatDropsMiddleParts() {
    // then: before, yousef~yusuf with two middle names dropped scored 0.88
    assertThat(PAIRS.score("Yousef Karimov", "YUSUF RASHIDOVICH ABDULLAEVICH KARIMOV", "Person"))
        .isGreaterThanOrEqualTo(THRESHOLD);
  }

  @Test
  void shouldMatchAnotherFormOfAnOrganizationsWordsAndSeveralNamesInOneField() {
    // then
    assertThat(PAIRS.score("Harbin Financial Group", "HARBIN FINANCE", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("Nordic Tankers A/S", "NORDIC TANKERS AKTIESELSKAB", "Company"))
        .isEqualTo(1.0);
    assertThat(PAIRS.score("Mortaza Safari; Murtaza Saferi", "MORTEZA SAFARI", "Person"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    // a word of description only spelt alike is no organization's own word
    assertThat(PAIRS.score("Hong Kong Electric Holdings", "HONG KONG ELECTRONICS", "Company"))
        .isLessThan(THRESHOLD);
  }

  @Test
  void shouldMatchBelarusianAndRussianSpellingsOfOneGivenName() {
    // then
    assertThat(PAIRS.score("Alexander Lukashenko", "Aliaksandr Lukashenka", "Person"))
        .isGreaterThanOrEqualTo(THRESHOLD);
  }

  @Test
  void shouldReadOrdinalsAndDropIn() {
    // then
    assertThat(
            PAIRS.score(
                "2ND ACADEMY OF NATURAL SCIENCES", "SECOND ACADEMY OF NATURAL SCIENCES", "Company"))
        .isEqualTo(1.0);
    assertThat(
            PAIRS.score(
                "Islamic state of Iraq and the Levant in Libya",
                "ISLAMIC STATE IN IRAQ AND THE LEVANT - LIBYA",
                "Organization"))
        .isGreaterThanOrEqualTo(THRESHOLD);
  }

  @Test
  void shouldNotMatchAnAcronymAloneAgainstAnotherName() {
    // then: ILSIM INTERNATIONAL BANK has the initials of the brigade's acronym, whose expansion
    // the list gives: nothing more
    assertThat(
            PAIRS.score(
                "ILSIM INTERNATIONAL BANK", "ISLAMIC INTERNATIONAL BRIGADE (IIB)", "Company"))
        .isLessThan(THRESHOLD);
    assertThat(PAIRS.score("KPA Unit 586", "Korean People's Army Unit 586", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("FTB", "FOREIGN TRADE BANK (FTB)", "Company")).isEqualTo(1.0);
    // an acronym for a name that does not give one is still its acronym
    assertThat(PAIRS.score("LRA", "LORD'S RESISTANCE ARMY", "Organization"))
        .isGreaterThanOrEqualTo(THRESHOLD);
  }

  @Test
  void shouldMatchAnAcronymThatKeepsTheLetterOfALegalFormOrFunctionWord() {
    // then: the C of Company and the O of "of" are in the acronym, not in the words compared
    assertThat(PAIRS.score("NIOC", "National Iranian Oil Company", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("BOEL", "BANK OF EAST LAND", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    // a letter that no dropped word gives is not an acronym of the name
    assertThat(PAIRS.score("NIOX", "National Iranian Oil Company", "Company"))
        .isLessThan(THRESHOLD);
  }

  @Test
  void shouldReadAnAcronymAfterADashOrSlashAsAFormOfItsOwn() {
    // then
    assertThat(PAIRS.score("HUM", "HARAKAT UL-MUJAHIDIN / HUM", "Organization")).isEqualTo(1.0);
    assertThat(PAIRS.score("Harakat ul-Mujahidin", "HARAKAT UL-MUJAHIDIN / HUM", "Organization"))
        .isEqualTo(1.0);
    // a word after a dash that is no acronym of the name is part of it
    assertThat(PAIRS.score("Libya", "ISLAMIC STATE IN IRAQ AND THE LEVANT - LIBYA", "Organization"))
        .isLessThan(THRESHOLD);
  }

  @Test
  void shouldTakeACountryOnlyOneOrganizationNamesAsADescriptionWhateverTheCountry() {
    // then: countries of any list, not only of the UN list's regimes
    assertThat(PAIRS.score("Tatneft Kazakhstan", "TATNEFT", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    assertThat(PAIRS.score("Promsvyazbank Switzerland", "PROMSVYAZBANK", "Company"))
        .isGreaterThanOrEqualTo(THRESHOLD);
    // two countries still tell two organizations apart
    assertThat(PAIRS.score("Tatneft Kazakhstan", "TATNEFT UZBEKISTAN", "Company"))
        .isLessThan(THRESHOLD);
  }

  @Test
  void shouldSayWhichPartsMatchedHow() {
    // then
    assertThat(PAIRS.match("Kim J. Pak", "Kim Jong Pak", "Person"))
        .hasValueSatisfying(
            m -> assertThat(m.explanation()).isEqualTo("kim, pak, j~jong (initial)"));
    assertThat(PAIRS.match("Bank for Foreign Trade", "FOREIGN TRADE BANK (FTB)", "Company"))
        .hasValueSatisfying(m -> assertThat(m.explanation()).endsWith("; words in another order"));
    assertThat(PAIRS.match("Kim Chol Nam", "KIM CHOL SAM", "Person"))
        .hasValueSatisfying(
            m -> assertThat(m.explanation()).contains("only in the name: nam", "only listed: sam"));
  }
}
