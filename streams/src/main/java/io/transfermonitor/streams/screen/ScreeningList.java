package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.DesignationType;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.MatchMethod;
import io.transfermonitor.model.Party;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The designations in a form that screens a party in microseconds: identifiers in a hash map, names
 * and aliases indexed by their words (each word's romanization key and its first three letters,
 * with and without one of them, its Double Metaphone codes, its spelling-variant group, the joined
 * key of two neighbouring words, an organization's initials), so a name is scored ({@link
 * NameSimilarity}) only against listed names that share a word or nearly, not against the whole
 * list (docs/screening.md measures how the candidates grow with it). In: a party (name and
 * identifiers) or a name. Out: every designation it matches with a score of at least {@value
 * #FLOOR} (or the floor it was made with: the monitor's near-miss score, below which it uses no
 * match), best first, each with its best method.
 *
 * <p>Scores: 1 for an identifier (IMO, UN reference, BIC, passport number) or a name equal after
 * normalization; the similarity for a close name (FUZZY), with which parts matched how; a
 * low-quality alias is weak evidence, its score times {@value #WEAK_ALIAS_FACTOR}, so alone it
 * stays below any sensible threshold.
 *
 * <p>Not thread-safe (it caches the results of recent names); one per stream thread, shared by its
 * tasks ({@link DesignationChanges#current}).
 */
public final class ScreeningList {

  /** A low-quality alias alone scores at most this fraction of its similarity. */
  public static final double WEAK_ALIAS_FACTOR = 0.8;

  /** Matches scoring lower are not reported. */
  public static final double FLOOR = 0.4;

  private static final int PREFIX = 3;

  /**
   * How close (Jaro-Winkler of romanization keys) a listed word must be to a query word the list
   * does not have, to make its names candidates: a little below the similarity at which two words
   * pair in a score ({@link NameSimilarity#WORD_THRESHOLD}), which compares the words themselves
   * too.
   */
  private static final double CLOSE_KEY = 0.85;

  private static final int COMMON_POSTINGS = 50;
  private static final int COMMON_SHARE = 20;
  private static final int RARE_SHARE = 200;

  /**
   * Names whose matches are kept: the parties of a monitor's events recur (the same vessels, banks
   * and companies), so once warm almost every party is a lookup; about 100 bytes a name.
   */
  private static final int CACHED_NAMES = 1 << 16;

  private static final Set<DesignationType> ANY = EnumSet.allOf(DesignationType.class);

  private final Map<String, Designation> byId = new LinkedHashMap<>();
  private final Map<String, List<Indexed>> byWord = new HashMap<>();

  /** Per block of a word key's first letters, the listed names of each word key in it. */
  private final Map<String, Map<String, List<Indexed>>> byPrefix = new HashMap<>();

  /** The candidates of recent query words: names share few distinct words. */
  private final Map<String, List<List<Indexed>>> wordCandidates =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<List<Indexed>>> eldest) {
          return size() > CACHED_NAMES;
        }
      };

  private final Map<IdentifierKey, List<ListedIdentifier>> byIdentifier = new HashMap<>();
  private final TokenWeights weights;
  private final double floor;
  private final NameSimilarity similarity;
  private int names;
  private final Map<String, List<DesignationMatch>> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<DesignationMatch>> eldest) {
          return size() > CACHED_NAMES;
        }
      };

  private ScreeningList(Collection<Designation> designations, TokenWeights weights, double floor) {
    this.weights = weights;
    this.floor = floor;
    this.similarity = new NameSimilarity(weights);
    for (Designation designation : designations) {
      byId.put(designation.getDesignationId(), designation);
      index(designation);
    }
  }

  /** A list of {@code designations}, words weighted by how often they occur in their names. */
  public static ScreeningList of(Collection<Designation> designations) {
    return of(designations, FLOOR);
  }

  /**
   * A list of {@code designations} that reports only matches scoring at least {@code floor}: the
   * monitor's, which uses none below its near-miss score, so that it neither explains nor keeps, in
   * its cache of recent names, the many weak matches a large list gives a name.
   */
  public static ScreeningList of(Collection<Designation> designations, double floor) {
    if (!(floor >= FLOOR && floor <= 1)) {
      throw new IllegalArgumentException("floor must be in [" + FLOOR + ", 1], was " + floor);
    }
    List<List<String>> forms = new ArrayList<>();
    for (Designation designation : designations) {
      for (ListedName name : ListedName.of(designation)) {
        forms.addAll(name.forms());
      }
    }
    return new ScreeningList(designations, TokenWeights.of(forms), floor);
  }

  /** An empty list: nothing matches. */
  public static ScreeningList empty() {
    return of(List.of());
  }

  /**
   * A list of only {@code designations}, weighting words as this list does: to screen against a few
   * designations (new ones, or one name in {@code screen --pairs}) with the same scores.
   */
  public ScreeningList narrowedTo(Collection<Designation> designations) {
    return new ScreeningList(designations, weights, floor);
  }

  public int size() {
    return byId.size();
  }

  public Collection<Designation> designations() {
    return byId.values();
  }

  /** Every designation {@code party} matches, by identifier or name, best first. */
  public List<DesignationMatch> screen(Party party) {
    Map<String, DesignationMatch> best = new LinkedHashMap<>();
    for (Identifier id : party.getIdentifiers()) {
      IdentifierKey key = IdentifierKey.of(id);
      for (ListedIdentifier listed : byIdentifier.getOrDefault(key, List.of())) {
        keepBest(
            best,
            new DesignationMatch(
                listed.designation(), MatchMethod.IDENTIFIER, 1.0, listed.shown()));
      }
    }
    for (DesignationMatch match : screen(party.getName())) {
      keepBest(best, match);
    }
    return sorted(best.values());
  }

  /** Every designation {@code name} matches, best first. */
  public List<DesignationMatch> screen(String name) {
    if (name == null || name.isBlank()) {
      return List.of();
    }
    return recent.computeIfAbsent(name, n -> screen(n, ANY));
  }

  /** Every designation of one of {@code types} that {@code name} matches, best first. */
  public List<DesignationMatch> screen(String name, Set<DesignationType> types) {
    Forms query = new Forms(name, similarity);
    Map<String, DesignationMatch> best = new LinkedHashMap<>();
    for (Indexed indexed : candidates(query)) {
      ListedName listed = indexed.name();
      if (!types.contains(listed.designation().getType())) {
        continue;
      }
      NameSimilarity.Alignment closest = null;
      List<NameVector> forms = query.of(listed.organization());
      boolean expansions = forms.size() > 1 || indexed.vectors().size() > 1;
      for (NameVector q : forms) {
        for (NameVector l : indexed.vectors()) {
          NameSimilarity.Alignment alignment =
              similarity.align(q, l, listed.organization()).expansionKnown(expansions);
          if (closest == null || alignment.score() > closest.score()) {
            closest = alignment;
          }
        }
      }
      // the explanation is written only for what is reported
      double bound = listed.method() == MatchMethod.WEAK_ALIAS ? WEAK_ALIAS_FACTOR : 1.0;
      if (closest != null && closest.score() * bound >= floor) {
        DesignationMatch match = match(listed, closest);
        if (match.score() >= floor) {
          keepBest(best, match);
        }
      }
    }
    return sorted(best.values());
  }

  /** How many listed names {@code name} is scored against: what screening it costs. */
  int candidateCount(String name) {
    return candidates(new Forms(name, similarity)).size();
  }

  private static DesignationMatch match(ListedName listed, NameSimilarity.Alignment alignment) {
    double score = alignment == null ? 0.0 : alignment.score();
    String why = alignment == null ? "" : alignment.explanation();
    if (listed.method() == MatchMethod.WEAK_ALIAS) {
      double weak = Math.min(1.0, score >= 1.0 - 1e-9 ? 1.0 : score) * WEAK_ALIAS_FACTOR;
      return new DesignationMatch(
          listed.designation(), MatchMethod.WEAK_ALIAS, weak, listed.asListed(), why);
    }
    // equal parts score 1 up to rounding in the sums
    if (score >= 1.0 - 1e-9) {
      return new DesignationMatch(listed.designation(), listed.method(), 1.0, listed.asListed());
    }
    return new DesignationMatch(
        listed.designation(), MatchMethod.FUZZY, score, listed.asListed(), why);
  }

  /**
   * The listed names worth scoring: those sharing a word with the query (by romanization key) or,
   * for a query word the list does not have (perhaps misspelt), those with a word of the same first
   * letters close enough to it to be paired with it, or that it begins or ends (a word the other
   * name writes as two). Words in many names ({@code korea}, {@code trading}) find candidates only
   * when the query has no rarer word, since a match must share a rare word anyway to score high.
   */
  private Set<Indexed> candidates(Forms query) {
    Set<Indexed> found = new LinkedHashSet<>();
    List<List<Indexed>> common = new ArrayList<>();
    int cap = Math.max(COMMON_POSTINGS, names / COMMON_SHARE);
    int rare = Math.max(COMMON_POSTINGS, names / RARE_SHARE);
    Map<String, Set<Indexed>> middling = new HashMap<>();
    Set<String> known = new HashSet<>();
    for (String word : query.words()) {
      boolean spelt = byWord.containsKey("=" + RomanizationKey.of(word));
      Set<Indexed> middle = new HashSet<>();
      for (List<Indexed> postings : wordCandidates.computeIfAbsent(word, this::postingsOf)) {
        if (postings.size() > cap) {
          common.add(postings);
          continue;
        }
        if (spelt) {
          known.add(word);
        }
        if (postings.size() > rare) {
          middle.addAll(postings);
        } else {
          found.addAll(postings);
        }
      }
      if (!middle.isEmpty()) {
        middling.put(word, middle);
      }
    }
    // a name met only through words of middling frequency is kept when two words of one form of
    // the query meet it, or the only word of that form the list spells that is not in too many of
    // its names (the others misspelt, initials, titles, common)
    for (List<String> form : query.wordLists()) {
      Map<Indexed, Integer> shared = new HashMap<>();
      int knownWords = 0;
      for (String word : new LinkedHashSet<>(form)) {
        if (word.length() > 1 && known.contains(word)) {
          knownWords++;
        }
        for (Indexed name : middling.getOrDefault(word, Set.of())) {
          shared.merge(name, 1, Integer::sum);
        }
      }
      int needed = Math.min(2, Math.max(1, knownWords));
      shared.forEach(
          (name, count) -> {
            if (count >= needed) {
              found.add(name);
            }
          });
    }
    if (found.isEmpty()) {
      common.forEach(found::addAll);
    }
    return found;
  }

  /**
   * The listed names a query word may pair with (see {@link #candidates}), one list per way of
   * pairing: by spelling, by sound ({@link PhoneticKey}), as a spelling variant ({@link
   * SpellingVariants}), without a glued article ({@code alrashid}), as an acronym of a listed name.
   */
  private List<List<Indexed>> postingsOf(String word) {
    List<List<Indexed>> found = new ArrayList<>();
    List<Indexed> spelt = speltLike(word);
    if (!spelt.isEmpty()) {
      found.add(spelt);
    } else {
      // by sound only a word the list does not spell alike: sounds are coarse, postings long
      for (String sound : PhoneticKey.of(word)) {
        addPostings(found, "~" + sound);
      }
    }
    String canonical = SpellingVariants.canonical(word);
    if (canonical != null) {
      addPostings(found, "#" + canonical);
    }
    if (word.length() >= 5 && (word.startsWith("al") || word.startsWith("el"))) {
      addPostings(found, "=" + RomanizationKey.of(word.substring(2)));
    }
    addPostings(found, "^" + word);
    // an acronym that keeps a dropped legal form's or function word's letter (nioc for National
    // Iranian Oil Company, whose initials are taken of the words kept)
    for (int k = 1; word.length() >= 4 && k < word.length(); k++) {
      if (NameSimilarity.FORM_LETTERS.indexOf(word.charAt(k)) >= 0) {
        addPostings(found, "^" + word.substring(0, k) + word.substring(k + 1));
      }
    }
    return found;
  }

  private void addPostings(List<List<Indexed>> found, String key) {
    List<Indexed> postings = byWord.get(key);
    if (postings != null) {
      found.add(postings);
    }
  }

  private List<Indexed> speltLike(String word) {
    String key = RomanizationKey.of(word);
    List<Indexed> exact = byWord.get("=" + key);
    if (exact != null || key.length() <= PREFIX || key.chars().allMatch(Character::isDigit)) {
      // a number pairs only with itself
      return exact == null ? List.of() : exact;
    }
    List<Indexed> close = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String prefix : prefixBlocks(key)) {
      Map<String, List<Indexed>> block = byPrefix.get(prefix);
      if (block == null) {
        continue;
      }
      block.forEach(
          (listedKey, postings) -> {
            if (seen.add(listedKey) && close(key, listedKey)) {
              close.addAll(postings);
            }
          });
    }
    return close;
  }

  /**
   * Whether a listed word key is close enough to a query's to make its names candidates: one begins
   * the other, or Jaro-Winkler finds them close; when their first letters differ, only an edit or
   * two away as a score pairs them ({@link NameSimilarity#part}), since Jaro-Winkler then says
   * little.
   */
  private static boolean close(String key, String listedKey) {
    if (!listedKey.startsWith(key.substring(0, PREFIX))) {
      int allowed = Math.max(key.length(), listedKey.length()) >= NameSimilarity.LONG_WORD ? 2 : 1;
      return EditDistance.between(key, listedKey, allowed) <= allowed;
    }
    return listedKey.startsWith(key)
        || key.startsWith(listedKey)
        || JaroWinkler.similarity(key, listedKey) >= CLOSE_KEY;
  }

  /**
   * The blocks a word key longer than {@value #PREFIX} letters is filed under and looked up in: its
   * first letters, and the first letters of it without one of them. Two words one edit apart share
   * a block wherever the edit is ({@code seanir}, {@code sepanir} in {@code sea}; {@code sepanir},
   * {@code sapanir} in {@code spa}), so a letter added, dropped or changed early in a word does not
   * hide the name; each word is filed {@value #PREFIX} + 1 times at most, whatever the list's size.
   */
  static Set<String> prefixBlocks(String key) {
    Set<String> blocks = new LinkedHashSet<>();
    blocks.add(key.substring(0, PREFIX));
    for (int i = 0; i < PREFIX; i++) {
      blocks.add((key.substring(0, i) + key.substring(i + 1, PREFIX + 1)));
    }
    return blocks;
  }

  private void index(Designation designation) {
    for (Identifier id : designation.getIdentifiers()) {
      addIdentifier(
          IdentifierKey.of(id), designation, id.getScheme() + " " + id.getValue().strip());
    }
    String reference = designation.getDesignationId();
    addIdentifier(
        IdentifierKey.of(IdentifierScheme.UN_REFERENCE, reference),
        designation,
        IdentifierScheme.UN_REFERENCE + " " + reference);
    for (ListedName name : ListedName.of(designation)) {
      Indexed indexed = new Indexed(name, name.forms().stream().map(similarity::vector).toList());
      names++;
      Set<String> keys = new LinkedHashSet<>();
      Set<String> others = new LinkedHashSet<>();
      for (List<String> form : name.forms()) {
        StringBuilder initials = new StringBuilder();
        for (String word : form) {
          keys.add(RomanizationKey.of(word));
          for (String sound : PhoneticKey.of(word)) {
            others.add("~" + sound);
          }
          String canonical = SpellingVariants.canonical(word);
          if (canonical != null) {
            others.add("#" + canonical);
          }
          if (word.length() >= 5 && (word.startsWith("al") || word.startsWith("el"))) {
            keys.add(RomanizationKey.of(word.substring(2)));
          }
          initials.append(word.charAt(0));
        }
        // a word a party writes as one (yuson, tizpars) finds the name that writes it as two
        for (int i = 0; i + 1 < form.size(); i++) {
          keys.add(RomanizationKey.of(form.get(i) + form.get(i + 1)));
        }
        if (name.organization() && form.size() >= 2) {
          others.add("^" + initials);
        }
      }
      for (String other : others) {
        byWord.computeIfAbsent(other, k -> new ArrayList<>()).add(indexed);
      }
      for (String key : keys) {
        byWord.computeIfAbsent("=" + key, k -> new ArrayList<>()).add(indexed);
        if (key.length() > PREFIX) {
          for (String prefix : prefixBlocks(key)) {
            byPrefix
                .computeIfAbsent(prefix, k -> new HashMap<>())
                .computeIfAbsent(key, k -> new ArrayList<>())
                .add(indexed);
          }
        }
      }
    }
  }

  private void addIdentifier(IdentifierKey key, Designation designation, String shown) {
    if (!key.isEmpty()) {
      byIdentifier
          .computeIfAbsent(key, k -> new ArrayList<>(1))
          .add(new ListedIdentifier(designation, shown));
    }
  }

  private static void keepBest(Map<String, DesignationMatch> best, DesignationMatch match) {
    best.merge(
        match.designationId(),
        match,
        (a, b) -> b.score() > a.score() || (b.score() == a.score() && rank(b) < rank(a)) ? b : a);
  }

  private static int rank(DesignationMatch match) {
    return match.method().ordinal();
  }

  private static List<DesignationMatch> sorted(Collection<DesignationMatch> matches) {
    List<DesignationMatch> list = new ArrayList<>(matches);
    list.sort(
        Comparator.comparingDouble(DesignationMatch::score)
            .reversed()
            .thenComparing(DesignationMatch::designationId));
    return List.copyOf(list);
  }

  /** An identifier of a designation, and how an alert shows it: as the list writes it. */
  private record ListedIdentifier(Designation designation, String shown) {}

  /**
   * A listed name with the vectors of its forms, weighted by this list. Equal as a record of the
   * two would be, with its hash computed once: the candidate search puts the postings of every word
   * of every party screened into hash sets and maps, and the name's hash walks its whole
   * designation (Avro's record hash), 1.3 % of the stream thread's samples.
   */
  private static final class Indexed {
    private final ListedName name;
    private final List<NameVector> vectors;
    private final int hash;

    Indexed(ListedName name, List<NameVector> vectors) {
      this.name = name;
      this.vectors = vectors;
      this.hash = 31 * name.hashCode() + vectors.hashCode();
    }

    ListedName name() {
      return name;
    }

    List<NameVector> vectors() {
      return vectors;
    }

    @Override
    public boolean equals(Object other) {
      return other == this
          || (other instanceof Indexed o
              && hash == o.hash
              && name.equals(o.name)
              && vectors.equals(o.vectors));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A query name normalized both ways: as a person and as an organization. */
  private static final class Forms {
    private final List<NameVector> person;
    private final List<NameVector> organization;
    private final Set<String> words = new LinkedHashSet<>();
    private final List<List<String>> wordLists = new ArrayList<>();

    Forms(String name, NameSimilarity similarity) {
      List<List<String>> asPerson = NameNormalizer.forms(name, false);
      List<List<String>> asOrganization = NameNormalizer.forms(name, true);
      asPerson.forEach(words::addAll);
      asOrganization.forEach(words::addAll);
      wordLists.addAll(asPerson);
      wordLists.addAll(asOrganization);
      person = asPerson.stream().map(similarity::vector).toList();
      organization = asOrganization.stream().map(similarity::vector).toList();
    }

    List<NameVector> of(boolean asOrganization) {
      return asOrganization ? organization : person;
    }

    Set<String> words() {
      return words;
    }

    /** The words of each form, as a person and as an organization. */
    List<List<String>> wordLists() {
      return wordLists;
    }
  }
}
