package io.transfermonitor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Names for synthetic designations, drawn from pools of real name parts and company words, so that
 * they share their common words ({@code KOREA}, {@code TRADING}, {@code KIM}, {@code SHIPPING})
 * with the real lists the way a large list does, and so that the screening stage's index sees
 * realistic word frequencies. A few words the benchmark's own parties use ({@code BENCH}, {@code
 * PARTY}, {@code TANKER}) come up rarely, as common words of a big list sometimes do in real
 * traffic; a synthetic name is never a workload party's name (those are {@link
 * SyntheticDesignations}' exact hits).
 */
final class SyntheticNames {

  /** How names of one part of the world are made up. */
  enum Style {
    KOREAN,
    CHINESE,
    RUSSIAN,
    ARABIC
  }

  /** One in this many entity and vessel names carries a word of the workload's party names. */
  static final int WORKLOAD_WORD_EVERY = 250;

  private static final String[] KOREAN_SURNAMES = {
    "KIM", "RI", "PAK", "CHOE", "JONG", "KANG", "HAN", "JO", "YUN", "JANG", "O", "HWANG", "RYU",
    "SIN", "KWON", "PAEK", "CHA", "CHU", "JU", "MUN", "SO", "KO", "HONG", "NAM", "AN", "SON"
  };
  private static final String[] KOREAN_SYLLABLES = {
    "CHOL", "SONG", "YONG", "IL", "NAM", "HYOK", "JIN", "MYONG", "CHUN", "SU", "KWANG", "HAK",
    "SOK", "HO", "UN", "WON", "JUN", "HYON", "GIL", "TAE", "KYONG", "UNG", "MIN", "HUI", "RYONG",
    "SAM", "GON", "PYONG", "GUK", "SIK", "CHANG", "BOM", "SE"
  };
  private static final String[] CHINESE_SURNAMES = {
    "LI", "WANG", "ZHANG", "LIU", "CHEN", "YANG", "ZHAO", "HUANG", "ZHOU", "WU", "XU", "SUN", "MA",
    "ZHU", "HU", "GUO", "LIN", "HE"
  };
  private static final String[] CHINESE_GIVEN = {
    "WEI", "FANG", "JUN", "LEI", "HONG", "MING", "QIANG", "JIE", "HUA", "XIU", "YAN", "BO", "TAO",
    "PENG", "LIN", "YONG", "XIN", "HAI"
  };
  private static final String[] RUSSIAN_FIRST = {
    "ALEKSANDR", "SERGEI", "DMITRY", "ANDREI", "VLADIMIR", "IGOR", "OLEG", "NIKOLAI", "YURI",
    "PAVEL", "MIKHAIL", "VIKTOR", "ARTEM", "DENIS", "ROMAN", "GENNADY", "KONSTANTIN", "ALEKSEI"
  };
  private static final String[] RUSSIAN_PATRONYMIC = {
    "ALEKSANDROVICH", "SERGEYEVICH", "VLADIMIROVICH", "NIKOLAYEVICH", "PETROVICH", "IVANOVICH",
    "YURYEVICH", "VIKTOROVICH", "MIKHAILOVICH", "ANATOLYEVICH", "BORISOVICH", "GENNADYEVICH"
  };
  private static final String[] RUSSIAN_LAST = {
    "IVANOV",
    "PETROV",
    "SOKOLOV",
    "VOLKOV",
    "MOROZOV",
    "KUZNETSOV",
    "POPOV",
    "LEBEDEV",
    "NOVIKOV",
    "KOZLOV",
    "SMIRNOV",
    "VASILIEV",
    "FEDOROV",
    "ORLOV",
    "ZAKHAROV",
    "BELOV",
    "GRIGORIEV",
    "MAKAROV",
    "ROMANOV",
    "TIMCHENKO",
    "ROTENBERG",
    "KOVALCHUK",
    "SECHIN",
    "DERIPASKA"
  };
  private static final String[] ARABIC_FIRST = {
    "MOHAMMAD", "AHMAD", "ALI", "HASSAN", "HOSSEIN", "REZA", "MAHMOUD", "ABDUL", "OMAR", "KHALID",
    "MOHSEN", "MEHDI", "JAVAD", "SAEED", "YOUSEF", "IBRAHIM", "SALEH", "FAISAL", "KARIM", "MOSTAFA"
  };
  private static final String[] ARABIC_MIDDLE = {
    "ABDULLAH", "HAMID", "AMIR", "JAFAR", "MUSA", "KAZEM", "NASSER", "RAHMAN", "AZIZ", "SALIM"
  };
  private static final String[] ARABIC_LAST = {
    "HOSSEINI", "RAHIMI", "KARIMI", "MOHAMMADI", "HADDAD", "MANSOUR", "SALEHI", "JAFARI",
    "AL-HASHIMI", "AL-MASRI", "AL-BAGHDADI", "RAZAVI", "TEHRANI", "SHIRAZI", "NOURI", "AZIZI",
    "QASIM", "SHARIF", "ZADEH", "MAKHLOUF", "FAKHOURY", "SOLEIMANI"
  };

