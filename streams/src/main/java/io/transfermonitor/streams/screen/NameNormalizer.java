package io.transfermonitor.streams.screen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a name as written into the words it is compared by: Latin letters without accents ({@link
 * Transliteration}), lower case, apostrophes dropped ({@code Ch'o'l} is {@code chol}), every other
 * punctuation mark a word break ({@code Pro-Gain}, {@code Won-ho}), dotted acronyms closed up
 * ({@code F.T.B.} is {@code ftb}). Organizations also lose their legal form and function words
 * ({@code Corporation}, {@code Co.}, {@code Ltd}, {@code LLC}, {@code JSC}, {@code of}, {@code
 * the}, ...) and have common abbreviations spelt out ({@code Shpg} is {@code shipping}); persons
 * lose titles ({@code Mr}, {@code Dr}).
 *
 * <p>A name with a parenthesized part has several forms: {@code FOREIGN TRADE BANK (FTB)} is {@code
 * [foreign, trade, bank]} and, the part being one word, the acronym {@code [ftb]}; {@code LEADER
 * (HONG KONG) INTERNATIONAL} is {@code [leader, international]} and {@code [leader, hong, kong,
 * international]}.
 */
final class NameNormalizer {

  private static final Set<String> ORGANIZATION_WORDS =
      Set.of(
          "co",
          "corp",
          "corporation",
          "cooperation",
          "company",
          "companies",
          "inc",
          "incorporated",
          "ltd",
          "limited",
          "llc",
          "llp",
          "plc",
          "jsc",
          "ojsc",
          "cjsc",
          "pjsc",
          "zao",
          "oao",
          "ooo",
          "pao",
          "gmbh",
          "ag",
          "kg",
          "sa",
          "sas",
          "sarl",
          "spa",
          "srl",
          "bv",
          "nv",
          "pte",
          "pvt",
          "pty",
          "bhd",
          "sdn",
          "the",
          "of",
          "and",
          "for",
          "de",
          "du",
          "des",
          "no",
          "number");
  private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir");
  private static final Map<String, List<String>> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("shpg", List.of("shipping")),
          Map.entry("intl", List.of("international")),
          Map.entry("natl", List.of("national")),
          Map.entry("dept", List.of("department")),
          Map.entry("mfg", List.of("manufacturing")),
          Map.entry("dev", List.of("development")),
          Map.entry("tech", List.of("technology")),
          Map.entry("mgmt", List.of("management")),
          Map.entry("svcs", List.of("services")),
          Map.entry("assoc", List.of("associated")),
          Map.entry("grp", List.of("group")),
          Map.entry("trdg", List.of("trading")),
          Map.entry("hldgs", List.of("holdings")),
          Map.entry("jv", List.of("joint", "venture")));

  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼʻ´]");
  private static final Pattern DOTTED_ACRONYM =
      Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{L}\\.){2,}(?:\\p{L}(?![\\p{L}\\p{N}]))?");
  private static final Pattern PARENTHESIZED = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

  private NameNormalizer() {}

  /** Every form of {@code name}, the plain one first; none when it has no letters or digits. */
  static List<List<String>> forms(String name, boolean organization) {
    String text = prepare(name);
    Set<List<String>> forms = new LinkedHashSet<>();
    Matcher groups = PARENTHESIZED.matcher(text);
    String without = groups.replaceAll(" ");
    add(forms, words(without, organization));
    groups.reset();
    while (groups.find()) {
      List<String> inside = words(groups.group(1), organization);
      if (inside.size() == 1 && organization) {
        add(forms, inside);
      } else {
        add(forms, words(text, organization));
      }
    }
    return List.copyOf(forms);
  }

  /** The plain form of {@code name}: without what it puts in parentheses. */
  static List<String> words(String name, boolean organization) {
    List<String> raw = new ArrayList<>();
    for (String word : BREAK.split(prepare(name))) {
      if (!word.isEmpty()) {
        raw.addAll(ABBREVIATIONS.getOrDefault(word, List.of(word)));
      }
    }
    Set<String> drop = organization ? ORGANIZATION_WORDS : TITLES;
    List<String> kept = raw.stream().filter(w -> !drop.contains(w)).toList();
    // a name made only of such words ("The Company") is compared as written
    return kept.isEmpty() ? List.copyOf(raw) : kept;
  }

  private static String prepare(String name) {
    String latin = APOSTROPHES.matcher(Transliteration.toLatin(name)).replaceAll("");
    Matcher dotted = DOTTED_ACRONYM.matcher(latin);
    return dotted.replaceAll(m -> m.group().replace(".", ""));
  }

  private static void add(Set<List<String>> forms, List<String> form) {
    if (!form.isEmpty()) {
      forms.add(form);
    }
  }

  /**
   * For tests and the screen command: the forms as text, e.g. {@code [foreign trade bank, ftb]}.
   */
  static List<String> describe(String name, boolean organization) {
    return forms(name, organization).stream().map(f -> String.join(" ", f)).toList();
  }
}
