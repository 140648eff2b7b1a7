package io.transfermonitor.cli.settings;

import io.transfermonitor.streams.app.StreamsProperties;
import io.transfermonitor.streams.config.MonitorSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every application setting ({@code tm.*} in a file, {@code TM_*} in the environment: {@code
 * TM_TOPIC_PREFIX} is {@code tm.topic.prefix}, {@code TM_AIS_DARK_LOOK_AHEAD_NM} is {@code
 * tm.ais.dark.look-ahead-nm}), with its default and its check; unknown {@code tm.*} keys in a file
 * are refused so typos do not pass silently. The CLI's own settings (registry, topic layout for
 * {@code topics create}, state directory, HTTP) are the constants here; the monitor's are every key
 * of {@link MonitorSettings}, taken with default, check and documentation from there, so a setting
 * the monitor defines is one the CLI accepts.
 */
public final class AppSetting {
  public static final AppSetting SCHEMA_REGISTRY_URL =
      new AppSetting(
          "tm.schema.registry.url",
          null,
          AppSetting::checkUrl,
          "Schema registry URL (Confluent REST API); http(s)://..., or mock://scope in tests.");
  public static final AppSetting TOPIC_PARTITIONS =
      new AppSetting(
          "tm.topic.partitions",
          "3",
          v -> checkInt(v, 1),
          "Partitions per topic for topics create.");
  public static final AppSetting TOPIC_REPLICATION_FACTOR =
      new AppSetting(
          "tm.topic.replication.factor",
          "-1",
          AppSetting::checkReplication,
          "Replicas per partition for topics create; -1 = the broker's default.");
  public static final AppSetting STATE_DIR =
      new AppSetting(
          "tm.state.dir",
          StreamsProperties.DEFAULT_STATE_DIR.toString(),
          AppSetting::checkPath,
          "Directory for Kafka Streams state stores.");
  public static final AppSetting HTTP_BIND =
      new AppSetting(
          "tm.http.bind",
          "127.0.0.1",
          AppSetting::checkHost,
          "Address the dashboard and the metrics endpoint listen on; 0.0.0.0 = every interface.");
  public static final AppSetting DASHBOARD_ADVERTISED_HOST =
      new AppSetting(
          "tm.dashboard.advertised.host",
          null,
          AppSetting::checkHost,
          "Host name other monitor instances reach this one's dashboard at (its"
              + " application.server); default: tm.http.bind, or this machine's name when that is"
              + " 0.0.0.0.");
  public static final AppSetting REGISTRY_BASIC_AUTH_USER_INFO =
      secret(
          "tm.schema.registry.basic.auth.user.info",
          AppSetting::checkUserInfo,
          "user:password for a registry behind HTTP basic auth.");
  public static final AppSetting REGISTRY_BEARER_AUTH_TOKEN =
      secret(
          "tm.schema.registry.bearer.auth.token",
          AppSetting::checkPresent,
          "Bearer token for a registry behind token authentication.");
  public static final AppSetting REGISTRY_TRUSTSTORE_LOCATION =
      new AppSetting(
          "tm.schema.registry.ssl.truststore.location",
          null,
          AppSetting::checkPath,
          "Certificates the registry client trusts (https); else the JDK's CAs.");
  public static final AppSetting REGISTRY_TRUSTSTORE_TYPE =
      new AppSetting(
          "tm.schema.registry.ssl.truststore.type",
          "PKCS12",
          v -> checkOneOf(v, "PKCS12", "JKS", "PEM"),
          "PKCS12, JKS or PEM.");
  public static final AppSetting REGISTRY_TRUSTSTORE_PASSWORD =
      secret(
          "tm.schema.registry.ssl.truststore.password",
          AppSetting::checkPresent,
          "Password of the registry truststore, if it has one.");
  public static final AppSetting REGISTRY_KEYSTORE_LOCATION =
      new AppSetting(
          "tm.schema.registry.ssl.keystore.location",
          null,
          AppSetting::checkPath,
          "Client certificate and key, for a registry that asks for one.");
  public static final AppSetting REGISTRY_KEYSTORE_TYPE =
      new AppSetting(
          "tm.schema.registry.ssl.keystore.type",
          "PKCS12",
          v -> checkOneOf(v, "PKCS12", "JKS"),
          "PKCS12 or JKS.");
  public static final AppSetting REGISTRY_KEYSTORE_PASSWORD =
      secret(
          "tm.schema.registry.ssl.keystore.password",
          AppSetting::checkPresent,
          "Password of the registry keystore.");
  public static final AppSetting REGISTRY_KEY_PASSWORD =
      secret(
          "tm.schema.registry.ssl.key.password",
          AppSetting::checkPresent,
          "Password of the key in the registry keystore; else the keystore's.");

