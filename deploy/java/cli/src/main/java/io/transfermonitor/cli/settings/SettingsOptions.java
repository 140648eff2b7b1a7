package io.transfermonitor.cli.settings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a cluster shares: {@code --config}, {@code
 * --bootstrap-servers}, {@code --schema-registry-url}. Mix into a command with {@code @Mixin} and
 * call {@link #settings()}, which parses (once) file, environment and these options.
 */
public class SettingsOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Settings file (.properties or .yaml): kafka.<client property> and tm.<setting> keys.")
  Path config;

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka brokers (else kafka.bootstrap.servers / KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      paramLabel = "URL",
      description = "Schema registry (else tm.schema.registry.url / TM_SCHEMA_REGISTRY_URL).")
  String schemaRegistryUrl;

  private final Map<String, String> extra = new LinkedHashMap<>();
  private Map<String, String> env = System.getenv();
  private Settings parsed;

  /** A further setting given by a command's own option (e.g. {@code --partitions}). */
  public SettingsOptions override(String key, String value) {
    if (value != null) {
      extra.put(key, value);
      parsed = null;
    }
    return this;
  }

  /** Uses {@code env} instead of the process environment (tests). */
  public SettingsOptions environment(Map<String, String> env) {
    this.env = Map.copyOf(env);
    parsed = null;
    return this;
  }

  /** The settings if {@link #settings()} has parsed them already (for error reports). */
  public synchronized Optional<Settings> parsed() {
    return Optional.ofNullable(parsed);
  }

  /** The parsed, validated settings. */
  public synchronized Settings settings() {
    if (parsed == null) {
      Map<String, String> options = new LinkedHashMap<>();
      options.put("kafka.bootstrap.servers", bootstrapServers);
      options.put("tm.schema.registry.url", schemaRegistryUrl);
      options.putAll(extra);
      parsed = SettingsParser.parse(Optional.ofNullable(config), env, options);
    }
    return parsed;
  }
}
