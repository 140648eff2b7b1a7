package io.transfermonitor.schemas.validation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a maker's name is compared with the names of the makers table: without case, accents,
 * punctuation or repeated spaces, so {@code "Example Maker US-A, Inc."} and {@code "EXAMPLE MAKER
 * US A INC"} are one name. Nothing else is guessed (a legal form such as "Inc." or "GmbH" is part
 * of the name): a name written otherwise is an alias in the table.
 */
public final class MakerName {

  private MakerName() {}

  /** The form names are compared in; empty when {@code name} holds no letter or digit. */
  public static String key(String name) {
    if (name == null) {
      return "";
    }
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    StringBuilder key = new StringBuilder(plain.length());
    boolean space = false;
    for (int i = 0; i < plain.length(); ) {
      int c = plain.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (space && key.length() > 0) {
          key.append(' ');
        }
        key.appendCodePoint(c);
        space = false;
      } else {
        space = true;
      }
    }
    return key.toString();
  }
}
