package io.transfermonitor.producers.vessels;

/**
 * The check digit of an IMO ship identification number: seven digits, the last of which is the sum
 * of the first six multiplied by 7, 6, 5, 4, 3 and 2, modulo 10 (IMO 9074729: 9×7 + 0×6 + 7×5 + 4×4
 * + 7×3 + 2×2 = 139, check digit 9).
 */
public final class ImoNumber {

  private static final int[] WEIGHTS = {7, 6, 5, 4, 3, 2};

  private ImoNumber() {}

  /** True when {@code text} is exactly seven ASCII digits. */
  public static boolean isSevenDigits(String text) {
    if (text == null || text.length() != 7) {
      return false;
    }
    for (int i = 0; i < 7; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The check digit the first six digits of {@code imo} call for.
   *
   * @param imo seven digits ({@link #isSevenDigits})
   */
  public static int expectedCheckDigit(String imo) {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += (imo.charAt(i) - '0') * WEIGHTS[i];
    }
    return sum % 10;
  }

  /** True when the last digit of {@code imo} (seven digits) is its check digit. */
  public static boolean hasValidCheckDigit(String imo) {
    return imo.charAt(6) - '0' == expectedCheckDigit(imo);
  }
}
