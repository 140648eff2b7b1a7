package io.transfermonitor.streams.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in settings: a whole number and a unit ({@code 100ms}, {@code 1s},
 * {@code 5m}, {@code 2h}, {@code 400d}) or ISO-8601 ({@code PT1S}, {@code P400D}).
 */
public final class DurationText {

  private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private DurationText() {}

  /**
   * The duration {@code text} says.
   *
   * @throws IllegalArgumentException naming the accepted forms when it says none
   */
  public static Duration parse(String text) {
    String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    Matcher m = AMOUNT.matcher(trimmed);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (e.g. 100ms, 1s, 5m, 2h, 400d or ISO-8601 PT1S)");
    }
  }

  /** The shortest of the forms {@link #parse} reads that says {@code duration} exactly. */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms % Duration.ofDays(1).toMillis() == 0) {
      return duration.toDays() + "d";
    }
    if (ms % Duration.ofHours(1).toMillis() == 0) {
      return duration.toHours() + "h";
    }
    if (ms % Duration.ofMinutes(1).toMillis() == 0) {
      return duration.toMinutes() + "m";
    }
    if (ms % 1000 == 0) {
      return duration.toSeconds() + "s";
    }
    return ms + "ms";
  }
}
