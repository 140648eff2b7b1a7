package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransliterationTest {

  @Test
  void shouldRomanizeHangulSyllableBySyllable() {
    // then
    assertThat(Transliteration.toLatin("김철삼")).isEqualTo("gim cheol sam");
    assertThat(Transliteration.toLatin("조선무역은행")).isEqualTo("jo seon mu yeok eun haeng");
  }

  @Test
  void shouldTransliterateCyrillicAndGreek() {
    // then
    assertThat(Transliteration.toLatin("Ким Чол Сам")).isEqualTo("kim chol sam");
    assertThat(Transliteration.toLatin("Корё Банк")).isEqualTo("koryo bank");
    assertThat(Transliteration.toLatin("Пак Хан Се")).isEqualTo("pak khan se");
    assertThat(Transliteration.toLatin("Αθήνα")).isEqualTo("athina");
  }

  @Test
  void shouldDropAccentsAndSpellOutSpecialLetters() {
    // then
    assertThat(Transliteration.toLatin("Chosŏn Muyŏk Ŭnhaeng")).isEqualTo("choson muyok unhaeng");
    assertThat(Transliteration.toLatin("Bogotá Straße Ørsted")).isEqualTo("bogota strasse orsted");
  }

  @Test
  void shouldKeepChineseCharactersAsTheyAre() {
    // then
    assertThat(Transliteration.toLatin("長安海連技術有限公司")).isEqualTo("長安海連技術有限公司");
  }
}
