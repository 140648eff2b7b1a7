package io.transfermonitor.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node (broker and controller) of a multi-node KRaft cluster laid out by a {@link
 * ClusterLayout}: its log directory formatted with the cluster id on first use and kept after, so a
 * node stopped (or killed) and started again rejoins with its data and catches up from the others.
 * Started in this JVM by {@link EmbeddedCluster}, or in a process of its own by {@link #main},
 * which is what a soak kills with SIGKILL.
 */
public final class ClusterNode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

  private final int id;
  private final KafkaRaftServer server;
  private boolean closed;

  private ClusterNode(int id, KafkaRaftServer server) {
    this.id = id;
    this.server = server;
  }

  /**
   * Starts node {@code id} (1-based); returns once it serves requests, which needs a majority of
   * the controller quorum, so start the nodes of a cluster at the same time.
   */
  public static ClusterNode start(ClusterLayout layout, int id) {
    Properties props = layout.nodeProperties(id);
    EmbeddedKafkaBroker.formatIfNew(layout.logDir(id), props, layout.clusterId(), null);
    long started = System.nanoTime();
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    log.info(
        "Kafka node {} ready on {}:{} in {} ms",
        id,
        LocalPorts.HOST,
        layout.clientPorts().get(id - 1),
        (System.nanoTime() - started) / 1_000_000);
    return new ClusterNode(id, server);
  }

  public int id() {
    return id;
  }

  /** A controlled shutdown: leadership moved away, logs flushed. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.shutdown();
      server.awaitShutdown();
    }
  }

  /**
   * Runs one node until the process is stopped: {@code --node ID} and the layout's {@link
   * ClusterLayout#asArguments()}. SIGTERM shuts it down in order; SIGKILL is a crash.
   */
  public static void main(String[] args) {
    List<String> a = Arrays.asList(args);
    int id = Integer.parseInt(value(a, "--node"));
    ClusterLayout layout =
        new ClusterLayout(
            Path.of(value(a, "--data-dir")),
            value(a, "--cluster-id"),
            ports(value(a, "--client-ports")),
            ports(value(a, "--controller-ports")));
    ClusterNode node = start(layout, id);
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "node-" + id + "-shutdown"));
    System.out.println(
        "node " + id + " ready on " + LocalPorts.HOST + ":" + layout.clientPorts().get(id - 1));
    System.out.flush();
    node.server.awaitShutdown();
  }

  private static String value(List<String> args, String name) {
    int i = args.indexOf(name);
    if (i < 0 || i + 1 >= args.size()) {
      throw new IllegalArgumentException("missing " + name);
    }
    return args.get(i + 1);
  }

  private static List<Integer> ports(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
