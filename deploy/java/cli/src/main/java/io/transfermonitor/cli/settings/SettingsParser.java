package io.transfermonitor.cli.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.transfermonitor.streams.config.MonitorSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the places settings come from into one validated {@link Settings}. Later sources win:
 * defaults, then the file ({@code --config}, {@code .properties} or {@code .yaml}/{@code .yml}),
 * then the environment ({@code KAFKA_*} to the clients, {@code TM_*} to the application), then
 * command-line options. A bad value or an unknown key in the file stops with a {@link
 * SettingsException} naming the key as the user wrote it.
 *
 * <p>File keys: {@code kafka.<client property>} (e.g. {@code kafka.bootstrap.servers}) and {@code
 * tm.<setting>} (see {@link AppSetting}); in YAML the same keys may be nested ({@code kafka:
 * {bootstrap.servers: ...}}).
 */
public final class SettingsParser {

  private static final String KAFKA_PREFIX = "kafka.";
  private static final String KAFKA_ENV = "KAFKA_";
  private static final String TM_ENV = "TM_";

  /** {@code TM_*} variables of the project's other tools (launcher, test kit), not settings. */
  private static final Set<String> TM_ENV_NOT_SETTINGS = Set.of("TM_JAVA_OPTS", "TM_TESTKIT_STACK");

  /** Variables of Kafka's own scripts and images, not client properties. */
  private static final Set<String> KAFKA_ENV_NOT_CLIENT =
      Set.of(
          "KAFKA_OPTS",
          "KAFKA_HEAP_OPTS",
          "KAFKA_JVM_PERFORMANCE_OPTS",
          "KAFKA_LOG4J_OPTS",
          "KAFKA_JMX_OPTS",
          "KAFKA_GC_LOG_OPTS",
          "KAFKA_HOME",
          "KAFKA_DEBUG",
          "KAFKA_VERSION");

  private SettingsParser() {}

