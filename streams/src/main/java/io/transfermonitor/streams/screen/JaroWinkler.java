package io.transfermonitor.streams.screen;

/**
 * Jaro-Winkler similarity of two strings, in 0..1 (1 = equal): the Jaro similarity (characters in
 * common within a window of half the longer length, and their transpositions) raised for a common
 * prefix of up to four characters by 0.1 per character, as Winkler proposed for names. Computed on
 * UTF-16 units, which is exact for the Latin text names are normalized to.
 */
final class JaroWinkler {

  private static final double PREFIX_SCALE = 0.1;
  private static final int MAX_PREFIX = 4;

  private JaroWinkler() {}

  static double similarity(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 0.0;
    }
    return winkler(a, b);
  }

  /**
   * Whether the similarity of {@code a} and {@code b} can reach {@code threshold}: it cannot when
   * the shorter is too short for it, since Jaro is at most (2 + shorter / longer) / 3 and the
   * prefix adds at most 0.4 of what is left. Saves computing most hopeless pairs.
   */
  static boolean canReach(String a, String b, double threshold) {
    double ratio =
        (double) Math.min(a.length(), b.length()) / Math.max(1, Math.max(a.length(), b.length()));
    double bestJaro = (2.0 + ratio) / 3.0;
    return bestJaro + MAX_PREFIX * PREFIX_SCALE * (1.0 - bestJaro) >= threshold;
  }

  private static double winkler(String a, String b) {
    double jaro = jaro(a, b);
    int prefix = 0;
    int limit = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
    while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * PREFIX_SCALE * (1.0 - jaro);
  }

  private static double jaro(String a, String b) {
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] matchedA = new boolean[a.length()];
    boolean[] matchedB = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(b.length() - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
          matchedA[i] = true;
          matchedB[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int transposed = 0;
    int j = 0;
    for (int i = 0; i < a.length(); i++) {
      if (!matchedA[i]) {
        continue;
      }
      while (!matchedB[j]) {
        j++;
      }
      if (a.charAt(i) != b.charAt(j)) {
        transposed++;
      }
      j++;
    }
    double m = matches;
    return (m / a.length() + m / b.length() + (m - transposed / 2.0) / m) / 3.0;
  }
}
