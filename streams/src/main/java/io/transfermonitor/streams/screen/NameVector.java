package io.transfermonitor.streams.screen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One form of a name ready to be compared many times: its words, their romanization keys and
 * sounds, which are numbers, their weights, and the keys of each run of two and three words joined
 * (to meet a word the other name writes as one: {@code jong sik} and {@code jongsik}).
 */
final class NameVector {

  final String[] words;
  final String[] keys;
  final boolean[] numbers;

  /** Each word's weight ({@link TokenWeights}): what the part alignment sums. */
  final double[] weights;

  /** Whether each word is a common one ({@link TokenWeights#common}: {@code muhammad}). */
  final boolean[] common;

  /** Each word's Double Metaphone codes, primary and alternate ({@link PhoneticKey}). */
  final String[][] sounds;

  final Set<String> keySet = new HashSet<>();
  private final String[] joinedTwo;
  private final String[] joinedThree;

  NameVector(List<String> words, TokenWeights weighting) {
    int n = words.size();
    this.words = words.toArray(new String[0]);
    this.keys = new String[n];
    this.numbers = new boolean[n];
    this.weights = new double[n];
    this.common = new boolean[n];
    this.sounds = new String[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = RomanizationKey.of(this.words[i]);
      keySet.add(keys[i]);
      numbers[i] = this.words[i].chars().allMatch(Character::isDigit);
      weights[i] = weighting.weight(this.words[i]);
      common[i] = weighting.common(this.words[i]);
      sounds[i] = PhoneticKey.of(this.words[i]);
    }
    joinedTwo = joinedKeys(2);
    joinedThree = joinedKeys(3);
  }

  int size() {
    return words.length;
  }

  /**
   * This form with each run of two or three words joined whose joined key is a word of {@code
   * other} while its first word is not; this same form when there is none (almost always).
   */
  NameVector joinedFor(NameVector other, TokenWeights weighting) {
    List<String> joined = null;
    for (int i = 0; i < words.length; i++) {
      int run = 1;
      if (!other.keySet.contains(keys[i])) {
        if (i < joinedThree.length && other.keySet.contains(joinedThree[i])) {
          run = 3;
        } else if (i < joinedTwo.length && other.keySet.contains(joinedTwo[i])) {
          run = 2;
        }
      }
      if (run > 1 && joined == null) {
        joined = new ArrayList<>(List.of(words).subList(0, i));
      }
      if (joined != null) {
        joined.add(String.join("", List.of(words).subList(i, i + run)));
      }
      i += run - 1;
    }
    return joined == null ? this : new NameVector(joined, weighting);
  }

  private String[] joinedKeys(int run) {
    int count = Math.max(0, words.length - run + 1);
    String[] joined = new String[count];
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      boolean initials = false;
      for (int k = i; k < i + run; k++) {
        text.append(words[k]);
        initials |= words[k].length() == 1;
      }
      // initials stand for words of their own (A.-A. Ahad), never for a piece of one
      joined[i] = initials ? "" : RomanizationKey.of(text.toString());
    }
    return joined;
  }
}
