package io.transfermonitor.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What the brokers hold in some topics at one moment, per topic: the sum over its partitions of the
 * log end offset (which counts every record and every transaction marker) and the bytes of its
 * replicas on disk (from {@code describeLogDirs}, summed over brokers and log dirs). Two snapshots,
 * before and after a pass, give what the pass wrote ({@link PassCost}); the changelog bytes of one
 * are the durable copy of an application's state stores, which RocksDB on local disk only caches.
 *
 * @param endOffsets per topic, the sum of its partitions' log end offsets
 * @param bytes per topic, the bytes of all its replicas
 */
public record LogSnapshot(Map<String, Long> endOffsets, Map<String, Long> bytes) {

  public LogSnapshot {
    endOffsets = Map.copyOf(endOffsets);
    bytes = Map.copyOf(bytes);
  }

  /** The topics of the cluster that {@code topics} accepts, as they stand now. */
  public static LogSnapshot take(Admin admin, Predicate<String> topics) {
    try {
      Set<String> names =
          admin.listTopics().names().get().stream().filter(topics).collect(Collectors.toSet());
      return new LogSnapshot(endOffsets(admin, names), bytes(admin, names));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read offsets and log dirs", e.getCause());
    }
  }

  /** Bytes the brokers hold in the changelog topics of this snapshot. */
  public long changelogBytes() {
    return bytes.entrySet().stream()
        .filter(e -> TopicClass.of(e.getKey(), List.of()) == TopicClass.CHANGELOG)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static Map<String, Long> endOffsets(Admin admin, Set<String> names)
      throws InterruptedException, ExecutionException {
    Map<String, Long> sums = new HashMap<>();
    if (names.isEmpty()) {
      return sums;
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (var topic : admin.describeTopics(names).allTopicNames().get().values()) {
      topic
          .partitions()
          .forEach(
              p ->
                  latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
    ends.forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
    return sums;
  }

  private static Map<String, Long> bytes(Admin admin, Set<String> names)
      throws InterruptedException, ExecutionException {
    Collection<Integer> brokers =
        admin.describeCluster().nodes().get().stream().map(Node::id).toList();
    Map<String, Long> sums = new HashMap<>();
    for (var byBroker : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
      for (LogDirDescription dir : byBroker.values()) {
        dir.replicaInfos()
            .forEach(
                (tp, replica) -> {
                  if (names.contains(tp.topic())) {
                    sums.merge(tp.topic(), replica.size(), Long::sum);
                  }
                });
      }
    }
    return sums;
  }
}
