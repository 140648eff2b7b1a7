package io.transfermonitor.streams.screen;

/**
 * Edits (a letter inserted, dropped, changed, or two neighbours swapped) that turn one word into
 * another: the optimal string alignment distance, with a cap so that hopeless pairs end early.
 */
final class EditDistance {

  private EditDistance() {}

  /** The distance of {@code a} and {@code b}, or {@code cap + 1} when it is above {@code cap}. */
  static int between(String a, String b, int cap) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > cap) {
      return cap + 1;
    }
    int[] before = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowBest = current[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
        rowBest = Math.min(rowBest, d);
      }
      if (rowBest > cap) {
        return cap + 1;
      }
      int[] recycled = before;
      before = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[m], cap + 1);
  }
}
