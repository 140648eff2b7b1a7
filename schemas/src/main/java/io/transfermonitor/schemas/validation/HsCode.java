package io.transfermonitor.schemas.validation;

/**
 * The shape of a Harmonized System code: a six-digit subheading, written {@code 854231} or {@code
 * 8542.31}, optionally followed by national digits ({@code 8542.31.00}, up to ten digits), in one
 * of the HS chapters 01 to 97 (chapter 77 is reserved and holds no goods). This checks the shape
 * and the chapter, not that the subheading exists in a given edition of the nomenclature.
 */
public final class HsCode {

  private HsCode() {}

  /** Why {@code code} is no HS code, or null when it is one. */
  public static String problem(String code) {
    String digits = digits(code);
    if (digits == null) {
      return "unknown HS code '"
          + code
          + "': an HS code is six to ten digits, points allowed between groups (8542.31)";
    }
    int chapter = Integer.parseInt(digits.substring(0, 2));
    if (chapter < 1 || chapter > 97 || chapter == 77) {
      return "unknown HS code '"
          + code
          + "': chapter "
          + digits.substring(0, 2)
          + " is not a chapter of the Harmonized System (01-97, 77 reserved)";
    }
    return null;
  }

  /** The six-digit subheading of a valid {@code code}, e.g. {@code 854231}; null if invalid. */
  public static String subheading(String code) {
    String digits = digits(code);
    return digits == null || problem(code) != null ? null : digits.substring(0, 6);
  }

  /**
   * The six-digit subheading of a valid {@code code} written with a point, {@code 8542.31}: the key
   * of the priority list's topic; null if invalid.
   */
  public static String written(String code) {
    String subheading = subheading(code);
    return subheading == null ? null : subheading.substring(0, 4) + "." + subheading.substring(4);
  }

  private static String digits(String code) {
    if (code == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder(10);
    char previous = '.';
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '.' && previous != '.' && i < code.length() - 1) {
        // a point separates groups: not first, not last, not doubled
      } else {
        return null;
      }
      previous = c;
    }
    return digits.length() >= 6 && digits.length() <= 10 ? digits.toString() : null;
  }
}
