package io.transfermonitor.streams.screen;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text in Latin letters without accents, so names written in other scripts or with diacritics
 * compare with the list's: Hangul by the Revised Romanization of Korean (each syllable a word, as
 * Korean names are romanized syllable by syllable), Cyrillic by the usual BGN/PCGN letters (Ч
 * {@code ch}, Х {@code kh}, Ё {@code yo}), Greek letter by letter; accents dropped (Ŏ is O, é is e)
 * and a few letters spelled out (ß {@code ss}, Æ {@code ae}, Ø {@code o}). Chinese characters and
 * other scripts are kept as they are.
 */
final class Transliteration {

  private static final String[] INITIALS = {
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h"
  };
  private static final String[] MEDIALS = {
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i"
  };
  private static final String[] FINALS = {
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t"
  };
  private static final char HANGUL_FIRST = '\uAC00';
  private static final char HANGUL_LAST = '\uD7A3';

  private static final Map<Character, String> CYRILLIC =
      table(
          "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
          "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g");
  private static final Map<Character, String> GREEK =
      table("αβγδεζηθικλμνξοπρσςτυφχψω", "a b g d e z i th i k l m n x o p r s s t y f ch ps o");
  private static final Map<Character, String> LETTERS =
      table("ßæœøđłıþðħ", "ss ae oe o d l i th d h");

  /** The combining marks {@link #toLatin} removes, compiled once (it runs for every name). */
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Transliteration() {}

  /** {@code text} in lower-case Latin letters (other scripts kept), accents removed. */
  static String toLatin(String text) {
    String composed = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(composed.length() + 8);
    boolean afterSyllable = false;
    for (int i = 0; i < composed.length(); i++) {
      char c = composed.charAt(i);
      if (c >= HANGUL_FIRST && c <= HANGUL_LAST) {
        if (afterSyllable) {
          out.append(' ');
        }
        syllable(c, out);
        afterSyllable = true;
        continue;
      }
      afterSyllable = false;
      String cyrillic = CYRILLIC.get(c);
      out.append(cyrillic != null ? cyrillic : String.valueOf(c));
    }
    String unaccented =
        MARKS.matcher(Normalizer.normalize(out, Normalizer.Form.NFD)).replaceAll("");
    StringBuilder latin = new StringBuilder(unaccented.length());
    for (int i = 0; i < unaccented.length(); i++) {
      char c = unaccented.charAt(i);
      String mapped = GREEK.get(c);
      if (mapped == null) {
        mapped = LETTERS.get(c);
      }
      latin.append(mapped != null ? mapped : String.valueOf(c));
    }
    return latin.toString();
  }

  private static void syllable(char c, StringBuilder out) {
    int index = c - HANGUL_FIRST;
    out.append(INITIALS[index / 588])
        .append(MEDIALS[(index % 588) / 28])
        .append(FINALS[index % 28]);
  }

  /** Letters of {@code from}, each to the space-separated word of {@code to} at its place. */
  private static Map<Character, String> table(String from, String to) {
    String[] words = to.split(" ");
    if (words.length != from.length()) {
      throw new IllegalStateException(from.length() + " letters but " + words.length + " words");
    }
    Map<Character, String> map = new HashMap<>();
    for (int i = 0; i < from.length(); i++) {
      map.put(from.charAt(i), words[i].equals("-") ? "" : words[i]);
    }
    return Map.copyOf(map);
  }
}
