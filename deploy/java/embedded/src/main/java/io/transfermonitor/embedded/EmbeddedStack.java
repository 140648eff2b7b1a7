package io.transfermonitor.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker and a schema registry in this JVM: what {@code transfer-monitor stack} runs and
 * what integration tests use when no Docker engine answers.
 *
 * <p>In: an {@link EmbeddedStackConfig}. Out: {@link #bootstrapServers()} for Kafka clients and
 * {@link #schemaRegistryUrl()} for the Avro serdes. Topics, records and schema ids live in the data
 * directory and survive a restart; {@link EmbeddedStackConfig#fresh()} starts empty. A secure stack
 * ({@link EmbeddedStackConfig#secure()}) also hands out its users and CA through {@link
 * #security()}.
 */
public final class EmbeddedStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);

  private static final String SECURITY_DIR = "security";

  private final EmbeddedKafkaBroker broker;
  private final DevSchemaRegistry registry;
  private final Path dataDir;
  private final StackSecurity security;

  private EmbeddedStack(
      EmbeddedKafkaBroker broker,
      DevSchemaRegistry registry,
      Path dataDir,
      StackSecurity security) {
    this.broker = broker;
    this.registry = registry;
    this.dataDir = dataDir;
    this.security = security;
  }

  /**
   * Starts the broker, then the registry on top of it. Returns once both answer.
   *
   * @throws PortUnavailableException if a configured port is taken
   */
  public static EmbeddedStack start(EmbeddedStackConfig config) {
    long started = System.nanoTime();
    Path dataDir = config.dataDir().toAbsolutePath().normalize();
    if (config.fresh()) {
      wipe(dataDir);
    }
    // check both ports before the broker spends seconds starting
    if (config.brokerPort() != 0) {
      LocalPorts.claim(config.brokerPort(), "Kafka broker", "choose another with --port");
    }
    if (config.registryPort() != 0) {
      LocalPorts.claim(
          config.registryPort(), "schema registry", "choose another with --registry-port");
    }
    StackSecurity security = security(dataDir, config.secure());
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), config.brokerPort(), security);
    DevSchemaRegistry registry;
    try {
      Map<String, Object> registryClient =
          security == null
              ? Map.of("bootstrap.servers", broker.bootstrapServers())
              : security.kafkaClientProperties(StackSecurity.SUPER_USER, broker.bootstrapServers());
      registry = DevSchemaRegistry.start(registryClient, config.registryPort(), security);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    log.info(
        "embedded {}stack ready in {} ms: Kafka {} registry {}",
        security == null ? "" : "secure ",
        (System.nanoTime() - started) / 1_000_000,
        broker.bootstrapServers(),
        registry.url());
    return new EmbeddedStack(broker, registry, dataDir, security);
  }

  /**
   * The secrets of a secure stack (made on its first start), or null for a plain one. A data
   * directory keeps the kind of stack it was first started as: the users live in the broker's
   * formatted metadata.
   */
  private static StackSecurity security(Path dataDir, boolean secure) {
    Path securityDir = dataDir.resolve(SECURITY_DIR);
    boolean formatted = Files.exists(dataDir.resolve("kafka").resolve("meta.properties"));
    boolean wasSecure = StackSecurity.existsIn(securityDir);
    if (formatted && secure && !wasSecure) {
      throw new IllegalArgumentException(
          dataDir
              + " holds a stack started without --secure; start it with --fresh to make it"
              + " secure, or choose another --data-dir");
    }
    if (formatted && !secure && wasSecure) {
      throw new IllegalArgumentException(
          dataDir + " holds a secure stack; start it with --secure, or with --fresh to start anew");
    }
    return secure ? StackSecurity.prepare(securityDir) : null;
  }

  /** {@code 127.0.0.1:<port>} of the broker. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** {@code http://127.0.0.1:<port>} of the schema registry ({@code https://} when secure). */
  public String schemaRegistryUrl() {
    return registry.url();
  }

  /** The users, passwords and CA of a secure stack; empty for a plain one. */
  public Optional<StackSecurity> security() {
    return Optional.ofNullable(security);
  }

  /** The absolute data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** Stops the registry, then the broker. Data stays in the data directory. */
  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      broker.close();
    }
  }

  /**
   * Empties a data directory for {@code --fresh}, refusing anything that does not look like one (so
   * {@code --data-dir . --fresh} cannot delete a working tree).
   */
  static void wipe(Path dataDir) {
    if (!Files.isDirectory(dataDir)) {
      return;
    }
    boolean ours =
        Files.exists(dataDir.resolve("kafka").resolve("meta.properties"))
            || Files.exists(
                dataDir.resolve("cluster").resolve("node-1").resolve("meta.properties"));
    boolean empty;
    try (var entries = Files.list(dataDir)) {
      empty = entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dataDir, e);
    }
    if (!ours && !empty) {
      throw new IllegalArgumentException(
          "refusing to wipe "
              + dataDir
              + " for --fresh: it is not empty and holds no transfer-monitor data (kafka/meta.properties)");
    }
    deleteRecursively(dataDir);
  }

  /** Deletes {@code dir} and everything in it; a missing directory is fine. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
