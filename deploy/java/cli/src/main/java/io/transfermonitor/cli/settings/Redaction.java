package io.transfermonitor.cli.settings;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps configured secrets out of what the command prints: every password, token and credential of
 * the settings, wherever it turns up in a message (an exception can quote a value it was given), is
 * shown as {@value #HIDDEN}.
 */
public final class Redaction {

  public static final String HIDDEN = "[hidden]";

  /** Kafka client keys whose values are secrets (Kafka's own Password-typed keys and the like). */
  private static final Pattern SECRET_KEY =
      Pattern.compile("(password|secret|token|jaas\\.config|user\\.info|credentials)");

  private static final Pattern JAAS_PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");

  private final List<String> secrets;

  private Redaction(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * The secrets among Kafka client properties, the values of secret application settings, and the
   * passwords in URLs (user info).
   */
  public static Redaction of(
      Map<String, String> kafka, Collection<String> secretValues, Collection<String> urls) {
    List<String> secrets = new ArrayList<>();
    kafka.forEach(
        (key, value) -> {
          if (SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find()) {
            addSecret(value, secrets);
          }
        });
    secretValues.forEach(value -> addSecret(value, secrets));
    urls.forEach(url -> urlPassword(url).ifPresent(secrets::add));
    // the longest first, so a secret containing another is hidden whole
    secrets.sort((a, b) -> b.length() - a.length());
    return new Redaction(List.copyOf(secrets));
  }

  /** No secrets known (before the settings are parsed). */
  public static Redaction none() {
    return new Redaction(List.of());
  }

  /** {@code text} with every known secret replaced by {@value #HIDDEN}. */
  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, HIDDEN);
    }
    return result;
  }

  /** The secret values, for checks. */
  public Collection<String> secrets() {
    return secrets;
  }

  /** A URL with the password of its user info (if any) hidden: {@code https://u:[hidden]@h}. */
  public static String url(String url) {
    return urlPassword(url).map(p -> url.replace(":" + p + "@", ":" + HIDDEN + "@")).orElse(url);
  }

  private static void addSecret(String value, List<String> secrets) {
    if (value == null || value.isBlank()) {
      return;
    }
    Matcher jaas = JAAS_PASSWORD.matcher(value);
    boolean found = false;
    while (jaas.find()) {
      if (!jaas.group(1).isEmpty()) {
        secrets.add(jaas.group(1));
        found = true;
      }
    }
    int colon = value.indexOf(':');
    if (!found && colon > 0 && !value.contains(" ")) {
      secrets.add(value.substring(colon + 1)); // user:password
    }
    secrets.add(value.strip());
  }

  private static Optional<String> urlPassword(String url) {
    try {
      String info = URI.create(url.strip()).getRawUserInfo();
      int colon = info == null ? -1 : info.indexOf(':');
      return colon < 0 || colon == info.length() - 1
          ? Optional.empty()
          : Optional.of(info.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
