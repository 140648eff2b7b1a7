package io.transfermonitor.streams.screen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Similarity of two names already split into words ({@link NameNormalizer}), in 0..1: the soft
 * TF-IDF measure of Cohen, Ravikumar and Fienberg (2003) with Jaro-Winkler as the word measure.
 * Each name is a vector of its words weighted by {@link TokenWeights}; words of the two names pair
 * up one to one, best pairs first, when their similarity reaches {@value #WORD_THRESHOLD}; the
 * score is the cosine of the vectors with each pair counted at its similarity. Word order does not
 * matter ({@code Won Ho Ri} is {@code RI WON HO}); a rare word missing on either side costs much, a
 * common one little.
 *
 * <p>Word similarity: 1 for equal words; {@value #KEY_SIMILARITY} for words that differ only in
 * romanization ({@link RomanizationKey}: {@code chol}/{@code cheol}, {@code pak}/{@code bak});
 * otherwise Jaro-Winkler of the words (or, a little lower, of their keys), for words of four
 * letters and more only, and never between numbers: {@code 39} is not {@code 93}, {@code ri} is not
 * {@code ro}. A word split in two on one side ({@code Jongsik}, {@code Jong Sik}; {@code Hongkong},
 * {@code Hong Kong}) is joined before comparing.
 */
final class NameSimilarity {

  static final double WORD_THRESHOLD = 0.9;
  static final double KEY_SIMILARITY = 0.95;
  private static final int MIN_FUZZY_LENGTH = 4;

  /** Fuzzy word pairs whose similarity is kept: names of one list share few distinct words. */
  private static final int CACHED_PAIRS = 1 << 16;

  private final TokenWeights weights;
  private final Map<String, Double> pairs =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
          return size() > CACHED_PAIRS;
        }
      };

  NameSimilarity(TokenWeights weights) {
    this.weights = weights;
  }

  /** The vector of one form, weighted as this similarity weighs words. */
  NameVector vector(List<String> words) {
    return new NameVector(words, weights);
  }

  double score(List<String> query, List<String> listed) {
    if (query.isEmpty() || listed.isEmpty()) {
      return 0.0;
    }
    return score(vector(query), vector(listed));
  }

  double score(NameVector query, NameVector listed) {
    if (query.size() == 0 || listed.size() == 0) {
      return 0.0;
    }
    NameVector q = query.joinedFor(listed, weights);
    NameVector l = listed.joinedFor(query, weights);
    int n = q.size();
    int m = l.size();
    double[] similarity = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        similarity[i * m + j] = cachedWord(q, i, l, j);
      }
    }
    // greedy one-to-one pairing, best pairs first; names have a handful of words
    boolean[] usedQ = new boolean[n];
    boolean[] usedL = new boolean[m];
    double sum = 0;
    while (true) {
      int best = -1;
      for (int k = 0; k < similarity.length; k++) {
        if (similarity[k] >= WORD_THRESHOLD
            && !usedQ[k / m]
            && !usedL[k % m]
            && (best < 0 || similarity[k] > similarity[best])) {
          best = k;
        }
      }
      if (best < 0) {
        break;
      }
      int i = best / m;
      int j = best % m;
      usedQ[i] = true;
      usedL[j] = true;
      sum += q.weights[i] * l.weights[j] * similarity[best];
    }
    return Math.min(1.0, sum);
  }

  /** Similarity of two single words, as the score uses it. */
  static double wordSimilarity(String a, String b) {
    TokenWeights uniform = TokenWeights.of(List.of());
    return word(new NameVector(List.of(a), uniform), 0, new NameVector(List.of(b), uniform), 0);
  }

  /**
   * {@link #word} with the fuzzy comparisons, the costly ones, kept per pair of words. Not
   * thread-safe, like the {@link ScreeningList} that holds it.
   */
  private double cachedWord(NameVector a, int i, NameVector b, int j) {
    String x = a.words[i];
    String y = b.words[j];
    if (x.equals(y) || a.numbers[i] || b.numbers[j] || a.keys[i].equals(b.keys[j])) {
      return word(a, i, b, j);
    }
    String pair = x + '\u0000' + y;
    Double known = pairs.get(pair);
    if (known == null) {
      known = word(a, i, b, j);
      pairs.put(pair, known);
    }
    return known;
  }

  private static double word(NameVector a, int i, NameVector b, int j) {
    String x = a.words[i];
    String y = b.words[j];
    if (x.equals(y)) {
      return 1.0;
    }
    if (a.numbers[i] || b.numbers[j]) {
      return 0.0;
    }
    if (a.keys[i].equals(b.keys[j])) {
      return KEY_SIMILARITY;
    }
    if (Math.min(x.length(), y.length()) < MIN_FUZZY_LENGTH
        || !JaroWinkler.canReach(x, y, WORD_THRESHOLD)) {
      return 0.0;
    }
    return Math.max(
        JaroWinkler.similarity(x, y),
        KEY_SIMILARITY * JaroWinkler.similarity(a.keys[i], b.keys[j]));
  }
}
