package io.transfermonitor.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker and a schema registry in this JVM: what {@code transfer-monitor stack} runs and
 * what integration tests use when no Docker engine answers.
 *
 * <p>In: an {@link EmbeddedStackConfig}. Out: {@link #bootstrapServers()} for Kafka clients and
 * {@link #schemaRegistryUrl()} for the Avro serdes. Topics, records and schema ids live in the data
 * directory and survive a restart; {@link EmbeddedStackConfig#fresh()} starts empty.
 */
public final class EmbeddedStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);

  private final EmbeddedKafkaBroker broker;
  private final DevSchemaRegistry registry;
  private final Path dataDir;

  private EmbeddedStack(EmbeddedKafkaBroker broker, DevSchemaRegistry registry, Path dataDir) {
    this.broker = broker;
    this.registry = registry;
    this.dataDir = dataDir;
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
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), config.brokerPort());
    DevSchemaRegistry registry;
    try {
      registry = DevSchemaRegistry.start(broker.bootstrapServers(), config.registryPort());
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    log.info(
        "embedded stack ready in {} ms: Kafka {} registry {}",
        (System.nanoTime() - started) / 1_000_000,
        broker.bootstrapServers(),
        registry.url());
    return new EmbeddedStack(broker, registry, dataDir);
  }

  /** {@code 127.0.0.1:<port>} of the broker. */
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** {@code http://127.0.0.1:<port>} of the schema registry. */
  public String schemaRegistryUrl() {
    return registry.url();
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
