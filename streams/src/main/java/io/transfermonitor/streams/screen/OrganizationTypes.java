package io.transfermonitor.streams.screen;

import java.util.Set;

/**
 * Words that say what kind of organization a name is, not which one: {@code Group}, {@code
 * Network}, {@code Foundation}, {@code Office}, {@code Bureau}. One organization is often listed
 * and written under several ({@code Bureau 39}, {@code OFFICE 39}; {@code Muhammad Jamal Group},
 * {@code MUHAMMAD JAMAL NETWORK}), so one left over costs little ({@link NameSimilarity}).
 */
final class OrganizationTypes {

  private static final Set<String> TYPES =
      Set.of(
          "group",
          "network",
          "organization",
          "organisation",
          "foundation",
          "charity",
          "charitable",
          "society",
          "association",
          "movement",
          "institute",
          "institution",
          "office",
          "offices",
          "bureau",
          "department",
          "agency",
          "authority",
          "committee",
          "council",
          "centre",
          "center",
          "trust",
          "fund",
          "establishment",
          "enterprise",
          "firm",
          "front",
          "branch",
          "union",
          "federation",
          "administration");

  private OrganizationTypes() {}

  static boolean contains(String word) {
    return TYPES.contains(word);
  }

  /**
   * Countries, as organizations add them to their names or drop them ({@code Bank Melli Iran},
   * {@code Sberbank of Russia}, {@code Korea Taesong Bank}).
   */
  private static final Set<String> COUNTRIES =
      Set.of(
          "korea",
          "korean",
          "dprk",
          // Korea's own names for itself (Koryo Bank, Choson Expo)
          "koryo",
          "choson",
          "chosun",
          "joson",
          "russia",
          "russian",
          "rossii",
          "iran",
          "iranian",
          "iraq",
          "iraqi",
          "syria",
          "syrian",
          "libya",
          "libyan",
          "ukraine",
          "belarus",
          "china",
          "chinese",
          "yemen",
          "lebanon",
          "venezuela",
          "cuba",
          "afghanistan",
          "pakistan",
          "sudan",
          "somalia",
          "somali",
          "afghan",
          "pakistani",
          "lebanese",
          "yemeni",
          "sudanese",
          "ukrainian",
          "belarusian",
          "venezuelan",
          "cuban",
          "egypt",
          "egyptian",
          "algeria",
          "algerian",
          "tunisia",
          "tunisian",
          "morocco",
          "moroccan",
          "indonesia",
          "indonesian",
          "bosnia",
          "turkey",
          "turkish",
          "emirates",
          "uae",
          "singapore",
          "malaysia",
          "india",
          "indian",
          "europe",
          "european",
          "america",
          "american",
          "british",
          "germany",
          "german",
          "france",
          "french",
          "panama",
          "liberia",
          "cyprus",
          "greece",
          "greek");

  static boolean isCountry(String word) {
    return COUNTRIES.contains(word);
  }

  /**
   * Words that say what an organization does, not which one it is: its industry or activity ({@code
   * oil}, {@code shipping}, {@code bank}, {@code trading}, {@code holding}), in the main languages
   * of the lists (Russian {@code neft}, German {@code Reederei}, French {@code banque}, Spanish
   * {@code naviera}, Turkish {@code bankasi}). A company is written by its distinctive word as
   * often as by its full name ({@code Rosneft}, {@code Rosneft Oil Company}), so such words left
   * over cost little when a distinctive word matches ({@link NameSimilarity}); words that tell
   * organizations of one country apart ({@code foreign}, {@code national}, {@code central}, {@code
   * state}, {@code commercial}, {@code credit}) are not among them.
   */
  private static final Set<String> ACTIVITIES =
      Set.of(
          // English
          "oil",
          "gas",
          "petroleum",
          "petrochemical",
          "petrochemicals",
          "chemical",
          "chemicals",
          "energy",
          "power",
          "electric",
          "electricity",
          "shipping",
          "shipbuilding",
          "ship",
          "ships",
          "maritime",
          "marine",
          "navigation",
          "tanker",
          "tankers",
          "transport",
          "transportation",
          "logistics",
          "freight",
          "cargo",
          "airline",
          "airlines",
          "aviation",
          "trading",
          "trade",
          "traders",
          "commerce",
          "import",
          "imports",
          "export",
          "exports",
          "bank",
          "banking",
          "investment",
          "investments",
          "finance",
          "financial",
          "capital",
          "insurance",
          "exchange",
          "money",
          "holding",
          "holdings",
          "industry",
          "industries",
          "industrial",
          "manufacturing",
          "mining",
          "minerals",
          "metals",
          "steel",
          "construction",
          "engineering",
          "development",
          "technology",
          "technologies",
          "services",
          "international",
          "global",
          "general",
          "machinery",
          "equipment",
          "electronics",
          "supply",
          "supplies",
          "marketing",
          "humanitarian",
          "relief",
          "joint",
          "venture",
          "factory",
          "plant",
          "products",
          "resources",
          // Russian, romanized
          "neft",
          "neftegaz",
          "gaz",
          "torgovyy",
          "torgovy",
          "torgovaya",
          // German
          "handel",
          "handels",
          "industrie",
          "reederei",
          "schiffahrt",
          "versicherung",
          "energie",
          "gruppe",
          // French
          "banque",
          "petrole",
          "petroliere",
          "transports",
          "groupe",
          "internationale",
          "generale",
          // Spanish and Portuguese
          "banco",
          "petroleos",
          "petroleo",
          "comercio",
          "industrias",
          "naviera",
          "transportes",
          "energia",
          "grupo",
          "internacional",
          "seguros",
          // Turkish
          "bankasi",
          "ticaret",
          "sanayi");

  /**
   * Words that are neither an organization's own word nor only a description of it: they tell
   * organizations of one country apart ({@code State Company for Machinery}, {@code State Trading
   * Enterprise for Machinery}; {@code Foreign Trade Bank}, {@code Central Bank}) but name none of
   * them alone.
   */
  private static final Set<String> COMMON =
      Set.of(
          "state",
          "national",
          "central",
          "foreign",
          "commercial",
          "credit",
          "public",
          "people",
          "peoples",
          "popular",
          "republic",
          "democratic",
          "united",
          "federal",
          "islamic",
          "arab",
          "new",
          "first");

  /**
   * Whether a word may be what names one organization and no other: neither a description ({@link
   * #describes}) nor a word many organizations share ({@link #COMMON}).
   */
  static boolean distinctive(String word) {
    return !describes(word) && !COMMON.contains(word);
  }

  /** Whether a word says what an organization does ({@link #ACTIVITIES}). */
  static boolean isActivity(String word) {
    return ACTIVITIES.contains(word);
  }

  /**
   * Whether a word only describes an organization: its type, a country or nationality, or its
   * activity.
   */
  static boolean describes(String word) {
    return TYPES.contains(word) || COUNTRIES.contains(word) || ACTIVITIES.contains(word);
  }
}
