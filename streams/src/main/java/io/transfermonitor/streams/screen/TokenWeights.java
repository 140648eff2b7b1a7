package io.transfermonitor.streams.screen;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * How much a word says about who is meant: its inverse document frequency over every listed name
 * form, {@code 1 + ln((N + 1) / (df + 1))}. {@code korea}, {@code trading} and {@code bank}, in
 * many listed names, weigh little; {@code kwangson} or {@code iraq}, in one or none, weigh most, so
 * a name that shares only common words with a listed one scores low.
 */
final class TokenWeights {

  private final Map<String, Integer> frequency;
  private final int documents;

  private TokenWeights(Map<String, Integer> frequency, int documents) {
    this.frequency = frequency;
    this.documents = documents;
  }

  /** Weights learned from {@code forms}, each one list of words. */
  static TokenWeights of(Collection<List<String>> forms) {
    Map<String, Integer> frequency = new HashMap<>();
    for (List<String> form : forms) {
      for (String word : new HashSet<>(form)) {
        frequency.merge(word, 1, Integer::sum);
      }
    }
    return new TokenWeights(Map.copyOf(frequency), forms.size());
  }

  double weight(String word) {
    int df = frequency.getOrDefault(word, 0);
    return 1.0 + Math.log((documents + 1.0) / (df + 1.0));
  }

  /**
   * Whether {@code word} is in more than one in {@value #COMMON_SHARE} of the name forms, and in
   * {@value #COMMON_FORMS} at least: a name many people bear ({@code abdul}, {@code muhammad},
   * {@code ahmad} on the UN list), which says little about which one is meant. A small list has no
   * common words.
   */
  boolean common(String word) {
    int df = frequency.getOrDefault(word, 0);
    return df >= COMMON_FORMS && (long) df * COMMON_SHARE > documents;
  }

  static final int COMMON_SHARE = 100;
  static final int COMMON_FORMS = 20;

  /** How many name forms the weights were learned from. */
  int documents() {
    return documents;
  }
}
