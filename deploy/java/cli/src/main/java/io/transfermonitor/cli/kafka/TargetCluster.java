package io.transfermonitor.cli.kafka;

import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.embedded.EmbeddedStack;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.TopicProvisioner;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The Kafka cluster and schema registry a command works against: the one the settings name
 * (bootstrap servers, registry URL and every {@code kafka.*} client property), or an embedded stack
 * started for the occasion (and stopped on {@link #close()}). Hands out the client properties every
 * producer, consumer, admin client and Kafka Streams instance of the command starts from.
 */
public final class TargetCluster implements AutoCloseable {

  private final String bootstrapServers;
  private final String schemaRegistryUrl;
  private final Map<String, Object> clientOverrides;
  private final EmbeddedStack embedded;

  private TargetCluster(
      String bootstrapServers,
      String schemaRegistryUrl,
      Map<String, Object> clientOverrides,
      EmbeddedStack embedded) {
    this.bootstrapServers = bootstrapServers;
    this.schemaRegistryUrl = schemaRegistryUrl;
    this.clientOverrides = clientOverrides;
    this.embedded = embedded;
  }

  /** The cluster named in {@code settings}; a registry URL is then required. */
  public static Optional<TargetCluster> named(Settings settings) {
    Optional<String> bootstrap = settings.bootstrapServers();
    if (bootstrap.isEmpty()) {
      return Optional.empty();
    }
    String registry =
        settings
            .schemaRegistryUrl()
            .orElseThrow(
                () ->
                    new SettingsException(
                        "--schema-registry-url",
                        "a schema registry URL is required with a cluster: --schema-registry-url,"
                            + " tm.schema.registry.url or TM_SCHEMA_REGISTRY_URL"));
    Map<String, Object> overrides = new HashMap<>(settings.kafka());
    overrides.putAll(settings.registryClientProperties(registry));
    return Optional.of(new TargetCluster(bootstrap.get(), registry, overrides, null));
  }

  /**
   * The local development stack ({@code transfer-monitor stack}, broker {@code 127.0.0.1:9092})
   * when no cluster is named and a broker answers there; empty when none does. Its registry is the
   * one the settings name, else the stack's {@code http://127.0.0.1:8081}.
   */
  public static Optional<TargetCluster> localStack(Settings settings) {
    if (settings.bootstrapServers().isPresent()) {
      return Optional.empty();
    }
    String bootstrap = LocalDefaults.BOOTSTRAP;
    Map<String, Object> overrides = new HashMap<>(settings.kafka());
    if (Reachability.kafkaProblem(bootstrap, overrides).isPresent()) {
      return Optional.empty();
    }
    String registry = LocalDefaults.registryUrl(settings);
    overrides.putAll(settings.registryClientProperties(registry));
    return Optional.of(new TargetCluster(bootstrap, registry, overrides, null));
  }

  /** An embedded broker and registry, started now; {@code out} hears where they listen. */
  public static TargetCluster embedded(EmbeddedStackConfig config, PrintWriter out) {
    long start = System.nanoTime();
    EmbeddedStack stack = EmbeddedStack.start(config);
    out.printf(
        "Embedded Kafka %s and schema registry %s ready in %.1f s (data in %s)%n",
        stack.bootstrapServers(),
        stack.schemaRegistryUrl(),
        (System.nanoTime() - start) / 1e9,
        stack.dataDir());
    out.flush();
    return new TargetCluster(stack.bootstrapServers(), stack.schemaRegistryUrl(), Map.of(), stack);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String schemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  /** Client properties: the configured overrides, the bootstrap servers and the registry URL. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new HashMap<>(clientOverrides);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    return props;
  }

  /** {@link #clientProperties()} as {@link Properties}, for Kafka Streams. */
  public Properties streamsProperties() {
    Properties props = new Properties();
    props.putAll(clientProperties());
    return props;
  }

  /** Creates every topic of {@code topics} that is missing; returns those it created. */
  public List<String> createTopics(Topics topics, TopicLayout layout) {
    try (Admin admin = Admin.create(clientProperties())) {
      return TopicProvisioner.createAll(admin, topics, layout).stream()
          .filter(TopicProvisioner.Outcome::created)
          .map(TopicProvisioner.Outcome::topic)
          .toList();
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
