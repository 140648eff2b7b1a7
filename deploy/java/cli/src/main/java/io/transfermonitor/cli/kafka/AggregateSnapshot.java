package io.transfermonitor.cli.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * The latest value of every key of a compacted aggregate topic ({@code tm.aggregates.*}), read from
 * the beginning to the last committed record, without a consumer group: what a dashboard shows.
 */
public final class AggregateSnapshot {

  private AggregateSnapshot() {}

  /**
   * @throws UnavailableException naming the topic when it cannot be read to its end in time
   */
  public static <V extends SpecificRecord> Map<String, V> read(
      Map<String, Object> clientProps, String topic, Class<V> type, Duration timeout) {
    Map<String, V> latest = new TreeMap<>();
    try (TopicReader<V> reader =
        TopicReader.avro(clientProps, "transfer-monitor-aggregate-snapshot", topic, type)) {
      reader.fromBeginning(timeout).readLatest(latest, timeout);
    }
    return latest;
  }
}
