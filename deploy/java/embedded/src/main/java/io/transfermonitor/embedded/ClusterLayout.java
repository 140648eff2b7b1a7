package io.transfermonitor.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where the nodes of a multi-node KRaft cluster on this machine listen and keep their data: node i
 * (1-based) serves clients on {@code 127.0.0.1:clientPorts[i-1]}, votes in the controller quorum on
 * {@code controllerPorts[i-1]} and logs to {@code dataDir/node-i}. Every node is broker and
 * controller. Topics default to three replicas (fewer on a smaller cluster) with {@code
 * min.insync.replicas} one less, so one node can be down and every write still lands on two.
 *
 * @param dataDir the cluster's data directory
 * @param clusterId the KRaft cluster id every node is formatted with
 * @param clientPorts client port per node
 * @param controllerPorts controller (quorum) port per node
 */
public record ClusterLayout(
    Path dataDir, String clusterId, List<Integer> clientPorts, List<Integer> controllerPorts) {

  public ClusterLayout {
    clientPorts = List.copyOf(clientPorts);
    controllerPorts = List.copyOf(controllerPorts);
    if (clientPorts.isEmpty() || clientPorts.size() != controllerPorts.size()) {
      throw new IllegalArgumentException("one client and one controller port per node");
    }
  }

  /** A layout of {@code nodes} nodes on free ports ({@code firstClientPort} 0) or from a port. */
  public static ClusterLayout of(Path dataDir, String clusterId, int nodes, int firstClientPort) {
    List<Integer> clients = new ArrayList<>();
    List<Integer> controllers = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      clients.add(
          LocalPorts.claim(
              firstClientPort == 0 ? 0 : firstClientPort + i,
              "Kafka broker " + (i + 1),
              "choose another with --port"));
      controllers.add(LocalPorts.claim(0, "Kafka controller " + (i + 1), ""));
    }
    return new ClusterLayout(dataDir, clusterId, clients, controllers);
  }

  public int nodes() {
    return clientPorts.size();
  }

  /** Replicas of every topic: three, or every node of a smaller cluster. */
  public int replicationFactor() {
    return Math.min(3, nodes());
  }

  /** Writes must reach this many replicas: one less than the replication factor, at least one. */
  public int minInsyncReplicas() {
    return Math.max(1, replicationFactor() - 1);
  }

  /** {@code 127.0.0.1:p1,127.0.0.1:p2,...}. */
  public String bootstrapServers() {
    return clientPorts.stream()
        .map(p -> LocalPorts.HOST + ":" + p)
        .collect(Collectors.joining(","));
  }

  /** The log directory of node {@code id} (1-based). */
  public Path logDir(int id) {
    return dataDir.resolve("node-" + id);
  }

  /** The server properties of node {@code id} (1-based). */
  Properties nodeProperties(int id) {
    Properties p =
        EmbeddedKafkaBroker.brokerProperties(
            logDir(id), clientPorts.get(id - 1), controllerPorts.get(id - 1));
    p.put("node.id", String.valueOf(id));
    List<String> voters = new ArrayList<>();
    for (int i = 1; i <= nodes(); i++) {
      voters.add(i + "@" + LocalPorts.HOST + ":" + controllerPorts.get(i - 1));
    }
    p.put("controller.quorum.voters", String.join(",", voters));
    String rf = String.valueOf(replicationFactor());
    String isr = String.valueOf(minInsyncReplicas());
    p.put("offsets.topic.replication.factor", rf);
    p.put("transaction.state.log.replication.factor", rf);
    p.put("transaction.state.log.min.isr", isr);
    p.put("share.coordinator.state.topic.replication.factor", rf);
    p.put("share.coordinator.state.topic.min.isr", isr);
    p.put("default.replication.factor", rf);
    p.put("min.insync.replicas", isr);
    // a node that died is noticed in 3 s rather than 9 s, and its partitions move on sooner
    p.put("broker.heartbeat.interval.ms", "500");
    p.put("broker.session.timeout.ms", "3000");
    // a node coming back catches up and leads its partitions again
    p.put("auto.leader.rebalance.enable", "true");
    p.put("leader.imbalance.check.interval.seconds", "10");
    return p;
  }

  /** The command-line form of this layout, for a node started in a process of its own. */
  public List<String> asArguments() {
    return List.of(
        "--data-dir",
        dataDir.toString(),
        "--cluster-id",
        clusterId,
        "--client-ports",
        join(clientPorts),
        "--controller-ports",
        join(controllerPorts));
  }

  private static String join(List<Integer> ports) {
    return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