  private static final Map<Style, String[]> PLACES =
      Map.of(
          Style.KOREAN,
          new String[] {
            "KOREA", "PYONGYANG", "CHOSON", "RASON", "NAMPO", "WONSAN", "SINUIJU", "HAMHUNG"
          },
          Style.CHINESE,
          new String[] {"DANDONG", "SHENYANG", "DALIAN", "HONG KONG", "SHANGHAI", "LIAONING"},
          Style.RUSSIAN,
          new String[] {"VOSTOK", "PRIMORSKY", "NAKHODKA", "VLADIVOSTOK", "MOSCOW", "BALTIC"},
          Style.ARABIC,
          new String[] {"TEHRAN", "PARS", "KHORASAN", "KISH", "DAMASCUS", "ALEPPO", "DUBAI"});
  private static final String[] GENERIC_PLACES = {
    "PACIFIC", "ORIENT", "GLOBAL", "INTERNATIONAL", "ASIA", "EASTERN", "GOLDEN", "GREAT"
  };
  private static final Map<Style, String[]> CORES =
      Map.of(
          Style.KOREAN,
          new String[] {
            "RYONBONG",
            "TANCHON",
            "AMNOKGANG",
            "KUMGANG",
            "PAEKTUSAN",
            "HAEGUMGANG",
            "MANSUDAE",
            "CHONSURIM",
            "SOBAEKSU",
            "NAMGANG",
            "CHONGCHONGANG",
            "MIRAE",
            "SAEBYOL",
            "UNHA",
            "KWANGMYONG",
            "HYOKSIN",
            "DAESONG",
            "KUMRYONG",
            "HESONG",
            "KANGBONG",
            "ILSIM",
            "SONGI"
          },
          Style.CHINESE,
          new String[] {
            "HUAXIN", "HONGXIANG", "CHANG AN", "JINXIN", "BAIHE", "HAIXING", "XINHUA", "WANFANG"
          },
          Style.RUSSIAN,
          new String[] {
            "GAZ", "NEFT", "SOVFRACHT", "TRANSFLOT", "ROSTEKH", "ALMAZ", "URAL", "VOLGA", "SEVER"
          },
          Style.ARABIC,
          new String[] {
            "SEPANIR", "BEHINEH", "FARAYAND", "SAMEN", "NOOR", "ATLAS", "KAVEH", "ZAGROS", "SHAHID"
          });
  private static final String[] GENERIC_CORES = {
    "GREEN PINE",
    "SEA DRAGON",
    "SILVER WAVE",
    "NEW ASIA",
    "UNITY",
    "VICTORY",
    "EVERGREEN",
    "BRIGHT STAR",
    "SUNRISE",
    "HARMONY",
    "ZENITH",
    "SUMMIT",
    "PIONEER",
    "CRYSTAL",
    "JADE",
    "PHOENIX"
  };
  private static final String[] INDUSTRIES = {
    "TRADING",
    "SHIPPING",
    "MARITIME",
    "MINING",
    "PETROLEUM",
    "OIL",
    "ENERGY",
    "LOGISTICS",
    "TECHNOLOGY",
    "MACHINERY",
    "INDUSTRIAL",
    "DEVELOPMENT",
    "INVESTMENT",
    "COMMERCIAL",
    "IMPORT AND EXPORT",
    "GENERAL TRADING",
    "STEEL",
    "CHEMICAL",
    "ENGINEERING",
    "MARINE",
    "FISHERIES",
    "CONSTRUCTION",
    "ELECTRONICS",
    "FINANCE",
    "INSURANCE",
    "HOLDINGS",
    "MANAGEMENT",
    "TRANSPORT",
    "FREIGHT",
    "BANK"
  };
  private static final Map<Style, String[]> FORMS =
      Map.of(
          Style.KOREAN,
          new String[] {
            "CORPORATION", "COMPANY", "GENERAL CORPORATION", "JOINT VENTURE COMPANY", "GROUP"
          },
          Style.CHINESE,
          new String[] {"CO., LTD", "LIMITED", "COMPANY LIMITED", "(HK) LIMITED", "GROUP"},
          Style.RUSSIAN,
          new String[] {"LLC", "JSC", "OOO", "PJSC", "GROUP"},
          Style.ARABIC,
          new String[] {"CO.", "COMPANY", "INDUSTRIES", "GROUP", "FZE", "LLC"});
  private static final String[] VESSEL_WORDS = {
    "KUM",
    "UN",
    "SAN",
    "NAM",
    "PAEK",
    "MA",
    "CHON",
    "RYONG",
    "SAM",
    "JONG",
    "YU",
    "JI",
    "SONG",
    "HAE",
    "RAK",
    "WON",
    "KWANG",
    "MYONG",
    "BONG",
    "HWA",
    "OCEAN",
    "STAR",
    "GOLDEN",
    "PACIFIC",
    "SEA",
    "DRAGON",
    "NEW",
    "GRAND",
    "DIAMOND",
    "LUCKY",
    "ORIENT",
    "ASIA",
    "FORTUNE",
    "VICTORY",
    "PEARL",
    "GLORY",
    "WIN",
    "HARMONY",
    "PROSPERITY",
    "JADE",
    "CRYSTAL",
    "SKY",
    "BLUE",
    "RICH"
  };
  private static final String[] WORKLOAD_WORDS = {"BENCH", "PARTY"};

