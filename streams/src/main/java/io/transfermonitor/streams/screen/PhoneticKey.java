package io.transfermonitor.streams.screen;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * How a word sounds: its Double Metaphone codes (Lawrence Philips, 2000, as Apache Commons Codec
 * implements it), the primary and, where the word may be said two ways, the alternate. {@code
 * khamenei} and {@code hamenei}, {@code nasir} and {@code nasser} sound alike. Words of fewer than
 * {@value #MIN_LENGTH} letters and numbers have no code: their sound says too little.
 */
final class PhoneticKey {

  static final int MIN_LENGTH = 4;
  private static final String[] NONE = new String[0];
  private static final DoubleMetaphone METAPHONE = metaphone();

  private PhoneticKey() {}

  /** The codes of {@code word}; empty when it is short or not a word of letters. */
  static String[] of(String word) {
    if (word.length() < MIN_LENGTH || !word.chars().allMatch(Character::isLetter)) {
      return NONE;
    }
    String primary = METAPHONE.doubleMetaphone(word, false);
    String alternate = METAPHONE.doubleMetaphone(word, true);
    if (primary == null || primary.isEmpty()) {
      return NONE;
    }
    return primary.equals(alternate) || alternate == null || alternate.isEmpty()
        ? new String[] {primary}
        : new String[] {primary, alternate};
  }

  /**
   * Codes of up to eight sounds: the library's default of four makes every long name that starts
   * alike sound alike ({@code abdelkader} and {@code abdelmalek} are both {@code APTL}).
   */
  private static DoubleMetaphone metaphone() {
    DoubleMetaphone metaphone = new DoubleMetaphone();
    metaphone.setMaxCodeLen(8);
    return metaphone;
  }

  /** Whether two words' codes share one. */
  static boolean alike(String[] a, String[] b) {
    for (String x : a) {
      for (String y : b) {
        if (x.equals(y)) {
          return true;
        }
      }
    }
    return false;
  }
}
