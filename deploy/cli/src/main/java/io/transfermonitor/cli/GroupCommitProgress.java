package io.transfermonitor.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group (the monitor's application id, or the benchmark's baseline) has
 * processed a fixed set of input partitions: its committed offsets against their end offsets, read
 * from the broker with the admin client (the figures {@code kafka-consumer-groups --describe}
 * shows). The group is done when every input partition's committed offset has reached its end
 * offset and the group's own internal (repartition) topics are drained too.
 */
public final class GroupCommitProgress {

  private final Admin admin;
  private final Map<TopicPartition, Long> inputEnds;
  private final long inputRecords;

  private GroupCommitProgress(Admin admin, Map<TopicPartition, Long> inputEnds) {
    this.admin = admin;
    this.inputEnds = Map.copyOf(inputEnds);
    this.inputRecords = inputEnds.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Snapshots the end offsets of {@code topics} (written once, not growing during a pass). */
  public static GroupCommitProgress of(Admin admin, Collection<String> topics) {
    try {
      Set<TopicPartition> partitions =
          admin.describeTopics(topics).allTopicNames().get().values().stream()
              .flatMap(
                  d ->
                      d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
              .collect(Collectors.toSet());
      return new GroupCommitProgress(admin, endOffsets(admin, partitions));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read end offsets of " + topics, e.getCause());
    }
  }

  private static Map<TopicPartition, Long> endOffsets(
      Admin admin, Collection<TopicPartition> partitions)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get()
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  /** Records in the input partitions (sum of end offsets; the topics were empty before). */
  public long inputRecords() {
    return inputRecords;
  }

  /** Input records the group has committed so far. */
  public long committed(String group) {
    Map<TopicPartition, OffsetAndMetadata> offsets = committedOffsets(group);
    long total = 0;
    for (TopicPartition tp : inputEnds.keySet()) {
      OffsetAndMetadata o = offsets.get(tp);
      total += o == null ? 0 : o.offset();
    }
    return total;
  }

  /**
   * Whether {@code group} has committed every input record, and its internal topics (those named
   * after the group, as Kafka Streams names repartition topics) have at most a transaction marker
   * left to read.
   */
  public boolean isDone(String group) {
    Map<TopicPartition, OffsetAndMetadata> offsets = committedOffsets(group);
    for (Map.Entry<TopicPartition, Long> end : inputEnds.entrySet()) {
      OffsetAndMetadata o = offsets.get(end.getKey());
      if (end.getValue() > 0 && (o == null || o.offset() < end.getValue())) {
        return false;
      }
    }
    return internalBacklog(group, offsets) == 0;
  }

  /**
   * Records the group has yet to read from its internal (repartition) topics, not counting the one
   * commit marker at the end of each partition that a consumer skips without committing past it
   * when nothing else arrives. A repartition partition the group has committed nothing on yet
   * counts from its start: a stage downstream of others (the cases, after the alerts) may not have
   * read its first record when the input is done.
   */
  private long internalBacklog(String group, Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      Set<TopicPartition> internal =
          offsets.keySet().stream()
              .filter(tp -> !inputEnds.containsKey(tp) && tp.topic().startsWith(group + "-"))
              .collect(Collectors.toCollection(HashSet::new));
      internal.addAll(repartitionPartitions(group));
      if (internal.isEmpty()) {
        return 0;
      }
      Map<TopicPartition, Long> ends = endOffsets(admin, internal);
      long backlog = 0;
      for (TopicPartition tp : internal) {
        OffsetAndMetadata committed = offsets.get(tp);
        backlog += Math.max(0, ends.get(tp) - 1 - (committed == null ? 0 : committed.offset()));
      }
      return backlog;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the internal topics of " + group, e.getCause());
    }
  }

  private Set<TopicPartition> repartitionPartitions(String group)
      throws InterruptedException, ExecutionException {
    Set<String> topics =
        admin.listTopics().names().get().stream()
            .filter(t -> t.startsWith(group + "-") && t.endsWith("-repartition"))
            .collect(Collectors.toSet());
    if (topics.isEmpty()) {
      return Set.of();
    }
    return admin.describeTopics(topics).allTopicNames().get().values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toSet());
  }

  /**
   * Polls every 100 ms until {@code group} is done or {@code stillAlive} turns false or the timeout
   * passes, printing progress every 5 s; returns whether it finished.
   */
  public boolean awaitDone(
      String group, Duration timeout, BooleanSupplier stillAlive, PrintStream out)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextReport = start + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (isDone(group)) {
        return true;
      }
      if (!stillAlive.getAsBoolean()) {
        return false;
      }
      if (System.nanoTime() >= nextReport) {
        long done = committed(group);
        long backlog = internalBacklog(group, committedOffsets(group));
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
            "  ... %,d / %,d input records committed, %,d in repartition topics to go (%.0f s)%n",
            done, inputRecords, backlog, seconds);
        nextReport += 5_000_000_000L;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
      offsets.forEach(
          (tp, o) -> {
            if (o != null) {
              present.put(tp, o);
            }
          });
      return present;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read offsets of group " + group, e.getCause());
    }
  }
}
