package io.transfermonitor.cli.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The end offsets of a topic, read with the admin client: whether a reader of that topic has read
 * up to its last committed record, and how many records the topic holds. (Whether a consumer group
 * such as the monitor has processed its input is {@link GroupCommitProgress}.)
 */
public final class TopicEnds implements AutoCloseable {

  private final Admin admin;
  private final Map<String, Object> clientProps;

  public TopicEnds(Map<String, Object> clientProps) {
    this.admin = Admin.create(clientProps);
    this.clientProps = Map.copyOf(clientProps);
  }

  /** Waits until {@code positions} reach the last committed offset of every partition of topic. */
  public void awaitRead(
      String topic, Supplier<Map<TopicPartition, Long>> positions, Duration timeout) {
    Map<TopicPartition, Long> ends = endOffsets(List.of(topic), IsolationLevel.READ_COMMITTED);
    awaitTrue(
        () -> reached(positions.get(), ends),
        timeout,
        () -> "could not read all of " + topic + " within " + timeout);
  }

  /**
   * Records a read_committed reader sees in {@code topic}, read from its start to its last
   * committed offset: unlike offsets, this does not count transaction markers or aborted records.
   */
  public long recordCount(String topic) {
    Duration timeout = Duration.ofSeconds(60);
    long[] count = {0};
    try (TopicReader<byte[]> reader =
        new TopicReader<>(
            clientProps, "transfer-monitor-count-" + topic, topic, new ByteArrayDeserializer())) {
      reader.fromBeginning(timeout).readToEnd(record -> count[0]++, timeout);
    }
    return count[0];
  }

  private static boolean reached(Map<TopicPartition, Long> at, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(e -> e.getValue() == 0 || at.getOrDefault(e.getKey(), 0L) >= e.getValue());
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
          admin.listOffsets(request, new ListOffsetsOptions(level)).all().get();
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
