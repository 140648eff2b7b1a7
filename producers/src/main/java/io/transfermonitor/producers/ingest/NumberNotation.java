package io.transfermonitor.producers.ingest;

/**
 * How a source writes the numbers of one column: its decimal separator and, optionally, its
 * thousands separator ({@code decimal:} and {@code thousands:} of a mapping field). In: a cell's
 * text. Out: the number in plain form ({@code 3450.5}), or an {@link IllegalArgumentException}
 * saying why the text does not fit.
 *
 * <p>A value is read only as the mapping declares, never guessed at: {@code 3.450,5} under {@code
 * thousands: ","} is refused rather than read as 3.4505, since a source in another locale would
 * otherwise be counted a thousand times too small without a word. So are digits between thousands
 * separators that are not groups of three ({@code 12,34}), a second decimal separator, a separator
 * that is neither of the two, and anything that is not a digit (exponents, {@code NaN}, currency
 * signs). Digits written without grouping ({@code 27500}) fit any notation.
 */
final class NumberNotation {

  /** What a column without {@code decimal:} or {@code thousands:} takes: {@code 1234.5}. */
  static final NumberNotation PLAIN = new NumberNotation('.', null);

  private final char decimal;
  private final Character thousands;

  /**
   * @param decimal the decimal separator
   * @param thousands the thousands separator, or null when numbers are not grouped
   */
  NumberNotation(char decimal, Character thousands) {
    if (thousands != null && thousands == decimal) {
      throw new IllegalArgumentException(
          "the thousands and the decimal separator are both '" + decimal + "'");
    }
    this.decimal = decimal;
    this.thousands = thousands;
  }

  /** The notation's parts in words, for errors: {@code decimal '.', thousands ','}. */
  String describe() {
    return "decimal '"
        + decimal
        + "', "
        + (thousands == null ? "no thousands separator" : "thousands '" + thousands + "'");
  }

  /** A number as this notation writes it: {@code 1,234.5}. */
  String example() {
    return "1" + (thousands == null ? "" : String.valueOf(thousands)) + "234" + decimal + "5";
  }

  /**
   * {@code text} (trimmed, not empty) in plain form: digits, an optional leading minus and a {@code
   * .} before the fraction.
   *
   * @throws IllegalArgumentException why it does not fit this notation
   */
  String plain(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    if (text.charAt(0) == '-') {
      out.append('-');
      i = 1;
    }
    int group = 0; // digits since the last thousands separator, or since the start
    int groups = 0; // thousands separators seen
    boolean inFraction = false;
    int fractionDigits = 0;
    int digits = 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
        digits++;
        if (inFraction) {
          fractionDigits++;
        } else {
          group++;
        }
      } else if (c == decimal) {
        if (inFraction) {
          throw new IllegalArgumentException("it has more than one decimal separator '" + c + "'");
        }
        checkGroup(group, groups, true);
        inFraction = true;
        out.append('.');
      } else if (thousands != null && c == thousands) {
        if (inFraction) {
          throw new IllegalArgumentException(
              "the thousands separator '"
                  + c
                  + "' comes after the decimal separator '"
                  + decimal
                  + "'");
        }
        checkGroup(group, groups, false);
        groups++;
        group = 0;
      } else if (c == '.' || c == ',' || c == '\'' || c == ' ' || c == '\u00A0' || c == '\u202F') {
        throw new IllegalArgumentException(
            "'"
                + c
                + "' is not "
                + (thousands == null
                    ? "the decimal separator '"
                        + decimal
                        + "' and no thousands separator is declared"
                    : "the decimal separator '"
                        + decimal
                        + "' nor the thousands separator '"
                        + thousands
                        + "'"));
      } else {
        throw new IllegalArgumentException("'" + c + "' is not a digit or a separator");
      }
    }
    if (digits == 0) {
      throw new IllegalArgumentException("it holds no digits");
    }
    if (inFraction && fractionDigits == 0) {
      throw new IllegalArgumentException(
          "no digits follow the decimal separator '" + decimal + "'");
    }
    if (!inFraction) {
      checkGroup(group, groups, true);
    }
    int first = out.charAt(0) == '-' ? 1 : 0;
    if (out.charAt(first) == '.') {
      out.insert(first, '0'); // ".5" is 0.5
    }
    return out.toString();
  }

  /**
   * Checks the digits before a separator: after a thousands separator they come in threes; before
   * the first, one to three.
   *
   * @param last true at the decimal separator or the end, false at another thousands separator
   */
  private void checkGroup(int digits, int separatorsBefore, boolean last) {
    if (separatorsBefore == 0) {
      if (!last && (digits == 0 || digits > 3)) {
        throw new IllegalArgumentException(
            digits == 0
                ? "it starts with the thousands separator '" + thousands + "'"
                : "the thousands separator '"
                    + thousands
                    + "' follows "
                    + digits
                    + " digits, not 1 to 3");
      }
      return;
    }
    if (digits != 3) {
      throw new IllegalArgumentException(
          "the digits after the thousands separator '"
              + thousands
              + "' come in a group of "
              + digits
              + ", not 3");
    }
  }
}
