package io.transfermonitor.cli;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the monitor has processed everything written so far: its consumer group's committed
 * offsets reach the end of every input topic (with exactly-once, a committed offset means the
 * outputs of those records are committed too); and then when a reader of an output topic has read
 * up to that topic's last committed record.
 */
final class ProcessingProgress implements AutoCloseable {

  private final Admin admin;

  ProcessingProgress(Map<String, Object> clientProps) {
    this.admin = Admin.create(clientProps);
  }

  /**
   * Waits until group {@code groupId} has processed everything: the end of every input topic, and
   * of every internal topic it reads (repartition topics, written in transactions, end with a
   * commit marker the group's committed offset stops just short of). Two equal readings in a row
   * are required, so a commit in flight is not taken for the end.
   */
  void awaitConsumed(String groupId, Collection<String> inputTopics, Duration timeout) {
    Map<TopicPartition, Long> previous = new HashMap<>();
    awaitTrue(
        () -> {
          Map<TopicPartition, Long> committed = committed(groupId);
          boolean done = processedAll(committed, inputTopics) && committed.equals(previous);
          previous.clear();
          previous.putAll(committed);
          return done;
        },
        timeout,
        () -> "the monitor did not process all input within " + timeout);
  }

  private boolean processedAll(Map<TopicPartition, Long> committed, Collection<String> inputs) {
    Set<String> topics = new HashSet<>(inputs);
    committed.keySet().forEach(tp -> topics.add(tp.topic()));
    Map<TopicPartition, Long> ends = endOffsets(topics, IsolationLevel.READ_UNCOMMITTED);
    Map<TopicPartition, Long> stable = endOffsets(topics, IsolationLevel.READ_COMMITTED);
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      TopicPartition tp = end.getKey();
      long at = committed.getOrDefault(tp, 0L);
      boolean input = inputs.contains(tp.topic());
      boolean caughtUp =
          input
              ? at >= end.getValue()
              : end.getValue() == 0
                  || (stable.get(tp).equals(end.getValue()) && at >= end.getValue() - 1);
      if (!caughtUp && !(input && end.getValue() == 0)) {
        return false;
      }
    }
    return true;
  }

  /** Waits until {@code positions} reach the last committed offset of every partition of topic. */
  void awaitRead(String topic, Supplier<Map<TopicPartition, Long>> positions, Duration timeout) {
    Map<TopicPartition, Long> ends = endOffsets(List.of(topic), IsolationLevel.READ_COMMITTED);
    awaitTrue(
        () -> reached(positions.get(), ends),
        timeout,
        () -> "could not read all of " + topic + " within " + timeout);
  }

  /** Records in {@code topic} (end minus start offsets, summed over partitions). */
  long recordCount(String topic) {
    Map<TopicPartition, Long> ends = endOffsets(List.of(topic), IsolationLevel.READ_UNCOMMITTED);
    Map<TopicPartition, Long> starts =
        offsets(List.of(topic), OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
    return ends.entrySet().stream()
        .mapToLong(e -> e.getValue() - starts.getOrDefault(e.getKey(), 0L))
        .sum();
  }

  private static boolean reached(Map<TopicPartition, Long> at, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(e -> e.getValue() == 0 || at.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  private Map<TopicPartition, Long> committed(String groupId) {
    try {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> result = new HashMap<>();
      offsets.forEach((tp, om) -> result.put(tp, om == null ? 0L : om.offset()));
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      return Map.of();
    }
  }

  private Map<TopicPartition, Long> endOffsets(Collection<String> topics, IsolationLevel level) {
    return offsets(topics, OffsetSpec.latest(), level);
  }

  private Map<TopicPartition, Long> offsets(
      Collection<String> topics, OffsetSpec spec, IsolationLevel level) {
    try {
      Map<TopicPartition, OffsetSpec> request =
          admin.describeTopics(topics).allTopicNames().get().values().stream()
              .flatMap(
                  d ->
                      d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
              .collect(Collectors.toMap(tp -> tp, tp -> spec));
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> info =
          admin
              .listOffsets(request, new org.apache.kafka.clients.admin.ListOffsetsOptions(level))
              .all()
              .get();
      Map<TopicPartition, Long> ends = new HashMap<>();
      info.forEach((tp, i) -> ends.put(tp, i.offset()));
      return ends;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new UnavailableException("cannot read end offsets of " + topics, e.getCause());
    }
  }

  private static void awaitTrue(
      Supplier<Boolean> condition, Duration timeout, Supplier<String> failure) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(failure.get());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
