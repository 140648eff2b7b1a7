package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An identifier as it is compared: exactly, after the spelling differences that do not change it.
 * IMO numbers by their digits ({@code IMO 9173729} is {@code 9173729}); BICs in capitals, an
 * 11-character BIC ending in {@code XXX} (the head office) the same as its 8-character form;
 * passport, national id and UN reference numbers in capitals without spaces.
 *
 * @param scheme the numbering scheme
 * @param value the normalized value
 */
record IdentifierKey(IdentifierScheme scheme, String value) {

  // compiled once: every party of every event is looked up by its identifiers
  private static final Pattern NOT_DIGITS = Pattern.compile("\\D");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  static IdentifierKey of(Identifier id) {
    return of(id.getScheme(), id.getValue());
  }

  static IdentifierKey of(IdentifierScheme scheme, String raw) {
    String value = raw == null ? "" : raw.strip();
    String normalized =
        switch (scheme) {
          case IMO, MMSI -> NOT_DIGITS.matcher(value).replaceAll("");
          case BIC -> bic(value);
          default -> SPACES.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
        };
    return new IdentifierKey(scheme, normalized);
  }

  private static String bic(String value) {
    String bic = SPACES.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
    return bic.length() == 11 && bic.endsWith("XXX") ? bic.substring(0, 8) : bic;
  }

  boolean isEmpty() {
    return value.isEmpty();
  }
}
