package io.transfermonitor.cli.kafka;

import io.transfermonitor.schemas.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
 * offset, and then every partition of the group's repartition topics (those it has committed and
 * those it has not read yet) holds no committed record past the group's committed offset, which a
 * read_committed consumer checks ({@link RepartitionDrain}). Facts that cannot be true early: the
 * input is committed in the same transaction that wrote its repartitioned records, and those are
 * read before the check; a stage downstream of others (the cases, after the alerts) whose
 * repartition partition has nothing committed yet is read from that partition's start. A monitor's
 * group ({@link #ofMonitor}) also reads back the alert topic, checked like a repartition topic, and
 * sends partial sums on a timer, so it is done only once its input has been committed for as long
 * as a partial sum can wait.
 */
public final class GroupCommitProgress implements AutoCloseable {

  private static final String REPARTITION_SUFFIX = "-repartition";

  private final Admin admin;
  private final Map<TopicPartition, Long> inputEnds;
  private final long inputRecords;
  private final RepartitionDrain drain;
  private final List<String> readBack;
  private final Duration settle;

  private GroupCommitProgress(
      Admin admin,
      Map<TopicPartition, Long> inputEnds,
      Map<String, Object> clientProps,
      List<String> readBack,
      Duration settle) {
    this.admin = admin;
    this.inputEnds = Map.copyOf(inputEnds);
    this.inputRecords = inputEnds.values().stream().mapToLong(Long::longValue).sum();
    this.drain = new RepartitionDrain(clientProps);
    this.readBack = List.copyOf(readBack);
    this.settle = settle;
  }

  /**
   * Snapshots the end offsets of {@code topics} (written once, not growing during a pass), after
   * the producer's last send was acknowledged.
   *
   * @param clientProps bootstrap servers and client settings, for the consumer that checks drains
   */
  public static GroupCommitProgress of(
      Admin admin, Map<String, Object> clientProps, Collection<String> topics) {
    return of(admin, clientProps, topics, List.of(), Duration.ZERO);
  }

  /**
   * Progress of a monitor's group: it also reads back the alert topic its own stages write (the
   * case stage), and its tasks send their partial sums on a timer, within {@code settle} of reading
   * an event ({@code MonitorTopology.totalsSentWithin}); so it is done only once the input has been
   * committed for that long and everything it wrote since has been read.
   */
  public static GroupCommitProgress ofMonitor(
      Admin admin, Map<String, Object> clientProps, Topics topics, Duration settle) {
    return of(admin, clientProps, topics.eventTopics(), List.of(topics.alerts()), settle);
  }

  /**
   * Progress of a group over the input {@code topics} that also reads back {@code readBack}, topics
   * its own stages write (checked like its repartition topics), and is done only once its input has
   * been committed for {@code settle}: the monitor over another input than the event topics, such
   * as the AIS topics, whose findings it writes to the event topics and reads back.
   */
  public static GroupCommitProgress of(
      Admin admin,
      Map<String, Object> clientProps,
      Collection<String> topics,
      List<String> readBack,
      Duration settle) {
    try {
      return new GroupCommitProgress(
          admin, endOffsets(admin, partitionsOf(admin, topics)), clientProps, readBack, settle);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read end offsets of " + topics, e.getCause());
    }
  }

  private static Set<TopicPartition> partitionsOf(Admin admin, Collection<String> topics)
      throws InterruptedException, ExecutionException {
    return admin.describeTopics(topics).allTopicNames().get().values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toSet());
  }

  private static Map<TopicPartition, Long> endOffsets(
      Admin admin, Collection<TopicPartition> partitions)
      throws InterruptedException, ExecutionException {
    return offsets(admin, partitions, OffsetSpec.latest());
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
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
   * Whether {@code group} has committed every input record, and then left no committed record
   * unread in any partition of its repartition topics (named after the group, as Kafka Streams
   * names them).
   */
  public boolean isDone(String group) {
    if (!inputCommitted(group)) {
      return false;
    }
    Internal internal = internal(group, committedOffsets(group));
    return drain.drained(internal.from(), internal.ends());
  }

  private boolean inputCommitted(String group) {
    Map<TopicPartition, OffsetAndMetadata> offsets = committedOffsets(group);
    for (Map.Entry<TopicPartition, Long> end : inputEnds.entrySet()) {
      OffsetAndMetadata o = offsets.get(end.getKey());
      if (end.getValue() > 0 && (o == null || o.offset() < end.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Where the group stands in each repartition partition, and where each ends. */
  private record Internal(Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends) {
    long backlog() {
      long records = 0;
      for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
        records += Math.max(0, e.getValue() - from.get(e.getKey()));
      }
      return records;
    }
  }

  private Internal internal(String group, Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<String> topics =
          existing.stream()
              .filter(
                  t ->
                      (t.startsWith(group + "-") && t.endsWith(REPARTITION_SUFFIX))
                          || readBack.contains(t))
              .toList();
      if (topics.isEmpty()) {
        return new Internal(Map.of(), Map.of());
      }
      Set<TopicPartition> partitions = partitionsOf(admin, topics);
      Map<TopicPartition, Long> ends = endOffsets(admin, partitions);
      Map<TopicPartition, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
      Map<TopicPartition, Long> from = new HashMap<>();
      for (TopicPartition tp : partitions) {
        OffsetAndMetadata o = offsets.get(tp);
        // a partition the group has never committed is read from its start
        from.put(tp, o == null ? starts.get(tp) : o.offset());
      }
      return new Internal(from, ends);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot read the repartition topics of group " + group, e.getCause());
    }
  }

  /**
   * Polls every 100 ms until {@code group} is done, its input committed for at least the settle
   * time, or {@code stillAlive} turns false or the timeout passes, printing progress every 5 s;
   * returns whether it finished.
   */
  public boolean awaitDone(
      String group, Duration timeout, BooleanSupplier stillAlive, PrintStream out)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextReport = start + 5_000_000_000L;
    long committedSince = -1;
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      if (!inputCommitted(group)) {
        committedSince = -1;
      } else if (committedSince < 0) {
        committedSince = now;
      }
      if (committedSince >= 0 && now - committedSince >= settle.toNanos() && isDone(group)) {
        return true;
      }
      if (!stillAlive.getAsBoolean()) {
        return false;
      }
      if (System.nanoTime() >= nextReport) {
        long done = committed(group);
        long backlog = internal(group, committedOffsets(group)).backlog();
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

  @Override
  public void close() {
    drain.close();
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
