package io.transfermonitor.streams.alert;

import io.transfermonitor.model.Alert;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Puts every alert of one rule on the same partition of the alert topic, so a reader sees a rule's
 * levels in the order they were raised (75 % before 90 % before the breach). The key stays the
 * alert id; only the partition is chosen by rule, never by the headers.
 */
public final class AlertsByRule implements StreamPartitioner<String, Alert> {

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String alertId, Alert alert, Headers headers, int numPartitions) {
    byte[] rule = alert.getRuleId().getBytes(StandardCharsets.UTF_8);
    return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(rule)) % numPartitions));
  }

  /**
   * Kafka Streams 4.4 calls the variant with headers above; this one is deprecated for removal but
   * still abstract, so it is here only to compile, and goes when Kafka removes it.
   */
  @Override
  @SuppressWarnings("removal")
  public Optional<Set<Integer>> partitions(
      String topic, String alertId, Alert alert, int numPartitions) {
    return partitions(topic, alertId, alert, new RecordHeaders(), numPartitions);
  }
}