  /** Spellings of the same name part in another romanization. */
  private static final Map<String, String> VARIANTS =
      Map.ofEntries(
          Map.entry("RI", "LI"),
          Map.entry("PAK", "PARK"),
          Map.entry("CHOE", "CHOI"),
          Map.entry("JONG", "CHONG"),
          Map.entry("JO", "CHO"),
          Map.entry("KIM", "GIM"),
          Map.entry("RYU", "YU"),
          Map.entry("CHOL", "CHUL"),
          Map.entry("SONG", "SUNG"),
          Map.entry("YONG", "YOUNG"),
          Map.entry("HYOK", "HYUK"),
          Map.entry("KWANG", "GWANG"),
          Map.entry("SERGEI", "SERGEY"),
          Map.entry("DMITRY", "DMITRIY"),
          Map.entry("YURI", "YURIY"),
          Map.entry("ALEKSANDR", "ALEXANDER"),
          Map.entry("ALEKSEI", "ALEXEY"),
          Map.entry("VASILIEV", "VASILYEV"),
          Map.entry("MOHAMMAD", "MUHAMMAD"),
          Map.entry("HOSSEIN", "HUSSEIN"),
          Map.entry("AHMAD", "AHMED"),
          Map.entry("YOUSEF", "YUSUF"),
          Map.entry("MOSTAFA", "MUSTAFA"),
          Map.entry("ZHANG", "CHANG"),
          Map.entry("ZHOU", "CHOU"),
          Map.entry("XU", "HSU"));

