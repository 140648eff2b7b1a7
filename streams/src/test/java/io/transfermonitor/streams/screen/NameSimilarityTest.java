package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.transfermonitor.streams.Designations;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameSimilarityTest {

  private final NameSimilarity similarity =
      new NameSimilarity(
          TokenWeights.of(
              Designations.dprkSample().stream()
                  .flatMap(d -> ListedName.of(d).stream())
                  .flatMap(n -> n.forms().stream())
                  .toList()));

  @Test
  void shouldScoreEqualWordsInAnyOrderOne() {
    // then
    assertThat(score("Won Ho Ri", "RI WON HO", false)).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldForgiveATypoInALongWord() {
    // then
    assertThat(score("Foriegn Trade Bank", "FOREIGN TRADE BANK", true)).isGreaterThan(0.95);
  }

  @Test
  void shouldScoreANearNeighbourSharingOnlyCommonWordsLow() {
    // then: 'trade' and 'bank' are shared, 'foreign' and 'iraq' are not
    assertThat(score("Trade Bank of Iraq", "FOREIGN TRADE BANK", true)).isBetween(0.4, 0.8);
  }

  @Test
  void shouldMatchRomanizationsOfOneKoreanName() {
    // then
    assertThat(score("Kim Chong Sik", "KIM JONG SIK", false)).isGreaterThan(0.95);
    assertThat(score("김철삼", "KIM CHOL SAM", false)).isGreaterThan(0.9);
  }

  @Test
  void shouldJoinAWordSplitInTwo() {
    // then
    assertThat(score("Kim Jongsik", "KIM JONG SIK", false)).isCloseTo(1.0, within(1e-9));
    assertThat(score("Huaxin Shipping Hong Kong", "HUAXIN SHIPPING HONGKONG", true))
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shouldNeverMatchShortWordsOrNumbersFuzzily() {
    // then
    assertThat(NameSimilarity.wordSimilarity("ri", "ro")).isZero();
    assertThat(NameSimilarity.wordSimilarity("39", "93")).isZero();
    assertThat(NameSimilarity.wordSimilarity("sam", "nam")).isZero();
    assertThat(NameSimilarity.wordSimilarity("pak", "bak")).isEqualTo(0.95);
  }

  @Test
  void shouldPairFormsOfOneWord() {
    // then
    assertThat(NameSimilarity.wordSimilarity("finance", "financial")).isEqualTo(0.95);
    assertThat(NameSimilarity.wordSimilarity("imports", "import")).isEqualTo(0.95);
    assertThat(NameSimilarity.wordSimilarity("machinery", "machine")).isEqualTo(0.95);
    assertThat(NameSimilarity.wordSimilarity("islamique", "islamic")).isEqualTo(0.95);
    assertThat(NameSimilarity.wordSimilarity("combattant", "combatant")).isGreaterThan(0.9);
    assertThat(WordForms.same("mining", "mine")).isFalse();
    assertThat(WordForms.same("kamala", "kamal")).isFalse();
    assertThat(WordForms.same("regency", "regent")).isFalse();
  }

  @Test
  void shouldPairAnHWrittenOrNotAfterAConsonantButNoOtherLetterInShortWords() {
    // then
    assertThat(NameSimilarity.wordSimilarity("cui", "chui")).isEqualTo(0.92);
    assertThat(NameSimilarity.wordSimilarity("tamer", "thamer")).isGreaterThanOrEqualTo(0.92);
    assertThat(NameSimilarity.wordSimilarity("amr", "amir")).isZero();
    assertThat(NameSimilarity.wordSimilarity("jon", "jong")).isZero();
    assertThat(NameSimilarity.wordSimilarity("han", "chan")).isZero();
  }

  private double score(String query, String listed, boolean organization) {
    return similarity.score(words(query, organization), words(listed, organization));
  }

  private static List<String> words(String name, boolean organization) {
    return NameNormalizer.words(name, organization);
  }
}
