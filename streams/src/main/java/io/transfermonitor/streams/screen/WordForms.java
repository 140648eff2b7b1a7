package io.transfermonitor.streams.screen;

/**
 * Two forms of one word, as names of organizations write them in English and the languages near it:
 * a plural ({@code imports}, {@code import}), an adjective or a noun of the same stem ({@code
 * finance}, {@code financial}; {@code machine}, {@code machinery}; {@code technology}, {@code
 * technological}) and the French spelling of the English word ({@code islamique}, {@code islamic};
 * {@code tunisien}, {@code tunisian}; {@code groupe}, {@code group}; {@code combattant}, {@code
 * combatant}). A word is cut by one ending at most, after a plural {@code s}; what is left must
 * keep four letters, so short words ({@code mining}, {@code kamal}) are never cut.
 */
final class WordForms {

  private static final String[] ENDINGS = {
    "ique", "ical", "ial", "ian", "ien", "ery", "ing", "ic", "al", "e", "y"
  };

  private static final int MIN_STEM = 4;
  private static final int MIN_WORD = 5;

  private WordForms() {}

  /** Whether two different words are forms of one ({@code finance}, {@code financial}). */
  static boolean same(String a, String b) {
    // the stems keep four letters: words that begin otherwise are other words
    if (a.length() < MIN_WORD
        || b.length() < MIN_WORD
        || a.charAt(0) != b.charAt(0)
        || a.charAt(1) != b.charAt(1)) {
      return false;
    }
    String sa = stem(a);
    return sa.length() >= MIN_STEM && sa.equals(stem(b));
  }

  /** The word without a plural and one ending, doubled letters single. */
  static String stem(String word) {
    String w = word;
    if (w.length() > MIN_WORD && w.endsWith("s") && !w.endsWith("ss")) {
      w = w.substring(0, w.length() - 1);
    }
    for (String ending : ENDINGS) {
      if (w.endsWith(ending) && w.length() - ending.length() >= MIN_STEM) {
        w = w.substring(0, w.length() - ending.length());
        break;
      }
    }
    StringBuilder single = new StringBuilder(w.length());
    for (int k = 0; k < w.length(); k++) {
      if (k == 0 || w.charAt(k) != w.charAt(k - 1)) {
        single.append(w.charAt(k));
      }
    }
    return single.toString();
  }
}
