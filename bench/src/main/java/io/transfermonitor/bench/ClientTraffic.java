package io.transfermonitor.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What a pass's Kafka clients say they wrote and read, per topic, summed over every producer and
 * consumer whose metrics are handed in (a baseline loop's two clients, or everything {@code
 * KafkaStreams.metrics()} lists: main, restore and global consumers and the producers).
 *
 * <ul>
 *   <li>records written: the producers' {@code record-send-total} less {@code record-retry-total}
 *       ({@code producer-topic-metrics}), so a batch sent again after a retriable error counts
 *       once; data records only, no transaction markers;
 *   <li>records and bytes read: the consumers' {@code records-consumed-total} and {@code
 *       bytes-consumed-total} ({@code consumer-fetch-manager-metrics} with a topic tag);
 *   <li>the time the producers spent committing: flushing what was sent, adding the consumed
 *       offsets and committing the transaction ({@code flush-time-ns-total}, {@code
 *       txn-send-offsets-time-ns-total}, {@code txn-commit-time-ns-total} of {@code
 *       producer-metrics}). Kafka Streams flushes before it commits and the baseline lets {@code
 *       commitTransaction} flush, so only the sum of the three compares.
 * </ul>
 *
 * @param recordsWritten per topic
 * @param recordsRead per topic
 * @param bytesRead per topic
 * @param commitNanos time spent committing, all producers
 */
public record ClientTraffic(
    Map<String, Long> recordsWritten,
    Map<String, Long> recordsRead,
    Map<String, Long> bytesRead,
    long commitNanos) {

  private static final String PRODUCER_TOPIC = "producer-topic-metrics";
  private static final String CONSUMER_FETCH = "consumer-fetch-manager-metrics";

  /** A commit's producer work: flushing what was sent, adding the offsets, committing. */
  private static final Set<String> COMMIT_PATH =
      Set.of("flush-time-ns-total", "txn-send-offsets-time-ns-total", "txn-commit-time-ns-total");

  public ClientTraffic {
    recordsWritten = Map.copyOf(recordsWritten);
    recordsRead = Map.copyOf(recordsRead);
    bytesRead = Map.copyOf(bytesRead);
  }

  /** Nothing written or read. */
  public static ClientTraffic none() {
    return new ClientTraffic(Map.of(), Map.of(), Map.of(), 0);
  }

  /** The figures of the clients whose metrics these are. */
  public static ClientTraffic of(Map<MetricName, ? extends Metric> metrics) {
    Map<String, Long> written = new HashMap<>();
    Map<String, Map<String, Long>> readByClient = new HashMap<>();
    Map<String, Map<String, Long>> bytesReadByClient = new HashMap<>();
    long commitNanos = 0;
    for (var entry : metrics.entrySet()) {
      MetricName name = entry.getKey();
      long value = value(entry.getValue());
      String topic = name.tags().get("topic");
      String client = name.tags().getOrDefault("client-id", "");
      if (name.group().equals("producer-metrics") && COMMIT_PATH.contains(name.name())) {
        commitNanos += value;
      } else if (topic == null) {
        continue;
      } else if (name.group().equals(PRODUCER_TOPIC) && name.name().equals("record-send-total")) {
        written.merge(topic, value, Long::sum);
      } else if (name.group().equals(PRODUCER_TOPIC) && name.name().equals("record-retry-total")) {
        written.merge(topic, -value, Long::sum);
      } else if (name.group().equals(CONSUMER_FETCH)
          && name.name().equals("records-consumed-total")) {
        readByClient.computeIfAbsent(client, c -> new HashMap<>()).merge(topic, value, Long::sum);
      } else if (name.group().equals(CONSUMER_FETCH)
          && name.name().equals("bytes-consumed-total")) {
        bytesReadByClient
            .computeIfAbsent(client, c -> new HashMap<>())
            .merge(topic, value, Long::sum);
      }
    }
    return new ClientTraffic(
        written, perTopic(readByClient), perTopic(bytesReadByClient), commitNanos);
  }

  /**
   * Sums a figure over clients. A consumer may tag one topic both with its name and with its dots
   * replaced by underscores (the old tag, kept for compatibility): that is one topic, counted once.
   */
  private static Map<String, Long> perTopic(Map<String, Map<String, Long>> byClient) {
    Map<String, Long> out = new HashMap<>();
    for (Map<String, Long> byTag : byClient.values()) {
      byTag.forEach(
          (tag, v) -> {
            boolean oldTagOfAnother =
                !tag.contains(".")
                    && byTag.keySet().stream()
                        .anyMatch(t -> t.contains(".") && t.replace('.', '_').equals(tag));
            if (!oldTagOfAnother) {
              out.merge(tag, v, Long::sum);
            }
          });
    }
    return out;
  }

  /** The sum of both. */
  public ClientTraffic plus(ClientTraffic other) {
    return new ClientTraffic(
        sum(recordsWritten, other.recordsWritten),
        sum(recordsRead, other.recordsRead),
        sum(bytesRead, other.bytesRead),
        commitNanos + other.commitNanos);
  }

  /**
   * The same figures keyed by the names in {@code topics}: the consumer's fetch metrics tag a topic
   * with its dots replaced by underscores, so {@code bench-x.tm.events.payment} appears as {@code
   * bench-x_tm_events_payment}. Keys that name none of {@code topics} are kept as they are.
   */
  public ClientTraffic named(Collection<String> topics) {
    Map<String, String> byTag = new HashMap<>();
    topics.forEach(t -> byTag.put(t.replace('.', '_'), t));
    topics.forEach(t -> byTag.put(t, t));
    return new ClientTraffic(
        rename(recordsWritten, byTag),
        rename(recordsRead, byTag),
        rename(bytesRead, byTag),
        commitNanos);
  }

  private static Map<String, Long> rename(Map<String, Long> figures, Map<String, String> byTag) {
    Map<String, Long> out = new HashMap<>();
    figures.forEach((tag, v) -> out.merge(byTag.getOrDefault(tag, tag), v, Long::sum));
    return out;
  }

  private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> out = new HashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }

  private static long value(Metric metric) {
    return metric.metricValue() instanceof Number n ? Math.round(n.doubleValue()) : 0;
  }
}