  /** Every setting: the CLI's own, then the monitor's in {@link MonitorSettings}' order. */
  private static final List<AppSetting> ALL = all();

  private static final Map<String, AppSetting> BY_KEY = index(AppSetting::key);
  private static final Map<String, AppSetting> BY_ENV_NAME = index(AppSetting::envName);

  /** Where the registry client's own keys start: the rest is Confluent's serde key. */
  static final String REGISTRY_PREFIX = "tm.schema.registry.";

  private final String key;
  private final String defaultValue;
  private final Function<String, String> check;
  private final String doc;
  private final boolean secret;
  private final boolean monitorSetting;

  private AppSetting(String key, String defaultValue, Function<String, String> check, String doc) {
    this(key, defaultValue, check, doc, false, false);
  }

  private AppSetting(
      String key,
      String defaultValue,
      Function<String, String> check,
      String doc,
      boolean secret,
      boolean monitorSetting) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.check = check;
    this.doc = doc;
    this.secret = secret;
    this.monitorSetting = monitorSetting;
  }

  /** A secret: no default, and never shown (its check must not repeat the value either). */
  private static AppSetting secret(String key, Function<String, String> check, String doc) {
    return new AppSetting(key, null, check, doc, true, false);
  }

  /** One of the monitor's settings, as {@link MonitorSettings} defines it. */
  private static AppSetting monitor(String key) {
    return new AppSetting(
        key,
        MonitorSettings.defaultValue(key),
        value -> MonitorSettings.problem(key, value).orElse(null),
        MonitorSettings.doc(key),
        false,
        true);
  }

  private static List<AppSetting> all() {
    List<AppSetting> all =
        new ArrayList<>(
            List.of(
                SCHEMA_REGISTRY_URL,
                TOPIC_PARTITIONS,
                TOPIC_REPLICATION_FACTOR,
                STATE_DIR,
                HTTP_BIND,
                DASHBOARD_ADVERTISED_HOST,
                REGISTRY_BASIC_AUTH_USER_INFO,
                REGISTRY_BEARER_AUTH_TOKEN,
                REGISTRY_TRUSTSTORE_LOCATION,
                REGISTRY_TRUSTSTORE_TYPE,
                REGISTRY_TRUSTSTORE_PASSWORD,
                REGISTRY_KEYSTORE_LOCATION,
                REGISTRY_KEYSTORE_TYPE,
                REGISTRY_KEYSTORE_PASSWORD,
                REGISTRY_KEY_PASSWORD));
    MonitorSettings.keys().forEach(key -> all.add(monitor(key)));
    return List.copyOf(all);
  }

  private static Map<String, AppSetting> index(Function<AppSetting, String> name) {
    Map<String, AppSetting> index = new LinkedHashMap<>();
    for (AppSetting setting : ALL) {
      AppSetting clash = index.put(name.apply(setting), setting);
      if (clash != null) {
        // two keys one environment variable: TM_* could not say which
        throw new IllegalStateException(
            clash.key + " and " + setting.key + " are both " + name.apply(setting));
      }
    }
    return Map.copyOf(index);
  }

  /** Every setting: the CLI's own, then the monitor's. */
  public static List<AppSetting> values() {
    return ALL;
  }

  /** The setting of a key the monitor defines ({@link MonitorSettings#keys()}). */
  public static AppSetting monitorSetting(String key) {
    AppSetting setting = BY_KEY.get(key);
    if (setting == null || !setting.monitorSetting) {
      throw new IllegalArgumentException("not a monitor setting: " + key);
    }
    return setting;
  }

  /** Whether the value is a password or token, never to be printed or logged. */
  public boolean secret() {
    return secret;
  }

  /**
   * The key the registry client (and Confluent's serdes) know this setting by, e.g. {@code
   * basic.auth.user.info} or {@code schema.registry.ssl.truststore.location}; empty for settings
   * that are not the registry client's.
   */
  Optional<String> registryClientKey() {
    if (this == SCHEMA_REGISTRY_URL || !key.startsWith(REGISTRY_PREFIX)) {
      return Optional.empty();
    }
    String rest = key.substring(REGISTRY_PREFIX.length());
    return Optional.of(rest.startsWith("ssl.") ? "schema.registry." + rest : rest);
  }

  /** The key as written in a file, e.g. {@code tm.topic.prefix}. */
  public String key() {
    return key;
  }

  /**
   * The environment variable, e.g. {@code TM_TOPIC_PREFIX}, {@code TM_AIS_TRACK_MAX_KNOTS}: the key
   * in capitals, its dots and dashes as underscores.
   */
  public String envName() {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The default, or null when unset by default. */
  public String defaultValue() {
    return defaultValue;
  }

  public String doc() {
    return doc;
  }

  /** Whether this is one of the monitor's own settings ({@link MonitorSettings}). */
  public boolean isMonitorSetting() {
    return monitorSetting;
  }

  /** Null when {@code value} is acceptable, else what is wrong with it. */
  public String problem(String value) {
    return check.apply(value);
  }

  public static Optional<AppSetting> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The setting an environment variable sets, e.g. {@code TM_AIS_DARK_GAP}. */
  public static Optional<AppSetting> byEnvName(String name) {
    return Optional.ofNullable(BY_ENV_NAME.get(name));
  }

  /** The key, e.g. {@code tm.topic.prefix}. */
  @Override
  public String toString() {
    return key;
  }

  private static String checkUserInfo(String value) {
    return value.indexOf(':') > 0 ? null : "expected user:password (the value is not shown)";
  }

  private static String checkPresent(String value) {
    return value.isBlank() ? "a value is required" : null;
  }

  private static String checkOneOf(String value, String... allowed) {
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value.trim())) {
        return null;
      }
    }
    return "'" + value + "' must be one of " + String.join(", ", allowed);
  }

  private static String checkUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if ("mock".equals(scheme)) {
        return null;
      }
      if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
        return null;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    return "'" + Redaction.url(value) + "' is not an http(s):// URL";
  }

  private static String checkInt(String value, int min) {
    try {
      int n = Integer.parseInt(value.trim());
      return n >= min ? null : "'" + value + "' must be at least " + min;
    } catch (NumberFormatException e) {
      return "'" + value + "' is not a whole number";
    }
  }

  private static String checkReplication(String value) {
    if (value.trim().equals("-1")) {
      return null;
    }
    String problem = checkInt(value, 1);
    return problem == null ? null : "'" + value + "' must be -1 (broker default) or at least 1";
  }

  private static String checkHost(String value) {
    return value.isBlank() || value.contains(":") || value.contains("/") || value.contains(" ")
        ? "'" + value + "' is not a host name or IPv4 address"
        : null;
  }

  private static String checkPath(String value) {
    try {
      Path.of(value);
      return value.isBlank() ? "a directory is required" : null;
    } catch (InvalidPathException e) {
      return "'" + value + "' is not a path: " + e.getReason();
    }
  }
}
