package io.transfermonitor.producers.designations;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * ISO 3166-1 alpha-3 codes for country names as lists write them: the English names Java knows
 * ("Iraq", "North Korea") and the UN's official short names ("Democratic People's Republic of
 * Korea", "Russian Federation"). A name that is not a plain country name ("Indonesia (as at Dec.
 * 2003)") has no code: the list's own text is kept beside it. The vessel register reads flags
 * through it too.
 */
public final class CountryCodes {

  private static final Map<String, String> BY_NAME = names();
  private static final Set<String> ALPHA_3 = Set.copyOf(BY_NAME.values());

  private CountryCodes() {}

  /** The alpha-3 code of {@code name}, or null. */
  public static String of(String name) {
    return name == null ? null : BY_NAME.get(key(name));
  }

  /** True when {@code code} is an ISO 3166-1 alpha-3 code in upper case, such as PRK or RUS. */
  public static boolean isAlpha3(String code) {
    return code != null && ALPHA_3.contains(code);
  }

  private static Map<String, String> names() {
    Map<String, String> names = new HashMap<>();
    for (String alpha2 : Locale.getISOCountries()) {
      Locale country = new Locale("", alpha2);
      try {
        names.put(key(country.getDisplayCountry(Locale.ENGLISH)), country.getISO3Country());
      } catch (MissingResourceException e) {
        // a code without an alpha-3 form has no name to look up either
      }
    }
    String[][] official = {
      {"Democratic People's Republic of Korea", "PRK"},
      {"Republic of Korea", "KOR"},
      {"Russian Federation", "RUS"},
      {"Iran (Islamic Republic of)", "IRN"},
      {"Syrian Arab Republic", "SYR"},
      {"United Kingdom of Great Britain and Northern Ireland", "GBR"},
      {"United Kingdom", "GBR"},
      {"United States of America", "USA"},
      {"Democratic Republic of the Congo", "COD"},
      {"Congo", "COG"},
      {"United Republic of Tanzania", "TZA"},
      {"Viet Nam", "VNM"},
      {"Lao People's Democratic Republic", "LAO"},
      {"State of Palestine", "PSE"},
      {"Libyan Arab Jamahiriya", "LBY"},
      {"Turkey", "TUR"},
      {"Bolivia (Plurinational State of)", "BOL"},
      {"Venezuela (Bolivarian Republic of)", "VEN"},
      {"Republic of Moldova", "MDA"},
      {"Hong Kong Special Administrative Region", "HKG"},
      {"The Netherlands", "NLD"},
      {"Sultanate of Oman", "OMN"},
      {"Union of the Comoros", "COM"}
    };
    for (String[] entry : official) {
      names.put(key(entry[0]), entry[1]);
    }
    return Map.copyOf(names);
  }

  private static String key(String name) {
    return name.strip().replace('\u2019', '\'').toLowerCase(Locale.ROOT);
  }
}
