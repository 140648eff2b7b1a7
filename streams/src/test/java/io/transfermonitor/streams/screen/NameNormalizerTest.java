package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

  @Test
  void shouldMakeAParenthesizedAcronymAFormOfItsOwn() {
    // then
    assertThat(NameNormalizer.describe("FOREIGN TRADE BANK (FTB)", true))
        .containsExactly("foreign trade bank", "ftb");
    assertThat(NameNormalizer.describe("OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)", true))
        .containsExactly("ocean maritime management", "omm");
  }

  @Test
  void shouldMakeAnAcronymAfterADashOrSlashAFormOfItsOwn() {
    // then
    assertThat(NameNormalizer.describe("HARAKAT UL-MUJAHIDIN / HUM", true))
        .containsExactly("harakat mujahidin hum", "harakat mujahidin", "hum");
    assertThat(NameNormalizer.describe("Jaish-e-Mohammed - JeM", true))
        .containsExactly("jaish mohammed jem", "jaish mohammed", "jem");
    // a word that is not the name's initials stays part of it
    assertThat(NameNormalizer.describe("ISLAMIC STATE IN IRAQ AND THE LEVANT - LIBYA", true))
        .containsExactly("islamic state iraq levant libya");
  }

  @Test
  void shouldKeepAParenthesizedPhraseInOneFormAndDropItInTheOther() {
    // then
    assertThat(NameNormalizer.describe("LEADER (HONG KONG) INTERNATIONAL", true))
        .containsExactly("leader international", "leader hong kong international");
  }

  @Test
  void shouldDropLegalFormsAndFunctionWordsOfOrganizations() {
    // then
    assertThat(NameNormalizer.words("Korea Kwangson Banking Co., Ltd.", true))
        .containsExactly("korea", "kwangson", "banking");
    assertThat(NameNormalizer.words("Bank of East Land", true))
        .containsExactly("bank", "east", "land");
    assertThat(NameNormalizer.words("Chang An Shipping & Technology", true))
        .containsExactly("chang", "an", "shipping", "technology");
    assertThat(NameNormalizer.words("Korea Ansan Shpg Company", true))
        .containsExactly("korea", "ansan", "shipping");
    assertThat(NameNormalizer.words("The Company Ltd", true))
        .containsExactly("the", "company", "ltd");
  }

  @Test
  void shouldDropApostrophesBreakAtHyphensAndCloseUpDottedAcronyms() {
    // then
    assertThat(NameNormalizer.words("Kim Mun-ch’o’l", false)).containsExactly("kim", "mun", "chol");
    assertThat(NameNormalizer.words("F.T.B.", true)).containsExactly("ftb");
    assertThat(NameNormalizer.words("Mr Pak, Il-Gyu", false)).containsExactly("pak", "il", "gyu");
  }

  @Test
  void shouldKeepLegalFormWordsInPersonalNames() {
    // then: "Sa" is a Korean given-name syllable, not a société anonyme
    assertThat(NameNormalizer.words("Kim Sa Gon", false)).containsExactly("kim", "sa", "gon");
  }

  @Test
  void shouldDropLegalFormsWrittenOutInTheListsLanguagesAndMisspeltByALetter() {
    // then
    assertThat(NameNormalizer.words("Open Joint Stock Company Sovtanker", true))
        .containsExactly("sovtanker");
    assertThat(NameNormalizer.words("Obshchestvo s Ogranichennoy Otvetstvennostyu Baltneft", true))
        .containsExactly("baltneft");
    assertThat(NameNormalizer.words("Rostov Shipping Aktiengesellschaft", true))
        .containsExactly("rostov", "shipping");
    assertThat(NameNormalizer.words("Al-Arabi TradingCompany Limted", true))
        .containsExactly("arabi", "trading");
    assertThat(NameNormalizer.words("M/V Chon Ma San", true)).containsExactly("chon", "ma", "san");
  }

  @Test
  void shouldDropTitlesAndParticlesOfPersons() {
    // then
    assertThat(NameNormalizer.words("Shaikh Omar bin Saeed al-Rashid", false))
        .containsExactly("omar", "saeed", "rashid");
    assertThat(NameNormalizer.words("General Dr. Ri Won Ho", false))
        .containsExactly("ri", "won", "ho");
  }

  @Test
  void shouldReadDigitsWrittenForLettersButKeepNumbers() {
    // then
    assertThat(NameNormalizer.words("T1m0fey Ivan0v", false)).containsExactly("timofey", "ivanov");
    assertThat(NameNormalizer.words("KIM S0NG CHO1", false)).containsExactly("kim", "song", "chol");
    assertThat(NameNormalizer.words("R1 Y0NG MU", false)).containsExactly("ri", "yong", "mu");
    assertThat(NameNormalizer.words("KUM UN SAN 3", true)).containsExactly("kum", "un", "san", "3");
  }

  @Test
  void shouldReadSeveralNamesInOneFieldAsFormsOfTheirOwn() {
    // then
    assertThat(NameNormalizer.describe("Mortaza Safari; Morteza Saferi", false))
        .containsExactly("mortaza safari", "morteza saferi");
  }

  @Test
  void shouldDropLegalFormsOfMoreLanguagesAndThoseWrittenWithASpaceInside() {
    // then
    assertThat(NameNormalizer.words("Nordic Tankers A/S", true))
        .containsExactly("nordic", "tankers");
    assertThat(NameNormalizer.words("Sinar Mas Sp. z o.o.", true)).containsExactly("sinar", "mas");
    assertThat(NameNormalizer.words("PT Bank Sinar Mas Tbk", true))
        .containsExactly("bank", "sinar", "mas");
    assertThat(NameNormalizer.words("Petro Invest Limited Sirketi", true))
        .containsExactly("petro", "invest");
    assertThat(NameNormalizer.words("AL-BASHAIR TRADING COMPANY, L TD", true))
        .containsExactly("bashair", "trading");
    assertThat(NameNormalizer.words("KOREA KUMSAN TRADING CORPO RATION", true))
        .containsExactly("korea", "kumsan", "trading");
  }

  @Test
  void shouldDropTheIzafatOfOrganizationsButNotOfPersons() {
    // then
    assertThat(NameNormalizer.words("Jaish-i-Mohammed", true)).containsExactly("jaish", "mohammed");
    assertThat(NameNormalizer.words("Jamaat-e-Ahrar", true)).containsExactly("jamaat", "ahrar");
    assertThat(NameNormalizer.words("Jamaat-ul-Ahrar", true)).containsExactly("jamaat", "ahrar");
    assertThat(NameNormalizer.words("R.-E. Habhab", false)).containsExactly("r", "e", "habhab");
  }

  @Test
  void shouldSplitACapitalizedWordGluedToOneInCapitals() {
    // then
    assertThat(NameNormalizer.words("ISLAMIC STATE IN IRAQAnd THE LEVANT", true))
        .containsExactly("islamic", "state", "iraq", "levant");
    assertThat(NameNormalizer.words("ZAKIEzat ZAKI AHMED", false))
        .containsExactly("zaki", "ezat", "zaki", "ahmed");
    assertThat(NameNormalizer.words("McDonald", false)).containsExactly("mcdonald");
  }

  @Test
  void shouldDropReligiousAndMilitaryTitles() {
    // then
    assertThat(NameNormalizer.words("Ayatollah Ali Khamenei", false))
        .containsExactly("ali", "khamenei");
    assertThat(NameNormalizer.words("Alhaj Ustad Ayub Bashar", false))
        .containsExactly("ayub", "bashar");
    assertThat(NameNormalizer.words("Commander Jock Riak", false)).containsExactly("jock", "riak");
  }
}
