package io.transfermonitor.cli;

import io.transfermonitor.streams.app.StreamsProperties;
import io.transfermonitor.streams.config.MonitorSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every application setting ({@code tm.*} in a file, {@code TM_*} in the environment: {@code
 * TM_TOPIC_PREFIX} is {@code tm.topic.prefix}), with its default and its check. Add a constant to
 * add a setting; unknown {@code tm.*} keys in a file are refused so typos do not pass silently. The
 * monitor's own settings take key, default, check and documentation from {@link MonitorSettings},
 * where their defaults live.
 */
public enum AppSetting {
  SCHEMA_REGISTRY_URL(
      "tm.schema.registry.url",
      null,
      AppSetting::checkUrl,
      "Schema registry URL (Confluent REST API); http(s)://..., or mock://scope in tests."),
  TOPIC_PREFIX(MonitorSettings.TOPIC_PREFIX),
  NOTIFICATIONS_TOPIC(MonitorSettings.NOTIFICATIONS_TOPIC),
  TOPIC_PARTITIONS(
      "tm.topic.partitions", "3", v -> checkInt(v, 1), "Partitions per topic for topics create."),
  TOPIC_REPLICATION_FACTOR(
      "tm.topic.replication.factor",
      "-1",
      AppSetting::checkReplication,
      "Replicas per partition for topics create; -1 = the broker's default."),
  APPLICATION_ID(MonitorSettings.APPLICATION_ID),
  STATE_DIR(
      "tm.state.dir",
      StreamsProperties.DEFAULT_STATE_DIR.toString(),
      AppSetting::checkPath,
      "Directory for Kafka Streams state stores."),
  HTTP_BIND(
      "tm.http.bind",
      "127.0.0.1",
      AppSetting::checkHost,
      "Address the dashboard and the metrics endpoint listen on; 0.0.0.0 = every interface."),
  DASHBOARD_ADVERTISED_HOST(
      "tm.dashboard.advertised.host",
      null,
      AppSetting::checkHost,
      "Host name other monitor instances reach this one's dashboard at (its application.server);"
          + " default: tm.http.bind, or this machine's name when that is 0.0.0.0."),
  DEDUP_RETENTION(MonitorSettings.DEDUP_RETENTION),
  BARRELS_PER_TON(MonitorSettings.BARRELS_PER_TON),
  BARRELS_PER_KILOLITRE(MonitorSettings.BARRELS_PER_KILOLITRE),
  MAX_FUTURE_SKEW(MonitorSettings.MAX_FUTURE_SKEW),
  EARLIEST_EVENT_TIME(MonitorSettings.EARLIEST_EVENT_TIME),
  MAX_QUANTITY(MonitorSettings.MAX_QUANTITY),
  MAX_AMOUNT(MonitorSettings.MAX_AMOUNT),
  MAX_TEXT_BYTES(MonitorSettings.MAX_TEXT_BYTES),
  RULE_RECHECK_INTERVAL(MonitorSettings.RULE_RECHECK_INTERVAL),
  COMMIT_INTERVAL(MonitorSettings.COMMIT_INTERVAL),
  INSTANCE_ID(MonitorSettings.INSTANCE_ID),
  SCREENING_THRESHOLD(MonitorSettings.SCREENING_THRESHOLD),
  NEAR_MISS_THRESHOLD(MonitorSettings.NEAR_MISS_THRESHOLD),
  SCREENING_LOOKBACK(MonitorSettings.SCREENING_LOOKBACK),
  RESCREEN_INTERVAL(MonitorSettings.RESCREEN_INTERVAL),
  CASE_QUIET_INTERVAL(MonitorSettings.CASE_QUIET_INTERVAL),
  CASE_PARTITIONS(MonitorSettings.CASE_PARTITIONS),
  CORROBORATION_WINDOW(MonitorSettings.CORROBORATION_WINDOW),
  CORROBORATION_SAME_PORT(MonitorSettings.CORROBORATION_SAME_PORT),
  AIS_ENABLED(MonitorSettings.AIS_ENABLED),
  AIS_GAZETTEER_FILES(MonitorSettings.AIS_GAZETTEER_FILES),
  AIS_LADEN_FRACTION(MonitorSettings.AIS_LADEN_FRACTION),
  REGISTRY_BASIC_AUTH_USER_INFO(
      "tm.schema.registry.basic.auth.user.info",
      AppSetting::checkUserInfo,
      "user:password for a registry behind HTTP basic auth."),
  REGISTRY_BEARER_AUTH_TOKEN(
      "tm.schema.registry.bearer.auth.token",
      AppSetting::checkPresent,
      "Bearer token for a registry behind token authentication."),
  REGISTRY_TRUSTSTORE_LOCATION(
      "tm.schema.registry.ssl.truststore.location",
      null,
      AppSetting::checkPath,
      "Certificates the registry client trusts (https); else the JDK's CAs."),
  REGISTRY_TRUSTSTORE_TYPE(
      "tm.schema.registry.ssl.truststore.type",
      "PKCS12",
      v -> checkOneOf(v, "PKCS12", "JKS", "PEM"),
      "PKCS12, JKS or PEM."),
  REGISTRY_TRUSTSTORE_PASSWORD(
      "tm.schema.registry.ssl.truststore.password",
      AppSetting::checkPresent,
      "Password of the registry truststore, if it has one."),
  REGISTRY_KEYSTORE_LOCATION(
      "tm.schema.registry.ssl.keystore.location",
      null,
      AppSetting::checkPath,
      "Client certificate and key, for a registry that asks for one."),
  REGISTRY_KEYSTORE_TYPE(
      "tm.schema.registry.ssl.keystore.type",
      "PKCS12",
      v -> checkOneOf(v, "PKCS12", "JKS"),
      "PKCS12 or JKS."),
  REGISTRY_KEYSTORE_PASSWORD(
      "tm.schema.registry.ssl.keystore.password",
      AppSetting::checkPresent,
      "Password of the registry keystore."),
  REGISTRY_KEY_PASSWORD(
      "tm.schema.registry.ssl.key.password",
      AppSetting::checkPresent,
      "Password of the key in the registry keystore; else the keystore's.");

  /** Where the registry client's own keys start: the rest is Confluent's serde key. */
  static final String REGISTRY_PREFIX = "tm.schema.registry.";

  private final String key;
  private final String defaultValue;
  private final Function<String, String> check;
  private final String doc;
  private final boolean secret;
  private final boolean monitorSetting;

  AppSetting(String monitorKey) {
    this.key = monitorKey;
    this.defaultValue = MonitorSettings.defaultValue(monitorKey);
    this.check = value -> MonitorSettings.problem(monitorKey, value).orElse(null);
    this.doc = MonitorSettings.doc(monitorKey);
    this.monitorSetting = true;
    this.secret = false;
  }

  AppSetting(String key, String defaultValue, Function<String, String> check, String doc) {
    this(key, defaultValue, check, doc, false);
  }

  /** A secret: no default, and never shown (its check must not repeat the value either). */
  AppSetting(String key, Function<String, String> check, String doc) {
    this(key, null, check, doc, true);
  }

  AppSetting(
      String key, String defaultValue, Function<String, String> check, String doc, boolean secret) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.check = check;
    this.doc = doc;
    this.secret = secret;
    this.monitorSetting = false;
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

  /** The environment variable, e.g. {@code TM_TOPIC_PREFIX}. */
  public String envName() {
    return key.toUpperCase(Locale.ROOT).replace('.', '_');
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
  String problem(String value) {
    return check.apply(value);
  }

  static Optional<AppSetting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
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
