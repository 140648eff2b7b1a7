package io.transfermonitor.streams.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  private final TokenWeights weights;

  NameSimilarity(TokenWeights weights) {
    this.weights = weights;
  }

  double score(List<String> query, List<String> listed) {
    if (query.isEmpty() || listed.isEmpty()) {
      return 0.0;
    }
    List<Word> q = joined(words(query), listed);
    List<Word> l = joined(words(listed), query);
    double[] wq = weightsOf(q);
    double[] wl = weightsOf(l);
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < q.size(); i++) {
      for (int j = 0; j < l.size(); j++) {
        double s = similarity(q.get(i), l.get(j));
        if (s >= WORD_THRESHOLD) {
          pairs.add(new Pair(i, j, s));
        }
      }
    }
    pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed());
    boolean[] usedQ = new boolean[q.size()];
    boolean[] usedL = new boolean[l.size()];
    double sum = 0;
    for (Pair p : pairs) {
      if (!usedQ[p.i] && !usedL[p.j]) {
        usedQ[p.i] = true;
        usedL[p.j] = true;
        sum += wq[p.i] * wl[p.j] * p.similarity;
      }
    }
    return Math.min(1.0, sum);
  }

  /** Similarity of two single words, as the score uses it. */
  static double wordSimilarity(String a, String b) {
    return similarity(new Word(a), new Word(b));
  }

  private static double similarity(Word a, Word b) {
    if (a.text.equals(b.text)) {
      return 1.0;
    }
    if (a.number || b.number) {
      return 0.0;
    }
    if (a.key.equals(b.key)) {
      return KEY_SIMILARITY;
    }
    if (Math.min(a.text.length(), b.text.length()) < MIN_FUZZY_LENGTH) {
      return 0.0;
    }
    return Math.max(
        JaroWinkler.similarity(a.text, b.text),
        KEY_SIMILARITY * JaroWinkler.similarity(a.key, b.key));
  }

  /** The words' weights, scaled to a unit vector. */
  private double[] weightsOf(List<Word> words) {
    double[] w = new double[words.size()];
    double norm = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = weights.weight(words.get(i).text);
      norm += w[i] * w[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < w.length; i++) {
      w[i] /= norm;
    }
    return w;
  }

  /** {@code words} with runs of two or three that make one word of {@code other} joined. */
  private static List<Word> joined(List<Word> words, List<String> other) {
    if (words.size() < 2) {
      return words;
    }
    Set<String> keys = new HashSet<>();
    for (String word : other) {
      keys.add(RomanizationKey.of(word));
    }
    List<Word> out = new ArrayList<>(words.size());
    int i = 0;
    while (i < words.size()) {
      int run = 1;
      for (int n = Math.min(3, words.size() - i); n >= 2; n--) {
        if (!keys.contains(words.get(i).key) && keys.contains(joinedKey(words, i, n))) {
          run = n;
          break;
        }
      }
      StringBuilder text = new StringBuilder();
      for (int k = i; k < i + run; k++) {
        text.append(words.get(k).text);
      }
      out.add(new Word(text.toString()));
      i += run;
    }
    return out;
  }

  private static String joinedKey(List<Word> words, int from, int n) {
    StringBuilder text = new StringBuilder();
    for (int k = from; k < from + n; k++) {
      text.append(words.get(k).text);
    }
    return RomanizationKey.of(text.toString());
  }

  private static List<Word> words(List<String> texts) {
    List<Word> words = new ArrayList<>(texts.size());
    for (String text : texts) {
      words.add(new Word(text));
    }
    return words;
  }

  /** One word with what its comparisons need, worked out once. */
  private static final class Word {
    final String text;
    final String key;
    final boolean number;

    Word(String text) {
      this.text = text;
      this.key = RomanizationKey.of(text);
      this.number = text.chars().allMatch(Character::isDigit);
    }
  }

  private record Pair(int i, int j, double similarity) {}
}
