package io.transfermonitor.streams.alert;

import java.util.Locale;

/**
 * How alerts and cases write amounts for people: whole numbers with thousands separators, one
 * decimal otherwise, and the short word of each unit ({@code bbl}, {@code t}, {@code containers}).
 */
public final class Amounts {

  private Amounts() {}

  /** {@code 20400} as "20,400", {@code 587.4} as "587.4". */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      // every ban alert writes its amount: grouping by hand costs a fraction of a Formatter
      return grouped(Long.toString((long) value));
    }
    return String.format(Locale.ROOT, "%,.1f", value);
  }

  /** {@code digits} (an optional minus, then digits) with a comma between each group of three. */
  private static String grouped(String digits) {
    int start = digits.startsWith("-") ? 1 : 0;
    int length = digits.length() - start;
    if (length <= 3) {
      return digits;
    }
    StringBuilder out = new StringBuilder(digits.length() + length / 3);
    out.append(digits, 0, start);
    int first = length % 3 == 0 ? 3 : length % 3;
    out.append(digits, start, start + first);
    for (int i = start + first; i < digits.length(); i += 3) {
      out.append(',').append(digits, i, i + 3);
    }
    return out.toString();
  }

  /** The word for {@code unit} after a number: BARREL is "bbl", CONTAINERS "containers". */
  public static String unitWord(String unit) {
    if (unit == null) {
      return "";
    }
    return switch (unit) {
      case "BARREL" -> "bbl";
      case "METRIC_TON" -> "t";
      case "KILOLITRE" -> "kl";
      case "LITRE" -> "l";
      default -> unit.toLowerCase(Locale.ROOT);
    };
  }

  /** An amount and its unit: "20,400 containers", "1 battery". */
  public static String of(double value, String unit) {
    String word = value == 1 ? singular(unitWord(unit)) : unitWord(unit);
    return word.isEmpty() ? number(value) : number(value) + " " + word;
  }

  private static String singular(String word) {
    if (word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
  }
}
