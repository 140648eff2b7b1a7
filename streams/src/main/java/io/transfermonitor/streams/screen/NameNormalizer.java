package io.transfermonitor.streams.screen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * international]}; an acronym after a dash or slash ending an organization's name, when it is the
 * initials of the name before it, likewise ({@code HARAKAT UL-MUJAHIDIN / HUM}). A field that holds
 * several names separated by {@code ;} gives each as a form.
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
          "in",
          "de",
          "du",
          "des",
          "no",
          "number",
          "aktiengesellschaft",
          "kommanditgesellschaft",
          "kk",
          "oy",
          "ab",
          "kft",
          "zrt",
          "fze",
          "fzco",
          "fzc",
          "wll",
          "ltda",
          "sl",
          "slu",
          "sro",
          "as",
          "asa",
          "aps",
          "oyj",
          "ohg",
          "sia",
          "uab",
          "tov",
          "too",
          "ao",
          "tbk",
          "pt",
          "cv",
          "sau",
          "sal",
          "sae",
          "saog",
          "saoc",
          "bsc",
          "qsc",
          "kscc",
          "pllc",
          "lp",
          "cie",
          "snc",
          "eurl",
          "sasu",
          "ehf",
          "doo",
          "eood",
          "ood",
          "nyrt",
          "sti",
          "sirketi",
          "sharikat",
          "sherkat",
          "gongsi",
          "mv",
          "mt",
          "al",
          "el",
          // the izafat and article of Urdu, Persian and Arabic names between hyphens
          // (Jaish-i-Mohammed, Tehrik-e-Taliban, Jamaat-ul-Ahrar, Jamaat-ud-Dawa)
          "e",
          "i",
          "ul",
          "ud",
          "ur");

  /** Legal forms sometimes written with a space inside ({@code L TD}, {@code CO RP}). */
  private static final Set<String> SPLIT_FORMS =
      Set.of("ltd", "llc", "plc", "corp", "inc", "gmbh", "jsc", "pjsc", "ojsc", "cjsc");

  /**
   * Legal forms written out, in the languages of the lists, each dropped whole from an
   * organization's name as its abbreviation is ({@code OOO}, {@code GmbH}, {@code SA}, ...).
   */
  private static final List<List<String>> LEGAL_FORMS =
      Stream.of(
              "open joint stock company",
              "closed joint stock company",
              "public joint stock company",
              "joint stock company",
              "otkrytoe aktsionernoe obshchestvo",
              "zakrytoe aktsionernoe obshchestvo",
              "publichnoe aktsionernoe obshchestvo",
              "aktsionernoe obshchestvo",
              "obshchestvo s ogranichennoy otvetstvennostyu",
              "obshchestvo s ogranichennoi otvetstvennostiu",
              "obshchestvo s ogranichennoi otvetstvennostyu",
              "gesellschaft mit beschraenkter haftung",
              "gesellschaft mit beschrankter haftung",
              "societe anonyme",
              "sociedad anonima",
              "sociedade anonima",
              "societa per azioni",
              "societe a responsabilite limitee",
              "sociedad de responsabilidad limitada",
              "limited liability company",
              "limited liability partnership",
              "public limited company",
              "private limited company",
              "private limited",
              "sendirian berhad",
              "kabushiki kaisha",
              "naamloze vennootschap",
              "besloten vennootschap",
              "anonim sirketi",
              "limited sirketi",
              "sociedad limitada",
              "sociedade limitada",
              "sociedad anonima de capital variable",
              "societa a responsabilita limitata",
              "societe par actions simplifiee",
              "societe en nom collectif",
              "spolka z ograniczona odpowiedzialnoscia",
              "spolka akcyjna",
              "sp z oo",
              "spolecnost s rucenim omezenym",
              "akciova spolecnost",
              "aktieselskab",
              "anpartsselskab",
              "aktiebolag",
              "allmennaksjeselskap",
              "aksjeselskap",
              "osakeyhtio",
              "offene handelsgesellschaft",
              "tovarystvo z obmezhenoyu vidpovidalnistyu",
              "tovarishchestvo s ogranichennoy otvetstvennostyu",
              "perseroan terbatas",
              "gufen youxian gongsi",
              "youxian gongsi",
              "public company limited",
              "proprietary limited",
              "de cv",
              "a s",
              "s a")
          .map(form -> List.of(form.split(" ")))
          .toList();

  private static final List<String> SPELT_OUT_FORMS =
      List.of("company", "limited", "corporation", "incorporated");

  /** Titles and honorifics: how a person is addressed, not who the person is. */
  private static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "dr",
          "doctor",
          "prof",
          "professor",
          "sir",
          "general",
          "gen",
          "president",
          "shaikh",
          "sheikh",
          "shaykh",
          "sheik",
          "colonel",
          "col",
          "major",
          "maj",
          "captain",
          "capt",
          "lieutenant",
          "lt",
          "brigadier",
          "admiral",
          "marshal",
          "mullah",
          "mulla",
          "maulavi",
          "mawlawi",
          "maulvi",
          "maulana",
          "haji",
          "hajji",
          "hadji",
          "alhaji",
          "qari",
          "imam",
          "engineer",
          "eng",
          "excellency",
          "alhaj",
          "alhajj",
          "maulawi",
          "moulvi",
          "molvi",
          "mawlana",
          "ustad",
          "ustadh",
          "ayatollah",
          "hojatoleslam",
          "commander",
          "cdr",
          "sergeant",
          "sgt",
          "senator",
          "judge",
          "rev",
          "reverend",
          "madam",
          "madame",
          "mme",
          "monsieur",
          "herr",
          "frau",
          "senor",
          "senora",
          "gospodin");

  /** Particles of personal names, compared by the name they belong to ({@code al-Rashid}). */
  private static final Set<String> PARTICLES =
      Set.of(
          "al", "el", "bin", "ibn", "bint", "ben", "von", "van", "der", "den", "de", "da", "du",
          "la", "le", "dos", "das", "ul", "ag");

  /** Digits written for the letters they look like, in a word that has letters too. */
  private static final Map<Character, Character> LOOK_ALIKES =
      Map.of('0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's', '7', 't', '8', 'b');

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
          Map.entry("jv", List.of("joint", "venture")),
          Map.entry("1st", List.of("first")),
          Map.entry("2nd", List.of("second")),
          Map.entry("3rd", List.of("third")),
          Map.entry("4th", List.of("fourth")),
          Map.entry("5th", List.of("fifth")));

  private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʼʻ´]");
  private static final Pattern DOTTED_ACRONYM =
      Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{L}\\.){2,}(?:\\p{L}(?![\\p{L}\\p{N}]))?");
  private static final Pattern PARENTHESIZED = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern SEVERAL = Pattern.compile(";");

  /** One word after a dash or slash set off by spaces, ending the name: perhaps its acronym. */
  private static final Pattern TRAILING_ACRONYM =
      Pattern.compile("\\s[-/–—]\\s*([\\p{L}]{2,8})\\s*$");

  private static final Pattern GLUED_CAPITALS =
      Pattern.compile("(?<=\\p{Lu}\\p{Lu})(?=\\p{Lu}\\p{Ll}{2})");
  private static final Pattern BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern VESSEL_PREFIX =
      Pattern.compile("(?<![\\p{L}\\p{N}])[mM]/[vVtT](?![\\p{L}\\p{N}])");

  private NameNormalizer() {}

  /** Every form of {@code name}, the plain one first; none when it has no letters or digits. */
  static List<List<String>> forms(String name, boolean organization) {
    Set<List<String>> forms = new LinkedHashSet<>();
    // a field holding several names ("Mortaza Safari; Morteza Saferi") gives each as a form
    for (String one : SEVERAL.split(name)) {
      if (!one.isBlank()) {
        addForms(forms, one, organization);
      }
    }
    return List.copyOf(forms);
  }

  private static void addForms(Set<List<String>> forms, String name, boolean organization) {
    String text = prepare(name);
    Matcher groups = PARENTHESIZED.matcher(text);
    String without = groups.replaceAll(" ");
    add(forms, words(without, organization));
    int comma = without.indexOf(',');
    if (!organization && comma > 0 && comma == without.lastIndexOf(',')) {
      // FAMILY, Given is also Given FAMILY: the order a dropped part is judged in
      add(forms, words(without.substring(comma + 1) + " " + without.substring(0, comma), false));
    }
    Matcher trailing = TRAILING_ACRONYM.matcher(without);
    if (organization && trailing.find()) {
      // HARAKAT UL-MUJAHIDIN / HUM, Jaish-e-Mohammed - JeM: the acronym after a dash or slash is
      // a form of its own, as in parentheses, and so is the name before it
      String rest = without.substring(0, trailing.start());
      String acronym = trailing.group(1).toLowerCase(Locale.ROOT);
      if (acronymOf(acronym, rest)) {
        add(forms, words(rest, true));
        add(forms, List.of(acronym));
      }
    }
    groups.reset();
    while (groups.find()) {
      List<String> inside = words(groups.group(1), organization);
      if (inside.size() == 1 && organization) {
        add(forms, inside);
      } else {
        add(forms, words(text, organization));
      }
    }
  }

  /**
   * Whether {@code acronym} is the initials of {@code name}'s words, as written or without its
   * legal forms and function words ({@code hum}, {@code HARAKAT UL-MUJAHIDIN}).
   */
  private static boolean acronymOf(String acronym, String name) {
    StringBuilder all = new StringBuilder();
    for (String word : BREAK.split(prepare(name))) {
      if (!word.isEmpty()) {
        all.append(Character.toLowerCase(word.charAt(0)));
      }
    }
    StringBuilder kept = new StringBuilder();
    for (String word : words(name, true)) {
      kept.append(word.charAt(0));
    }
    return acronym.contentEquals(all) || acronym.contentEquals(kept);
  }

  /** The plain form of {@code name}: without what it puts in parentheses. */
  static List<String> words(String name, boolean organization) {
    List<String> raw = new ArrayList<>();
    for (String word : BREAK.split(prepare(name))) {
      if (!word.isEmpty()) {
        String read = lookAlikesRead(word);
        raw.addAll(ABBREVIATIONS.getOrDefault(read, List.of(read)));
      }
    }
    List<String> kept;
    if (organization) {
      kept = withoutLegalForms(raw).stream().filter(w -> !legalWord(w)).toList();
    } else {
      kept = raw.stream().filter(w -> !TITLES.contains(w) && !PARTICLES.contains(w)).toList();
    }
    // a name made only of such words ("The Company") is compared as written
    return kept.isEmpty() ? List.copyOf(raw) : kept;
  }

  /** {@code T1m0fey} is {@code timofey}; numbers, and words with other digits, stay as written. */
  private static String lookAlikesRead(String word) {
    boolean letters = false;
    boolean digits = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c)) {
        letters = true;
      } else if (LOOK_ALIKES.containsKey(c)) {
        digits = true;
      } else {
        return word;
      }
    }
    if (!letters || !digits) {
      return word;
    }
    StringBuilder read = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      read.append(c == '1' ? '1' : LOOK_ALIKES.getOrDefault(c, c));
    }
    // a 1 is an i between consonants (t1m0fey, sayy1d) or closing a short word (r1, al1), else
    // an l (cho1, a11ah, f4z1)
    for (int i = 0; i < read.length(); i++) {
      if (read.charAt(i) == '1') {
        boolean before = i == 0 || consonant(read.charAt(i - 1));
        boolean after = i + 1 < read.length() ? consonant(read.charAt(i + 1)) : read.length() <= 3;
        read.setCharAt(i, before && after ? 'i' : 'l');
      }
    }
    return read.toString();
  }

  private static boolean consonant(char c) {
    return Character.isLetter(c) && "aeiou".indexOf(c) < 0;
  }

  /** A legal form misspelt by a letter ({@code Comppany}, {@code Limted}) is still one. */
  private static boolean legalWord(String word) {
    if (ORGANIZATION_WORDS.contains(word)) {
      return true;
    }
    if (word.length() < 6) {
      return false;
    }
    for (String form : SPELT_OUT_FORMS) {
      if (EditDistance.between(word, form, 1) <= 1) {
        return true;
      }
    }
    return false;
  }

  private static List<String> withoutLegalForms(List<String> written) {
    List<String> words = new ArrayList<>(written.size());
    for (String word : written) {
      words.add(withoutGluedForm(word));
    }
    List<String> kept = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      if (i + 1 < words.size()
          && (SPLIT_FORMS.contains(words.get(i) + words.get(i + 1))
              || SPELT_OUT_FORMS.contains(words.get(i) + words.get(i + 1)))) {
        i++;
        continue;
      }
      int skip = 0;
      for (List<String> form : LEGAL_FORMS) {
        if (i + form.size() <= words.size() && words.subList(i, i + form.size()).equals(form)) {
          skip = form.size();
          break;
        }
      }
      if (skip > 0) {
        i += skip - 1;
      } else {
        kept.add(words.get(i));
      }
    }
    return kept;
  }

  /** {@code tradingcompany} is {@code trading}: a legal form written on to the word before it. */
  private static String withoutGluedForm(String word) {
    for (String form : SPELT_OUT_FORMS) {
      if (word.length() >= form.length() + 3 && word.endsWith(form)) {
        return word.substring(0, word.length() - form.length());
      }
    }
    return word;
  }

  private static String prepare(String name) {
    // a capitalized word written on to a word in capitals (IRAQAnd, FORBakeries) is two words
    String split = GLUED_CAPITALS.matcher(name).replaceAll(" ");
    String latin =
        APOSTROPHES
            .matcher(VESSEL_PREFIX.matcher(Transliteration.toLatin(split)).replaceAll(" "))
            .replaceAll("");
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
