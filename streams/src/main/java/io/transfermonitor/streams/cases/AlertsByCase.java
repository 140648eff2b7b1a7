package io.transfermonitor.streams.cases;

import io.transfermonitor.model.Alert;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Puts every alert of one case on one partition of the alert topic, the partition Kafka's default
 * partitioner gives the case id: so the case stage, reading the alert topic, holds each case with
 * all its alerts and the operator actions on it (repartitioned by case id), and a reader sees the
 * levels of one cap period (one case) in the order they were raised. The key stays the alert id;
 * only the partition is chosen by case. An alert without a case id (none is written) would go by
 * its rule.
 */
public final class AlertsByCase implements StreamPartitioner<String, Alert> {

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String alertId, Alert alert, Headers headers, int numPartitions) {
    return Optional.of(Set.of(of(caseOf(alert), numPartitions)));
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

  /** The partition of {@code caseId} among {@code numPartitions}, as the case stage expects it. */
  public static int of(String caseId, int numPartitions) {
    byte[] key = caseId.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % numPartitions;
  }

  private static String caseOf(Alert alert) {
    return alert.getCaseId() != null ? alert.getCaseId() : alert.getRuleId();
  }
}
