package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaroWinklerTest {

  @Test
  void shouldGiveWinklersPublishedValues() {
    // then: the examples of Winkler (1990) and the usual references
    assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, within(0.001));
    assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.840, within(0.001));
    assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
  }

  @Test
  void shouldBeOneForEqualAndZeroForDisjointWords() {
    // then
    assertThat(JaroWinkler.similarity("kwangson", "kwangson")).isEqualTo(1.0);
    assertThat(JaroWinkler.similarity("abc", "xyz")).isEqualTo(0.0);
    assertThat(JaroWinkler.similarity("", "bank")).isEqualTo(0.0);
  }

  @Test
  void shouldBeSymmetricAndFavourACommonPrefix() {
    // then
    assertThat(JaroWinkler.similarity("banking", "bank"))
        .isEqualTo(JaroWinkler.similarity("bank", "banking"));
    assertThat(JaroWinkler.similarity("foriegn", "foreign"))
        .isGreaterThan(JaroWinkler.similarity("oferign", "foreign"));
  }
}