  /**
   * Parses and validates.
   *
   * @param file the {@code --config} file, if any
   * @param env the environment (only {@code KAFKA_*} and {@code TM_*} are read)
   * @param options settings given as command-line options: key ({@code kafka.bootstrap.servers} or
   *     {@code tm.*}) to value, in a map whose iteration order is kept; the option name is used in
   *     messages ({@code --bootstrap-servers}, {@code --schema-registry-url})
   */
  public static Settings parse(
      Optional<Path> file, Map<String, String> env, Map<String, String> options) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    file.ifPresent(f -> readFile(f, values, origins));
    readEnv(env, values, origins);
    options.forEach(
        (key, value) -> {
          if (value != null) {
            put(key, value, optionName(key), values, origins);
          }
        });
    return validate(values, origins);
  }

  private static String optionName(String key) {
    return switch (key) {
      case "kafka.bootstrap.servers" -> "--bootstrap-servers";
      case "tm.schema.registry.url" -> "--schema-registry-url";
      case "tm.topic.partitions" -> "--partitions";
      case "tm.topic.replication.factor" -> "--replication-factor";
      default -> key;
    };
  }

  private static void put(
      String key,
      String value,
      String origin,
      Map<String, String> values,
      Map<String, String> origins) {
    values.put(key, value);
    origins.put(key, origin);
  }

  private static void readEnv(
      Map<String, String> env, Map<String, String> values, Map<String, String> origins) {
    new TreeMap<>(env)
        .forEach(
            (name, value) -> {
              if (name.startsWith(KAFKA_ENV) && !KAFKA_ENV_NOT_CLIENT.contains(name)) {
                String property = name.substring(KAFKA_ENV.length()).toLowerCase(Locale.ROOT);
                put(KAFKA_PREFIX + property.replace('_', '.'), value, name, values, origins);
              } else if (name.startsWith(TM_ENV) && !TM_ENV_NOT_SETTINGS.contains(name)) {
                AppSetting setting =
                    AppSetting.byEnvName(name)
                        .orElseThrow(
                            // a typo in the environment must not pass silently where one in a
                            // file does not
                            () ->
                                new SettingsException(
                                    name,
                                    "bad setting "
                                        + name
                                        + ": unknown variable; "
                                        + closest(name, AppSetting::envName)
                                        + "known TM_* settings are "
                                        + knownEnvNames()));
                put(setting.key(), value, name, values, origins);
              }
            });
  }

  private static void readFile(Path file, Map<String, String> values, Map<String, String> origins) {
    Map<String, String> read = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      throw new SettingsException("--config", "bad setting --config: no such file " + file);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (root != null && !root.isMissingNode() && !root.isNull()) {
          if (!root.isObject()) {
            throw new SettingsException(
                "--config", "bad setting --config: " + file + " must hold a map of settings");
          }
          flatten("", root, read);
        }
      } else {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          props.load(reader);
        }
        props.stringPropertyNames().stream()
            .sorted()
            .forEach(k -> read.put(k, props.getProperty(k)));
      }
    } catch (IOException e) {
      throw new SettingsException(
          "--config", "bad setting --config: cannot read " + file + ": " + oneLine(e.getMessage()));
    }
    read.forEach(
        (key, value) -> {
          String origin = key + " in " + file;
          if (!key.startsWith(KAFKA_PREFIX) && !key.startsWith("tm.")) {
            throw new SettingsException(
                key,
                "bad setting "
                    + origin
                    + ": unknown key; use kafka.<client property> or tm.<setting>");
          }
          put(key, value, origin, values, origins);
        });
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(
            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(),
            into);
      }
    } else if (node.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode item : node) {
        if (joined.length() > 0) {
          joined.append(',');
        }
        joined.append(item.asText());
      }
      into.put(prefix, joined.toString());
    } else if (!node.isNull()) {
      into.put(prefix, node.asText());
    }
  }

  private static Settings validate(Map<String, String> values, Map<String, String> origins) {
    Map<String, String> kafka = new LinkedHashMap<>();
    Map<AppSetting, String> app = new LinkedHashMap<>();
    for (AppSetting setting : AppSetting.values()) {
      if (setting.defaultValue() != null) {
        app.put(setting, setting.defaultValue());
      }
    }
    values.forEach(
        (key, value) -> {
          String origin = origins.get(key);
          if (key.startsWith(KAFKA_PREFIX)) {
            String property = key.substring(KAFKA_PREFIX.length());
            if (property.isEmpty()) {
              throw new SettingsException(
                  origin, "bad setting " + origin + ": no client property named");
            }
            if (property.equals("bootstrap.servers")) {
              checkBootstrap(origin, value);
            }
            kafka.put(property, value.trim());
          } else {
            AppSetting setting =
                AppSetting.byKey(key)
                    .orElseThrow(
                        () ->
                            new SettingsException(
                                origin,
                                "bad setting "
                                    + origin
                                    + ": unknown key; "
                                    + closest(key, AppSetting::key)
                                    + "known tm.* settings are "
                                    + knownKeys()));
            String problem = setting.problem(value.trim());
            if (problem != null) {
              throw new SettingsException(
                  origin, "bad setting " + describe(origin, key) + ": " + problem);
            }
            app.put(setting, value.trim());
          }
        });
    checkTogether(app, origins);
    return new Settings(kafka, app);
  }

  /** The monitor's settings, each acceptable alone, must fit each other. */
  private static void checkTogether(Map<AppSetting, String> app, Map<String, String> origins) {
    Map<String, String> monitor = new LinkedHashMap<>();
    app.forEach(
        (setting, value) -> {
          if (setting.isMonitorSetting()) {
            monitor.put(setting.key(), value);
          }
        });
    MonitorSettings.conflict(monitor)
        .ifPresent(
            c -> {
              String origin = origins.getOrDefault(c.key(), c.key() + " (default)");
              throw new SettingsException(
                  origin, "bad setting " + describe(origin, c.key()) + ": " + c.problem());
            });
  }

  private static void checkBootstrap(String origin, String value) {
    String trimmed = value.trim();
    boolean ok = !trimmed.isEmpty();
    for (String server : trimmed.split(",")) {
      String s = server.trim();
      int colon = s.lastIndexOf(':');
      if (colon <= 0 || !s.substring(colon + 1).matches("\\d{1,5}")) {
        ok = false;
        break;
      }
      int port = Integer.parseInt(s.substring(colon + 1));
      if (port < 1 || port > 65535) {
        ok = false;
        break;
      }
    }
    if (!ok) {
      throw new SettingsException(
          origin,
          "bad setting "
              + describe(origin, "kafka.bootstrap.servers")
              + ": '"
              + value
              + "' is not host:port[,host:port...]");
    }
  }

  private static String describe(String origin, String key) {
    return origin.startsWith(key) ? origin : origin + " (" + key + ")";
  }

  /**
   * "did you mean X? " for the name of a setting at most two edits from {@code written}, else
   * nothing: with some seventy settings, the list alone hides a typo's answer.
   */
  private static String closest(String written, Function<AppSetting, String> name) {
    String best = null;
    int bestDistance = 3;
    for (AppSetting s : AppSetting.values()) {
      int d = edits(written, name.apply(s));
      if (d < bestDistance) {
        best = name.apply(s);
        bestDistance = d;
      }
    }
    return best == null ? "" : "did you mean " + best + "? ";
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  private static int edits(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String knownKeys() {
    StringBuilder keys = new StringBuilder();
    for (AppSetting s : AppSetting.values()) {
      if (keys.length() > 0) {
        keys.append(", ");
      }
      keys.append(s.key());
    }
    return keys.toString();
  }

  private static String knownEnvNames() {
    StringBuilder names = new StringBuilder();
    for (AppSetting s : AppSetting.values()) {
      if (names.length() > 0) {
        names.append(", ");
      }
      names.append(s.envName());
    }
    return names.toString();
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
  }
}
