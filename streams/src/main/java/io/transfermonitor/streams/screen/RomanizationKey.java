package io.transfermonitor.streams.screen;

/**
 * A word folded so that the usual romanizations of one Korean (or Russian-transcribed) name meet:
 * McCune-Reischauer and Revised Romanization ({@code chol} and {@code cheol}, {@code pak} and
 * {@code bak}, {@code kim} and {@code gim}, {@code jong} and {@code chong}), the list's doubled
 * vowels ({@code lee} and {@code ri}), Russian transcriptions ({@code khan} and {@code han}, {@code
 * von} and {@code won}). Voiced and voiceless consonants become one, {@code r} and {@code l} one,
 * vowel spellings one ({@code eo} {@code o}, {@code eu} {@code u}, {@code oo} and {@code ou} {@code
 * u}, {@code ee} {@code i}, {@code oi} {@code oe}, {@code y} {@code i}), {@code dj} {@code j},
 * doubled letters single. Used only to compare words that are already close, never to decide alone.
 */
final class RomanizationKey {

  private RomanizationKey() {}

  static String of(String word) {
    StringBuilder key = new StringBuilder(word.length());
    int n = word.length();
    for (int i = 0; i < n; i++) {
      char c = word.charAt(i);
      char next = i + 1 < n ? word.charAt(i + 1) : 0;
      char folded;
      if ((c == 'r' || c == 'k' || c == 's') && next == 'h') {
        folded = c == 'k' ? 'h' : c;
        i++;
      } else if (c == 't' && next == 'c' && i + 2 < n && word.charAt(i + 2) == 'h') {
        folded = 'j';
        i += 2;
      } else if (c == 'd' && next == 'j') {
        folded = 'j';
        i++;
      } else if (c == 'o' && next == 'u') {
        folded = 'u';
        i++;
      } else if (c == 'c' && next == 'h') {
        folded = 'j';
        i++;
      } else if ((c == 'e' && next == 'o') || (c == 'y' && next == 'i')) {
        folded = c == 'e' ? 'o' : 'i';
        i++;
      } else if ((c == 'e' && next == 'u') || (c == 'o' && next == 'o')) {
        folded = 'u';
        i++;
      } else if (c == 'e' && next == 'e') {
        folded = 'i';
        i++;
      } else if (c == 'o' && next == 'i') {
        key.append('o');
        folded = 'e';
        i++;
      } else {
        folded = c;
      }
      folded = voiced(folded);
      if (key.length() == 0 || key.charAt(key.length() - 1) != folded) {
        key.append(folded);
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
      case 'y' -> 'i';
      default -> c;
    };
  }
}
