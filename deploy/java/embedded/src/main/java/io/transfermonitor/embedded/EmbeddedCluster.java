package io.transfermonitor.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of several KRaft nodes in this JVM, on loopback ports, with a development schema
 * registry on top: what {@code transfer-monitor stack --brokers 3} runs and what the test kit's
 * three-node stack is. Topics get three replicas and {@code min.insync.replicas=2} by default (the
 * registry's {@code _schemas} too), so one node can be stopped ({@link #stopNode}) and the cluster
 * goes on taking writes; {@link #startNode} brings it back with its data.
 *
 * <p>In: a {@link ClusterLayout} and a registry port (0 = free). Out: {@link #bootstrapServers()}
 * (every node) and {@link #schemaRegistryUrl()}.
 */
public final class EmbeddedCluster implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

  private final ClusterLayout layout;
  private final ClusterNode[] nodes;
  private final DevSchemaRegistry registry;

  private EmbeddedCluster(ClusterLayout layout, ClusterNode[] nodes, DevSchemaRegistry registry) {
    this.layout = layout;
    this.nodes = nodes;
    this.registry = registry;
  }

  /** Starts {@code nodes} nodes under {@code config}'s data directory, then the registry. */
  public static EmbeddedCluster start(EmbeddedStackConfig config, int nodeCount) {
    long started = System.nanoTime();
    Path dataDir = config.dataDir().toAbsolutePath().normalize();
    if (config.fresh()) {
      EmbeddedStack.wipe(dataDir);
    }
    ClusterLayout layout =
        ClusterLayout.of(
            dataDir.resolve("cluster"), clusterId(dataDir), nodeCount, config.brokerPort());
    ClusterNode[] nodes = new ClusterNode[nodeCount];
    // a node is ready only once a majority of the quorum is up: start them all at once
    List<CompletableFuture<ClusterNode>> starting = new ArrayList<>();
    for (int i = 1; i <= nodeCount; i++) {
      int id = i;
      starting.add(CompletableFuture.supplyAsync(() -> ClusterNode.start(layout, id)));
    }
    for (int i = 0; i < nodeCount; i++) {
      nodes[i] = starting.get(i).join();
    }
    DevSchemaRegistry registry;
    try {
      registry = DevSchemaRegistry.start(layout.bootstrapServers(), config.registryPort());
    } catch (RuntimeException e) {
      for (ClusterNode node : nodes) {
        node.close();
      }
      throw e;
    }
    log.info(
        "{}-node cluster ready in {} ms: Kafka {} registry {}",
        nodeCount,
        (System.nanoTime() - started) / 1_000_000,
        layout.bootstrapServers(),
        registry.url());
    return new EmbeddedCluster(layout, nodes, registry);
  }

  /** A cluster id kept with the data, so a restarted cluster finds its nodes formatted for it. */
  private static String clusterId(Path dataDir) {
    UUID uuid = UUID.nameUUIDFromBytes(dataDir.toString().getBytes(StandardCharsets.UTF_8));
    return new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()).toString();
  }

  public String bootstrapServers() {
    return layout.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return registry.url();
  }

  public ClusterLayout layout() {
    return layout;
  }

  /** Stops node {@code id} (1-based) with a controlled shutdown; the others carry on. */
  public synchronized void stopNode(int id) {
    ClusterNode node = nodes[id - 1];
    if (node != null) {
      node.close();
      nodes[id - 1] = null;
    }
  }

  /** Starts node {@code id} again on its data; returns once it serves requests. */
  public synchronized void startNode(int id) {
    if (nodes[id - 1] == null) {
      nodes[id - 1] = ClusterNode.start(layout, id);
    }
  }

  /** Stops the registry, then every node. Data stays in the data directory. */
  @Override
  public synchronized void close() {
    try {
      registry.close();
    } finally {
      for (int i = 0; i < nodes.length; i++) {
        if (nodes[i] != null) {
          nodes[i].close();
          nodes[i] = null;
        }
      }
    }
  }
}
