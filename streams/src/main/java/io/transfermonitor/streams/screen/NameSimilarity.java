package io.transfermonitor.streams.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Similarity of two names already split into parts ({@link NameNormalizer}), in 0..1, by aligning
 * their parts one to one. Each pair of parts has a similarity ({@link #part}): 1 when equal, less
 * for the same name written another way (romanization, a known transliteration variant, the same
 * sound, a letter or two off, an initial for the name, an acronym for a run of words). Pairs are
 * taken best first when they reach {@value #PART_THRESHOLD}; initials and acronyms then take what
 * is left.
 *
 * <p>Each part weighs what it says about who is meant ({@link TokenWeights}: {@code korea} and
 * {@code bank} little, {@code kwangson} much). The score is the weight of the aligned parts, each
 * counted at its similarity, over that weight plus a share of the weight of the parts left over: a
 * part only one name has (a dropped middle name, an extra {@code Korea}) costs {@value
 * #ONE_SIDED_PERSON} of its weight in a person's name ({@value #ONE_SIDED_INNER} when all such
 * parts are inside the other name, its first and last parts aligned) and {@value
 * #ONE_SIDED_ORGANIZATION} in an organization's (an organization type such as {@code Group} or
 * {@code Office} less, {@link OrganizationTypes}, and so a country only one name has: {@code Korea
 * Taesong Bank}, and what the organization does, {@code oil}, {@code shipping}, {@code bank}, once
 * a word of its own has matched, before or after the aligned words and not inside them: {@code
 * Rosneft Oil Company}, not {@code Ocean Maritime Management}). Parts left over contradict the
 * alignment, and cost {@value #CONFLICT} of their weight, when both names have some ({@code Kim
 * Chol Nam}, {@code KIM CHOL SAM}), when fewer than two parts align (unless an organization's own
 * word aligns, not only spelt alike, and all the other name has over only describes it: {@code
 * Sberbank}, {@code Sberbank of Russia}; {@code Rosneft}, {@code Rosneft Oil Company}), when one is
 * a number ({@code KUM UN SAN 3}), in an organization's name when a part aligned only by its
 * spelling ({@code Daedong Credit Bank}, {@code DAESONG CREDIT DEVELOPMENT BANK}) unless that part
 * is the organization's own word and what is left over on both sides only describes it ({@code
 * Hunjin Trading}, {@code KOREA HEUNGJIN TRADING COMPANY}), or when they outweigh what aligned
 * ({@value #CARRIED_PERSON} of it for a person, {@value #CARRIED_ORGANIZATION} for an organization:
 * {@code Ministry of Industry} is not {@code MINISTRY OF ATOMIC ENERGY INDUSTRY}; but not when they
 * only describe it, as above); a person's name whose parts all align, in their order, with parts of
 * a longer listed one ({@code Abdul Ghani Baradar}, {@code ABDUL GHANI BARADAR ABDUL AHMAD TURK})
 * carries up to {@value #CARRIED_IN_ORDER} of it, since the list's own aliases are written so, as
 * does a name with a middle part of its own ({@code Ali Hosseini Khamenei}); but a Korean name's
 * last syllable left over ({@code Kim Jong}, {@code KIM JONG SIK}) contradicts, half a given name
 * being another person's; so do parts left over when every aligned part of a person's name is a
 * common name ({@link TokenWeights#common}: {@code Abdul Rehman}, {@code ABDUL RAHMAN ZAMANI}). An
 * acronym aligned with nothing else, when its name gives the expansion too ({@code ISLAMIC
 * INTERNATIONAL BRIGADE (IIB)}, {@code ILSIM INTERNATIONAL BANK}), scores {@value #ACRONYM_ALONE}
 * of what it would. A person's parts may come in any order; an organization's aligned parts in
 * another order ({@code Bank for Foreign Trade}, {@code FOREIGN TRADE BANK}) multiply the score by
 * {@value #ORDER_FACTOR}. Numbers match only themselves.
 */
final class NameSimilarity {

  static final double PART_THRESHOLD = 0.9;

  /** Two words equal after the romanization fold ({@link RomanizationKey}). */
  static final double KEY_SIMILARITY = 0.95;

  static final double VARIANT_SIMILARITY = 0.95;
  static final double SOUND_SIMILARITY = 0.92;
  static final double PARTICLE_SIMILARITY = 0.95;
  static final double FORM_SIMILARITY = 0.95;
  static final double ASPIRATION_SIMILARITY = 0.92;
  static final double INITIAL_SIMILARITY = 0.88;
  static final double ACRONYM_SIMILARITY = 0.9;
  static final double ONE_SIDED_PERSON = 0.05;
  static final double ONE_SIDED_INNER = 0.02;
  static final double ONE_SIDED_ORGANIZATION = 0.25;
  static final double CONFLICT = 0.5;
  static final double TYPE_SHARE = 0.3;
  static final double CARRIED_PERSON = 0.6;
  static final double CARRIED_IN_ORDER = 1.5;
  static final double CARRIED_ORGANIZATION = 0.4;
  static final double ORDER_FACTOR = 0.85;
  static final double ACRONYM_ALONE = 0.85;

  /** A Korean syllable as romanized (Revised or McCune-Reischauer, accents dropped). */
  private static final Pattern KOREAN_SYLLABLE =
      Pattern.compile(
          "(kk|tt|pp|ss|jj|ch|ts|[gkndtrlmbpsjh])?[wy]?(ae|eo|eu|oe|ui|[aeiou])(ng|[knlmpt])?");

  private static final int MIN_FUZZY_LENGTH = 4;
  static final int LONG_WORD = 10;

  /** Fuzzy word pairs whose similarity is kept: names of one list share few distinct words. */
  private static final int CACHED_PAIRS = 1 << 16;

  private final TokenWeights weights;
  private final Map<String, PartMatch> pairs =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PartMatch> eldest) {
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

  /** The score of two names as persons: order does not matter. */
  double score(List<String> query, List<String> listed) {
    return score(query, listed, false);
  }

  double score(List<String> query, List<String> listed, boolean organization) {
    if (query.isEmpty() || listed.isEmpty()) {
      return 0.0;
    }
    return align(vector(query), vector(listed), organization).score();
  }

  /** How the parts of {@code query} align with those of {@code listed}, and the score. */
  Alignment align(NameVector query, NameVector listed, boolean organization) {
    NameVector q = query.joinedFor(listed, weights);
    NameVector l = listed.joinedFor(query, weights);
    int n = q.size();
    int m = l.size();
    PartMatch[] similarity = new PartMatch[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        similarity[i * m + j] = cachedPart(q, i, l, j);
      }
    }
    Alignment alignment = new Alignment(q, l, organization);
    // greedy one-to-one pairing, best pairs first; names have a handful of parts
    while (true) {
      int best = -1;
      for (int k = 0; k < similarity.length; k++) {
        if (similarity[k].similarity() >= PART_THRESHOLD
            && alignment.free(k / m, k % m)
            && (best < 0 || similarity[k].similarity() > similarity[best].similarity())) {
          best = k;
        }
      }
      if (best < 0) {
        break;
      }
      alignment.pair(best / m, best % m, similarity[best]);
    }
    if (!organization) {
      alignment.pairInitials();
    } else {
      alignment.pairAcronyms();
    }
    return alignment;
  }

  /** Similarity of two single words, as the score uses it. */
  static double wordSimilarity(String a, String b) {
    TokenWeights uniform = TokenWeights.of(List.of());
    return part(new NameVector(List.of(a), uniform), 0, new NameVector(List.of(b), uniform), 0)
        .similarity();
  }

  /**
   * {@link #part} with the fuzzy comparisons, the costly ones, kept per pair of words. Not
   * thread-safe, like the {@link ScreeningList} that holds it.
   */
  private PartMatch cachedPart(NameVector a, int i, NameVector b, int j) {
    String x = a.words[i];
    String y = b.words[j];
    if (x.equals(y) || a.numbers[i] || b.numbers[j] || a.keys[i].equals(b.keys[j])) {
      return part(a, i, b, j);
    }
    String pair = x + '\u0000' + y;
    PartMatch known = pairs.get(pair);
    if (known == null) {
      known = part(a, i, b, j);
      pairs.put(pair, known);
    }
    return known;
  }

  /**
   * How alike two parts are: equal 1; equal after the romanization fold {@value #KEY_SIMILARITY};
   * spellings of one name ({@link SpellingVariants}) {@value #VARIANT_SIMILARITY}; one with an
   * Arabic article or {@code bin} glued on ({@code alrashid}, {@code rashid}) {@value
   * #PARTICLE_SIMILARITY}; two forms of one word ({@link WordForms}: {@code finance}, {@code
   * financial}) {@value #FORM_SIMILARITY}; an {@code h} written or not after a consonant ({@code
   * cui}, {@code chui}), short parts too, {@value #ASPIRATION_SIMILARITY}; otherwise, for parts of
   * four letters and more, the best of Jaro-Winkler, the edit distance scaled to the length (one
   * edit in five to nine letters, two in longer words) and, for close words that sound alike,
   * {@value #SOUND_SIMILARITY}. Never between numbers.
   */
  static PartMatch part(NameVector a, int i, NameVector b, int j) {
    String x = a.words[i];
    String y = b.words[j];
    if (x.equals(y)) {
      return PartMatch.EQUAL;
    }
    if (a.numbers[i] || b.numbers[j]) {
      return PartMatch.NONE;
    }
    if (a.keys[i].equals(b.keys[j])) {
      return new PartMatch(KEY_SIMILARITY, "romanization");
    }
    if (SpellingVariants.same(x, y)) {
      return new PartMatch(VARIANT_SIMILARITY, "spelling variant");
    }
    if (glued(x, y) || glued(y, x)) {
      return new PartMatch(PARTICLE_SIMILARITY, "article");
    }
    if (WordForms.same(x, y)) {
      return new PartMatch(FORM_SIMILARITY, "word form");
    }
    // an h after a consonant written or not (chui, cui; thamer, tamer), short words too
    boolean aspiration =
        Math.abs(x.length() - y.length()) == 1
            && Math.min(x.length(), y.length()) >= 3
            && x.charAt(0) == y.charAt(0)
            && (x.indexOf('h') > 0 || y.indexOf('h') > 0)
            && RomanizationKey.of(withoutAspiration(x))
                .equals(RomanizationKey.of(withoutAspiration(y)));
    double best = aspiration ? ASPIRATION_SIMILARITY : 0;
    String how = aspiration ? "h dropped" : "";
    if (Math.min(x.length(), y.length()) < MIN_FUZZY_LENGTH) {
      return best == 0 ? PartMatch.NONE : new PartMatch(best, how);
    }
    int longer = Math.max(x.length(), y.length());
    int allowed = longer >= LONG_WORD ? 2 : 1;
    // Jaro-Winkler is generous to a long common beginning (abdelkader, abdelmalek): a close
    // spelling must also be only a few edits away
    int edits = EditDistance.between(x, y, allowed + 1);
    if (edits <= allowed + 1) {
      double jw =
          Math.max(
              JaroWinkler.similarity(x, y),
              KEY_SIMILARITY * JaroWinkler.similarity(a.keys[i], b.keys[j]));
      if (jw >= PART_THRESHOLD && jw > best) {
        best = jw;
        how = "close spelling";
      }
      if (jw >= 0.8 && best < SOUND_SIMILARITY && PhoneticKey.alike(a.sounds[i], b.sounds[j])) {
        best = SOUND_SIMILARITY;
        how = "sounds alike";
      }
    }
    // four-letter syllables one letter apart are usually other names (song, sang; chol, chul)
    if (longer >= 5 && edits <= allowed) {
      double scaled = 1.0 - (double) edits / longer;
      // one edit in a five-letter word is still the same name written a little off
      double edit = Math.max(PART_THRESHOLD, scaled);
      if (edit > best) {
        best = edit;
        how = edits == 1 ? "one letter off" : edits + " letters off";
      }
    }
    return best == 0 ? PartMatch.NONE : new PartMatch(best, how);
  }

  /**
   * The word without an {@code h} written after a consonant, as transliterations write it or not
   * ({@code chui}, {@code cui}; {@code thamer}, {@code tamer}).
   */
  static String withoutAspiration(String word) {
    StringBuilder kept = new StringBuilder(word.length());
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      if (c == 'h' && k > 0 && "aeiouyh".indexOf(word.charAt(k - 1)) < 0) {
        continue;
      }
      kept.append(c);
    }
    return kept.toString();
  }

  /** Whether {@code longer} is {@code shorter} with {@code al} or {@code el} in front. */
  private static boolean glued(String longer, String shorter) {
    if (shorter.length() < 3 || !longer.endsWith(shorter)) {
      return false;
    }
    String particle = longer.substring(0, longer.length() - shorter.length());
    return GLUED.contains(particle);
  }

  private static final Set<String> GLUED = Set.of("al", "el", "bin", "ben", "ibn");

  /**
   * Initials of the legal forms and function words an organization's name loses ({@link
   * NameNormalizer}) that its acronym may keep: company, corporation, limited, incorporated, of,
   * for, and, the, in, de.
   */
  static final String FORM_LETTERS = "clioftad";

  /** How two parts matched: similarity in 0..1 and in words. */
  record PartMatch(double similarity, String how) {
    static final PartMatch EQUAL = new PartMatch(1.0, "equal");
    static final PartMatch NONE = new PartMatch(0.0, "");
  }

  /** The parts of two names paired one to one, and what that scores. */
  static final class Alignment {
    private final NameVector q;
    private final NameVector l;
    private final boolean organization;
    private final int[] partnerOfQ;
    private final int[] partnerOfL;
    private final List<String> steps = new ArrayList<>();
    private final List<int[]> order = new ArrayList<>();
    private double matched;
    private double mass;
    private double score = -1;
    private boolean misspelt;
    private boolean distinctive;
    private boolean own;
    private boolean misspeltDescription;
    private int words;
    private boolean expansionKnown;
    private boolean rare;

    Alignment(NameVector q, NameVector l, boolean organization) {
      this.q = q;
      this.l = l;
      this.organization = organization;
      this.partnerOfQ = new int[q.size()];
      this.partnerOfL = new int[l.size()];
      Arrays.fill(partnerOfQ, -1);
      Arrays.fill(partnerOfL, -1);
    }

    /**
     * Says that one of the two names also has another form, as a name gives an acronym and its
     * expansion: an acronym alone then counts for less. Before {@link #score}.
     */
    Alignment expansionKnown(boolean known) {
      this.expansionKnown = known;
      return this;
    }

    boolean free(int i, int j) {
      return partnerOfQ[i] < 0 && partnerOfL[j] < 0;
    }

    void pair(int i, int j, PartMatch match) {
      partnerOfQ[i] = j;
      partnerOfL[j] = i;
      double weight = (q.weights[i] + l.weights[j]) / 2;
      misspelt |= match.similarity() < KEY_SIMILARITY;
      distinctive |=
          match.similarity() >= KEY_SIMILARITY
              && !q.numbers[i]
              && OrganizationTypes.distinctive(q.words[i])
              && OrganizationTypes.distinctive(l.words[j]);
      boolean ownWords =
          !q.numbers[i]
              && OrganizationTypes.distinctive(q.words[i])
              && OrganizationTypes.distinctive(l.words[j]);
      own |= ownWords;
      rare |= !q.common[i] && !l.common[j];
      misspeltDescription |= match.similarity() < KEY_SIMILARITY && !ownWords;
      words++;
      matched += weight * match.similarity();
      mass += weight;
      order.add(new int[] {i, j});
      steps.add(
          q.words[i].equals(l.words[j])
              ? q.words[i]
              : q.words[i] + "~" + l.words[j] + " (" + match.how() + ")");
    }

    /** A single letter left over pairs with a part left over that begins with it. */
    void pairInitials() {
      pairInitials(q, partnerOfQ, l, partnerOfL, true);
      pairInitials(l, partnerOfL, q, partnerOfQ, false);
    }

    private void pairInitials(
        NameVector a, int[] partnerOfA, NameVector b, int[] partnerOfB, boolean aIsQuery) {
      for (int i = 0; i < a.size(); i++) {
        if (partnerOfA[i] >= 0 || a.words[i].length() != 1 || a.numbers[i]) {
          continue;
        }
        for (int j = 0; j < b.size(); j++) {
          if (partnerOfB[j] < 0
              && b.words[j].length() > 1
              && b.words[j].charAt(0) == a.words[i].charAt(0)) {
            partnerOfA[i] = j;
            partnerOfB[j] = i;
            // an initial says as much as the name it stands for, less its doubt
            double weight = b.weights[j];
            matched += weight * INITIAL_SIMILARITY;
            mass += weight;
            order.add(aIsQuery ? new int[] {i, j} : new int[] {j, i});
            steps.add(
                aIsQuery
                    ? a.words[i] + "~" + b.words[j] + " (initial)"
                    : b.words[j] + "~" + a.words[i] + " (initial)");
            break;
          }
        }
      }
    }

    /** A word left over that is the initials of a run of words left over on the other side. */
    void pairAcronyms() {
      pairAcronyms(q, partnerOfQ, l, partnerOfL, true);
      pairAcronyms(l, partnerOfL, q, partnerOfQ, false);
    }

    private void pairAcronyms(
        NameVector a, int[] partnerOfA, NameVector b, int[] partnerOfB, boolean aIsQuery) {
      for (int i = 0; i < a.size(); i++) {
        String word = a.words[i];
        int run = word.length();
        if (partnerOfA[i] >= 0 || run < 2 || run - 1 > b.size() || a.numbers[i]) {
          continue;
        }
        for (int start = 0; start + run - 1 <= b.size(); start++) {
          int found = acronymRun(word, b, partnerOfB, start);
          if (found > 0) {
            run = found;
            partnerOfA[i] = start;
            double weight = 0;
            for (int k = start; k < start + run; k++) {
              partnerOfB[k] = i;
              weight += b.weights[k];
            }
            matched += weight * ACRONYM_SIMILARITY;
            mass += weight;
            order.add(aIsQuery ? new int[] {i, start} : new int[] {start, i});
            String words = String.join(" ", List.of(b.words).subList(start, start + run));
            steps.add(
                aIsQuery ? word + "~" + words + " (acronym)" : words + "~" + word + " (acronym)");
            break;
          }
        }
      }
    }

    /**
     * How many words of {@code b} from {@code start} the acronym {@code word} stands for: their
     * initials, or their initials with one letter more that a legal form or function word dropped
     * from the name gives ({@link #FORM_LETTERS}: the C of {@code NIOC}, National Iranian Oil
     * Company; the O of {@code BOEL}, Bank of East Land), for three words or more; 0 when it stands
     * for none.
     */
    private static int acronymRun(String word, NameVector b, int[] partnerOfB, int start) {
      int run = word.length();
      if (start + run <= b.size() && initialsOf(b, partnerOfB, start, run).equals(word)) {
        return run;
      }
      run--;
      if (run < 3 || start + run > b.size()) {
        return 0;
      }
      String initials = initialsOf(b, partnerOfB, start, run);
      if (initials.isEmpty()) {
        return 0;
      }
      for (int k = 1; k < word.length(); k++) {
        if (FORM_LETTERS.indexOf(word.charAt(k)) >= 0
            && (word.substring(0, k) + word.substring(k + 1)).equals(initials)) {
          return run;
        }
      }
      return 0;
    }

    private static String initialsOf(NameVector b, int[] partnerOfB, int start, int run) {
      StringBuilder initials = new StringBuilder(run);
      for (int k = start; k < start + run; k++) {
        if (partnerOfB[k] >= 0 || b.numbers[k]) {
          return "";
        }
        initials.append(b.words[k].charAt(0));
      }
      return initials.toString();
    }

    double score() {
      if (score < 0) {
        score = computeScore();
      }
      return score;
    }

    private double computeScore() {
      if (mass == 0) {
        return 0.0;
      }
      double leftQ = left(q, partnerOfQ, organization, false, false);
      double leftL = left(l, partnerOfL, organization, false, false);
      if (organization && (leftQ == 0 || leftL == 0)) {
        // a country one name adds (Bank Melli Iran, Korea Taesong Bank) says little; against
        // another country (ISIL - Libya, ISIL - Yemen) it tells them apart; so does what the
        // company does (Rosneft Oil Company) once its own word has matched
        leftQ = left(q, partnerOfQ, true, true, distinctive && !misspelt);
        leftL = left(l, partnerOfL, true, true, distinctive && !misspelt);
      }
      // an organization written by its distinctive word (Sberbank, Rosneft) against a longer form
      // whose other words only describe it (Sberbank of Russia, Rosneft Oil Company)
      boolean described =
          organization
              && distinctive
              && !misspelt
              && (leftQ == 0 || leftL == 0)
              && onlyDescriptionsLeft(q, partnerOfQ)
              && onlyDescriptionsLeft(l, partnerOfL);
      double carried = organization ? CARRIED_ORGANIZATION : CARRIED_PERSON;
      if (!organization
          && words >= 2
          && (leftQ == 0 || (leftL == 0 && onlyInnerLeft(q, partnerOfQ)))
          && inOrder()) {
        // a person's name that keeps two parts or more of a longer one in their order (an alias
        // that drops the last names or a middle one) can carry more of it
        carried = CARRIED_IN_ORDER;
      }
      // parts left on both sides contradict; so does all but one part left over, a number only
      // one name has, or more left over on one side than the aligned parts can carry
      boolean conflict =
          (leftQ > 0
                  && leftL > 0
                  && !(organization
                      && (onlyTypesLeft(q, partnerOfQ) || onlyTypesLeft(l, partnerOfL))))
              || (order.size() < 2 && !described)
              || leftNumber(q, partnerOfQ)
              || leftNumber(l, partnerOfL)
              || (misspelt
                  && organization
                  && !(own
                      && !misspeltDescription
                      && onlyDescriptionsLeft(q, partnerOfQ)
                      && onlyDescriptionsLeft(l, partnerOfL)))
              || (!organization && syllableLeft())
              || (!organization && !rare && leftQ + leftL > 0)
              || (leftQ + leftL > carried * mass && !described);
      double share = conflict ? CONFLICT : organization ? ONE_SIDED_ORGANIZATION : ONE_SIDED_PERSON;
      if (!conflict
          && !organization
          && (leftQ == 0
              ? onlyInnerLeft(l, partnerOfL)
              : leftL == 0 && onlyInnerLeft(q, partnerOfQ))) {
        share = ONE_SIDED_INNER;
      }
      double score = matched / (mass + share * (leftQ + leftL));
      if (organization && reordered()) {
        score *= ORDER_FACTOR;
      }
      if (words == 0 && expansionKnown) {
        // an acronym whose name gives its own expansion (IIB, ISLAMIC INTERNATIONAL BRIGADE) is
        // not another name's initials (ILSIM INTERNATIONAL BANK) unless a word beside it agrees
        score *= ACRONYM_ALONE;
      }
      // sums of weights leave rounding errors: an acronym is 0.90, not 0.8999999999
      return Math.min(1.0, Math.round(score * 1e9) / 1e9);
    }

    /** A number only one name has tells them apart ({@code KUM UN SAN 3}, {@code KUM UN SAN}). */
    private static boolean leftNumber(NameVector v, int[] partner) {
      for (int i = 0; i < v.size(); i++) {
        if (partner[i] < 0 && v.numbers[i]) {
          return true;
        }
      }
      return false;
    }

    /**
     * The weight of the parts left over; an organization's type ({@code Group}, {@code Office},
     * {@code Foundation}) weighs {@value #TYPE_SHARE} of its weight, as the same organization is
     * often called by another type ({@code Bureau 39}, {@code OFFICE 39}).
     */
    private static double left(
        NameVector v, int[] partner, boolean organization, boolean countries, boolean activities) {
      double left = 0;
      for (int i = 0; i < v.size(); i++) {
        if (partner[i] < 0) {
          boolean type = organization && OrganizationTypes.contains(v.words[i]);
          boolean place = countries && OrganizationTypes.isCountry(v.words[i]);
          boolean activity =
              activities && OrganizationTypes.isActivity(v.words[i]) && outside(v, partner, i);
          left += type || place || activity ? TYPE_SHARE * v.weights[i] : v.weights[i];
        }
      }
      return left;
    }

    /** Whether the parts left over on one side are all organization types. */
    private static boolean onlyTypesLeft(NameVector v, int[] partner) {
      for (int i = 0; i < v.size(); i++) {
        if (partner[i] < 0 && !OrganizationTypes.contains(v.words[i])) {
          return false;
        }
      }
      return true;
    }

    /**
     * Whether the parts left over on one side only describe an organization: a type, a country, an
     * activity ({@link OrganizationTypes#describes}); never a number.
     */
    private static boolean onlyDescriptionsLeft(NameVector v, int[] partner) {
      for (int i = 0; i < v.size(); i++) {
        if (partner[i] >= 0) {
          continue;
        }
        boolean description =
            OrganizationTypes.contains(v.words[i])
                || OrganizationTypes.isCountry(v.words[i])
                || (OrganizationTypes.isActivity(v.words[i]) && outside(v, partner, i));
        if (v.numbers[i] || !description) {
          return false;
        }
      }
      return true;
    }

    /**
     * Whether part {@code i} stands before the first aligned part or after the last: a description
     * put before or after the name ({@code Korea Ryonha Machinery Joint Venture}), not a word
     * inside it that makes another name ({@code Ocean Maritime Management}, {@code Ocean
     * Management}).
     */
    private static boolean outside(NameVector v, int[] partner, int i) {
      for (int k = 0; k < i; k++) {
        if (partner[k] >= 0) {
          for (int m = i + 1; m < v.size(); m++) {
            if (partner[m] >= 0) {
              return false;
            }
          }
          return true;
        }
      }
      return true;
    }

    /** Whether the parts left over are all inside the name, neither its first nor its last. */
    private static boolean onlyInnerLeft(NameVector v, int[] partner) {
      return partner[0] >= 0 && partner[v.size() - 1] >= 0;
    }

    /** Whether the aligned parts keep their order in both names. */
    private boolean inOrder() {
      return !reordered();
    }

    /**
     * Whether a name written in Korean syllables ({@code KIM JONG SIK}: three parts or more, each a
     * syllable) has its last part left over: a given name cut in half ({@code Kim Jong}) is another
     * person's, whereas a dropped middle syllable ({@code Ko Man}, {@code KO CHOL MAN}) is still
     * taken as a dropped part.
     */
    private boolean syllableLeft() {
      return lastSyllableLeft(q, partnerOfQ) || lastSyllableLeft(l, partnerOfL);
    }

    private static boolean lastSyllableLeft(NameVector v, int[] partner) {
      int last = v.size() - 1;
      if (v.size() < 3 || partner[last] >= 0) {
        return false;
      }
      for (String word : v.words) {
        if (!KOREAN_SYLLABLE.matcher(word).matches()) {
          return false;
        }
      }
      return true;
    }

    /** Whether two aligned pairs cross: the parts come in another order. */
    boolean reordered() {
      for (int a = 0; a < order.size(); a++) {
        for (int b = a + 1; b < order.size(); b++) {
          int[] x = order.get(a);
          int[] y = order.get(b);
          if (Integer.compare(x[0], y[0]) * Integer.compare(x[1], y[1]) < 0) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * The alignment in words: {@code kim, j~jong (initial), pak; only listed: sik; order differs}.
     */
    String explanation() {
      StringBuilder text = new StringBuilder(String.join(", ", steps));
      List<String> onlyQ = leftWords(q, partnerOfQ);
      List<String> onlyL = leftWords(l, partnerOfL);
      if (!onlyQ.isEmpty()) {
        text.append(text.isEmpty() ? "" : "; ")
            .append("only in the name: ")
            .append(String.join(" ", onlyQ));
      }
      if (!onlyL.isEmpty()) {
        text.append(text.isEmpty() ? "" : "; ")
            .append("only listed: ")
            .append(String.join(" ", onlyL));
      }
      if (organization && reordered()) {
        text.append("; words in another order");
      }
      return text.toString();
    }

    private static List<String> leftWords(NameVector v, int[] partner) {
      List<String> left = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        if (partner[i] < 0) {
          left.add(v.words[i]);
        }
      }
      return left;
    }
  }
}
