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
          "somalia");

  static boolean isCountry(String word) {
    return COUNTRIES.contains(word);
  }
}