  private final SplittableRandom random;

  SyntheticNames(SplittableRandom random) {
    this.random = random;
  }

  /** A person's name parts in the list's order. */
  List<String> person(Style style) {
    return switch (style) {
      case KOREAN -> List.of(pick(KOREAN_SURNAMES), pick(KOREAN_SYLLABLES), pick(KOREAN_SYLLABLES));
      case CHINESE ->
          random.nextBoolean()
              ? List.of(pick(CHINESE_SURNAMES), pick(CHINESE_GIVEN))
              : List.of(pick(CHINESE_SURNAMES), pick(CHINESE_GIVEN), pick(CHINESE_GIVEN));
      case RUSSIAN -> List.of(pick(RUSSIAN_FIRST), pick(RUSSIAN_PATRONYMIC), pick(RUSSIAN_LAST));
      case ARABIC ->
          random.nextBoolean()
              ? List.of(pick(ARABIC_FIRST), pick(ARABIC_LAST))
              : List.of(pick(ARABIC_FIRST), pick(ARABIC_MIDDLE), pick(ARABIC_LAST));
    };
  }

  /**
   * {@code parts} spelt in another romanization, or null when none of its parts has another
   * spelling.
   */
  static String variant(List<String> parts) {
    List<String> spelt = parts.stream().map(p -> VARIANTS.getOrDefault(p, p)).toList();
    return spelt.equals(parts) ? null : String.join(" ", spelt);
  }

  /**
   * An entity's name: a place (or not), a name, an industry and a legal form, e.g. {@code PYONGYANG
   * KUMGANG SHIPPING CORPORATION} or {@code HUAXIN TRADING (HK) LIMITED}.
   */
  String entity(Style style) {
    List<String> words = new ArrayList<>(4);
    int place = random.nextInt(10);
    if (place < 4) {
      words.add(pick(PLACES.get(style)));
    } else if (place < 6) {
      words.add(pick(GENERIC_PLACES));
    }
    if (random.nextInt(WORKLOAD_WORD_EVERY) == 0) {
      words.add(pick(WORKLOAD_WORDS));
    } else {
      words.add(random.nextInt(3) == 0 ? pick(GENERIC_CORES) : pick(CORES.get(style)));
    }
    words.add(pick(INDUSTRIES));
    words.add(pick(FORMS.get(style)));
    return String.join(" ", words);
  }

  /** Whether an entity name is a bank's (its industry word is {@code BANK}). */
  static boolean isBank(String entityName) {
    return entityName.contains(" BANK ");
  }

  /** The initials of an entity's name, its usual short form: {@code KKSC}. */
  static String initials(String entityName) {
    StringBuilder initials = new StringBuilder();
    for (String word : entityName.replaceAll("[^A-Z ]", "").split(" +")) {
      if (!word.isEmpty() && !word.equals("AND")) {
        initials.append(word.charAt(0));
      }
    }
    return initials.toString();
  }

  /**
   * A vessel's name: one or two words and often a number, e.g. {@code KUM UN SAN 3} or {@code OCEAN
   * STAR}.
   */
  String vessel() {
    List<String> words = new ArrayList<>(3);
    words.add(pick(VESSEL_WORDS));
    if (random.nextInt(WORKLOAD_WORD_EVERY) == 0) {
      words.add("TANKER");
    } else if (random.nextInt(3) > 0) {
      words.add(pick(VESSEL_WORDS));
    }
    if (random.nextBoolean()) {
      words.add(Integer.toString(1 + random.nextInt(99)));
    }
    return String.join(" ", words);
  }

  private String pick(String[] pool) {
    return pool[random.nextInt(pool.length)];
  }
}
