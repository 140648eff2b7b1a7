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
  RULE_RECHECK_INTERVAL(MonitorSettings.RULE_RECHECK_INTERVAL),
  COMMIT_INTERVAL(MonitorSettings.COMMIT_INTERVAL);

  private final String key;
  private final String defaultValue;
  private final Function<String, String> check;
  private final String doc;
  private final boolean monitorSetting;

  AppSetting(String monitorKey) {
    this.key = monitorKey;
    this.defaultValue = MonitorSettings.defaultValue(monitorKey);
    this.check = value -> MonitorSettings.problem(monitorKey, value).orElse(null);
    this.doc = MonitorSettings.doc(monitorKey);
    this.monitorSetting = true;
  }

  AppSetting(String key, String defaultValue, Function<String, String> check, String doc) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.check = check;
    this.doc = doc;
    this.monitorSetting = false;
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
    return "'" + value + "' is not an http(s):// URL";
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
