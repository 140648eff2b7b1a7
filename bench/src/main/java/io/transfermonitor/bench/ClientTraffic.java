package io.transfermonitor.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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
 *   <li>the time the producers spent in {@code commitTransaction} ({@code
 *       txn-commit-time-ns-total}).
 * </ul>
 *
 * @param recordsWritten per topic
 * @param recordsRead per topic
 * @param bytesRead per topic
 * @param commitNanos time spent committing transactions, all producers
 */
public record ClientTraffic(
    Map<String, Long> recordsWritten,
    Map<String, Long> recordsRead,
    Map<String, Long> bytesRead,
    long commitNanos) {

  private static final String PRODUCER_TOPIC = "producer-topic-metrics";
  private static final String CONSUMER_FETCH = "consumer-fetch-manager-metrics";

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
    Map<String, Long> read = new HashMap<>();
    Map<String, Long> bytesRead = new HashMap<>();
    long commitNanos = 0;
    for (var entry : metrics.entrySet()) {
      MetricName name = entry.getKey();
      long value = value(entry.getValue());
      String topic = name.tags().get("topic");
      if (name.group().equals("producer-metrics")
          && name.name().equals("txn-commit-time-ns-total")) {
        commitNanos += value;
      } else if (topic == null) {
        continue;
      } else if (name.group().equals(PRODUCER_TOPIC) && name.name().equals("record-send-total")) {
        written.merge(topic, value, Long::sum);
      } else if (name.group().equals(PRODUCER_TOPIC) && name.name().equals("record-retry-total")) {
        written.merge(topic, -value, Long::sum);
      } else if (name.group().equals(CONSUMER_FETCH)
          && name.name().equals("records-consumed-total")) {
        read.merge(topic, value, Long::sum);
      } else if (name.group().equals(CONSUMER_FETCH)
          && name.name().equals("bytes-consumed-total")) {
        bytesRead.merge(topic, value, Long::sum);
      }
    }
    return new ClientTraffic(written, read, bytesRead, commitNanos);
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
