package io.transfermonitor.streams.screen;

/**
 * A word folded so that the usual romanizations of one Korean (or Russian-transcribed) name meet:
 * McCune-Reischauer and Revised Romanization ({@code chol} and {@code cheol}, {@code pak} and
 * {@code bak}, {@code kim} and {@code gim}, {@code jong} and {@code chong}), the list's doubled
 * vowels ({@code lee} and {@code ri}), Russian transcriptions ({@code khan} and {@code han}, {@code
 * von} and {@code won}). Voiced and voiceless consonants become one, {@code r} and {@code l} one,
 * vowel spellings one, doubled letters single. Used only to compare words that are already close,
 * never to decide alone.
 */
final class RomanizationKey {

  private static final String[][] FOLDS = {
    {"rh", "r"},
    {"kh", "h"},
    {"tch", "j"},
    {"ch", "j"},
    {"sh", "s"},
    {"eo", "o"},
    {"eu", "u"},
    {"oo", "u"},
    {"ee", "i"},
    {"oi", "oe"},
    {"yi", "i"}
  };

  private RomanizationKey() {}

  static String of(String word) {
    String folded = word;
    for (String[] fold : FOLDS) {
      folded = folded.replace(fold[0], fold[1]);
    }
    StringBuilder key = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = voiced(folded.charAt(i));
      if (key.length() == 0 || key.charAt(key.length() - 1) != c) {
        key.append(c);
      }
    }
    return key.toString();
  }

  private static char voiced(char c) {
    return switch (c) {
      case 'k' -> 'g';
      case 't' -> 'd';
      case 'p' -> 'b';
      case 'r' -> 'l';
      case 'v' -> 'w';
      default -> c;
    };
  }
}
