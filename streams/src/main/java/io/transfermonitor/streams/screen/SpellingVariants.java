package io.transfermonitor.streams.screen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spellings of one given or family name that transliteration from Arabic, Persian, Russian and
 * Chinese gives and that neither edit distance nor the romanization key brings together ({@code xi}
 * and {@code shi}, {@code mohammed} and {@code muhammad}, {@code yusuf} and {@code yousef}). Each
 * group is one name; a word's canonical form is the group's first spelling.
 */
final class SpellingVariants {

  private static final List<List<String>> GROUPS =
      List.of(
          List.of("muhammad", "mohammed", "mohammad", "mohamed", "muhammed", "mohamad", "mohd"),
          List.of("ahmad", "ahmed"),
          List.of("yusuf", "yousef", "youssef", "yousuf", "yusef", "yousif"),
          List.of("husayn", "hussein", "husain", "hussain", "husein", "hossein"),
          List.of("umar", "omar"),
          List.of("usama", "osama"),
          List.of("khalid", "khaled"),
          List.of("abdallah", "abdullah", "abdulla"),
          List.of("hasan", "hassan"),
          List.of("ibrahim", "ebrahim", "ibraheem"),
          List.of("mahmud", "mahmoud", "mahmood"),
          List.of("mustafa", "mostafa", "moustafa"),
          List.of("said", "saeed", "saeid", "saied"),
          List.of("jamal", "gamal"),
          List.of("abdul", "abd", "abdel", "abdal"),
          List.of("yuri", "yury", "yuriy", "iouri"),
          List.of(
              "aleksandr",
              "alexander",
              "alexandr",
              "aleksander",
              "aliaksandr",
              "alyaksandr",
              "oleksandr",
              "aleksandar"),
          List.of("aleksei", "alexei", "alexey", "aleksey", "alexej", "oleksiy"),
          List.of("dmitri", "dmitry", "dmitriy"),
          List.of("sergei", "sergey", "sergiy"),
          List.of("andrei", "andrey"),
          List.of("xi", "shi", "hsi"),
          List.of("zhou", "chou"),
          List.of("zhang", "chang"),
          List.of("xu", "hsu"),
          List.of("jiang", "chiang"),
          List.of("qian", "chien"),
          List.of("xiao", "hsiao"),
          List.of("li", "lee", "ri", "rhee", "yi"));

  private static final Map<String, String> CANONICAL = new HashMap<>();

  static {
    for (List<String> group : GROUPS) {
      group.forEach(spelling -> CANONICAL.put(spelling, group.get(0)));
    }
  }

  private SpellingVariants() {}

  /** The group's first spelling for a word of a group, else null. */
  static String canonical(String word) {
    return CANONICAL.get(word);
  }

  /** Whether two different words are spellings of one name. */
  static boolean same(String a, String b) {
    String ca = CANONICAL.get(a);
    return ca != null && ca.equals(CANONICAL.get(b));
  }
}
