package io.transfermonitor.bench;

import java.util.Collection;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;

/**
 * Bytes the brokers hold in an application's changelog topics ({@code <application id>-...-
 * changelog}): the durable copy of its state stores, which RocksDB on local disk only caches.
 */
public final class ChangelogSize {

  private ChangelogSize() {}

  /** Sum over all brokers and log dirs of the changelog partitions of {@code applicationId}. */
  public static long bytes(Admin admin, String applicationId) {
    try {
      Collection<Integer> brokers =
          admin.describeCluster().nodes().get().stream().map(Node::id).toList();
      long total = 0;
      for (var byBroker : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
        for (LogDirDescription dir : byBroker.values()) {
          for (var replica : dir.replicaInfos().entrySet()) {
            String topic = replica.getKey().topic();
            if (topic.startsWith(applicationId + "-") && topic.endsWith("-changelog")) {
              ReplicaInfo info = replica.getValue();
              total += info.size();
            }
          }
        }
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe log dirs", e.getCause());
    }
  }
}
