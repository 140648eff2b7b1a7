package io.transfermonitor.producers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberNotationTest {

  private static final NumberNotation ENGLISH = new NumberNotation('.', ',');
  private static final NumberNotation EUROPEAN = new NumberNotation(',', '.');
  private static final NumberNotation SWISS = new NumberNotation('.', '\'');

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "27,500 | 27500",
        "27500 | 27500",
        "1,234,567.25 | 1234567.25",
        "-29,000 | -29000",
        "0.5 | 0.5",
        ".5 | 0.5",
        "-.5 | -0.5",
        "999 | 999",
        "1,000 | 1000"
      })
  void shouldReadNumbersWrittenWithCommaThousandsAndPointDecimals(String text, String plain) {
    assertThat(ENGLISH.plain(text)).isEqualTo(plain);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {"3.450,5 | 3450.5", "1.234.567,25 | 1234567.25", "3450,5 | 3450.5", "12 | 12"})
  void shouldReadNumbersWrittenWithPointThousandsAndCommaDecimals(String text, String plain) {
    assertThat(EUROPEAN.plain(text)).isEqualTo(plain);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // a European number under the English notation: never 3.4505
        "3.450,5 | the thousands separator ',' comes after the decimal separator '.'",
        "1.2.3 | it has more than one decimal separator '.'",
        "1,23 | the digits after the thousands separator ',' come in a group of 2, not 3",
        "12,3456 | the digits after the thousands separator ',' come in a group of 4, not 3",
        "1,234,56.5 | the digits after the thousands separator ',' come in a group of 2, not 3",
        "1234,567 | the thousands separator ',' follows 4 digits, not 1 to 3",
        ",500 | it starts with the thousands separator ','",
        "1,,000 | the digits after the thousands separator ',' come in a group of 0, not 3",
        "27 500 | ' ' is not the decimal separator '.' nor the thousands separator ','",
        "1e3 | 'e' is not a digit or a separator",
        "NaN | 'N' is not a digit or a separator",
        "$500 | '$' is not a digit or a separator",
        "5. | no digits follow the decimal separator '.'",
        "- | it holds no digits"
      })
  void shouldRefuseAValueWhoseShapeDoesNotFitTheNotationSayingWhy(String text, String why) {
    assertThatThrownBy(() -> ENGLISH.plain(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(why);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "27,500 | ',' is not the decimal separator '.' and no thousands separator is declared",
        "3,5 | ',' is not the decimal separator '.' and no thousands separator is declared"
      })
  void shouldRefuseSeparatorsAColumnWithoutAThousandsSeparatorDoesNotDeclare(
      String text, String why) {
    assertThatThrownBy(() -> NumberNotation.PLAIN.plain(text)).hasMessage(why);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {"1'234'567.5 | 1234567.5", "950 | 950"})
  void shouldReadAnApostropheAsTheThousandsSeparatorWhenDeclared(String text, String plain) {
    assertThat(SWISS.plain(text)).isEqualTo(plain);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {"3,450.5", "1,234.5", "1.23"})
  void shouldRefuseAnEnglishNumberUnderTheEuropeanNotation(String text) {
    assertThatThrownBy(() -> EUROPEAN.plain(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
