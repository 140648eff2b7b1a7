package io.transfermonitor.cli.settings;

import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.config.MonitorSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of one run, parsed once by {@link SettingsParser} and validated: Kafka client
 * properties passed through as given ({@code kafka.*} in a file, {@code KAFKA_*} in the
 * environment) and the application's own {@link AppSetting}s ({@code tm.*}, {@code TM_*}).
 * Immutable. {@link #toString()} hides every secret.
 *
 * @param kafka Kafka client properties, e.g. {@code bootstrap.servers}, {@code security.protocol}
 * @param app every application setting with a value (defaults filled in)
 */
public record Settings(Map<String, String> kafka, Map<AppSetting, String> app) {

  private static final Pattern JAAS_USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

  public Settings {
    kafka = Map.copyOf(new TreeMap<>(kafka));
    // in the order of AppSetting.values(), so the settings print alike whatever order they came in
    Map<AppSetting, String> copy = new LinkedHashMap<>();
    for (AppSetting setting : AppSetting.values()) {
      if (app.containsKey(setting)) {
        copy.put(setting, app.get(setting));
      }
    }
    app = Collections.unmodifiableMap(copy);
  }

  /** {@code bootstrap.servers}, if configured. */
  public Optional<String> bootstrapServers() {
    return Optional.ofNullable(kafka.get("bootstrap.servers"));
  }

  /**
   * Properties for a Kafka client: every configured {@code kafka.*} setting, with {@code
   * bootstrap.servers} set to {@code fallbackBootstrap} when none is configured.
   */
  public Map<String, Object> kafkaClientProperties(String fallbackBootstrap) {
    Map<String, Object> props = new HashMap<>(kafka);
    props.putIfAbsent("bootstrap.servers", fallbackBootstrap);
    return props;
  }

  /**
   * Properties for the Avro serdes' registry client under Confluent's keys: {@code
   * schema.registry.url} ({@code fallbackUrl} when none is configured), and whatever of {@code
   * basic.auth.user.info}, {@code bearer.auth.token} and {@code schema.registry.ssl.*} the {@code
   * tm.schema.registry.*} settings give.
   */
  public Map<String, Object> registryClientProperties(String fallbackUrl) {
    Map<String, Object> props = new HashMap<>();
    props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl().orElse(fallbackUrl));
    app.forEach(
        (setting, value) -> setting.registryClientKey().ifPresent(k -> props.put(k, value)));
    return props;
  }

  /** {@link #kafkaClientProperties} and {@link #registryClientProperties} together. */
  public Map<String, Object> clientProperties(String fallbackBootstrap, String fallbackRegistry) {
    Map<String, Object> props = kafkaClientProperties(fallbackBootstrap);
    props.putAll(registryClientProperties(fallbackRegistry));
    return props;
  }

  /** {@code tm.schema.registry.url}, if configured. */
  public Optional<String> schemaRegistryUrl() {
    return Optional.ofNullable(app.get(AppSetting.SCHEMA_REGISTRY_URL));
  }

  /**
   * The user the Kafka settings log in as ({@code username} of {@code sasl.jaas.config}), if any.
   */
  public Optional<String> kafkaUser() {
    Matcher user = JAAS_USERNAME.matcher(kafka.getOrDefault("sasl.jaas.config", ""));
    return user.find() ? Optional.of(user.group(1)) : Optional.empty();
  }

  /** Hides every configured password, token and credential in a text. */
  public Redaction redaction() {
    List<String> secrets = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    app.forEach(
        (setting, value) -> {
          if (setting.secret()) {
            secrets.add(value);
          } else if (setting == AppSetting.SCHEMA_REGISTRY_URL) {
            urls.add(value);
          }
        });
    return Redaction.of(kafka, secrets, urls);
  }

  /** The value of {@code setting} (its default when not configured; null if it has none). */
  public String get(AppSetting setting) {
    return app.get(setting);
  }

  /**
   * Topic names under {@code tm.topic.prefix}, the notifications' {@code tm.topic.notifications}
   * when set: the monitor's own, so {@code topics create} and {@code acls apply} cover what it
   * writes.
   */
  public Topics topics() {
    return monitorConfig().topics();
  }

  /**
   * Layout for {@code topics create}: {@code tm.topic.partitions}, {@code ...replication.factor}.
   */
  public TopicLayout topicLayout() {
    return TopicLayout.defaults()
        .withPartitions(Integer.parseInt(get(AppSetting.TOPIC_PARTITIONS).trim()))
        .withReplicationFactor(Short.parseShort(get(AppSetting.TOPIC_REPLICATION_FACTOR).trim()));
  }

  /** The monitor's configuration: its {@code tm.*} settings, defaults for the rest. */
  public MonitorConfig monitorConfig() {
    Map<String, String> monitor = new HashMap<>();
    app.forEach(
        (setting, value) -> {
          if (setting.isMonitorSetting()) {
            monitor.put(setting.key(), value);
          }
        });
    return MonitorSettings.parse(monitor);
  }

  /** {@code tm.application.id}. */
  public String applicationId() {
    return get(AppSetting.monitorSetting(MonitorSettings.APPLICATION_ID));
  }

  /** {@code tm.state.dir}. */
  public Path stateDir() {
    return Path.of(get(AppSetting.STATE_DIR));
  }

  /** The settings with every password, token and credential hidden. */
  @Override
  public String toString() {
    return redaction().apply("Settings[kafka=" + kafka + ", app=" + app + "]");
  }
}
