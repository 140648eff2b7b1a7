package io.transfermonitor.streams.alert;

import io.transfermonitor.model.Alert;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Puts every alert of one rule on the same partition of the alert topic, so a reader sees a rule's
 * levels in the order they were raised (75 % before 90 % before the breach). The key stays the
 * alert id; only the partition is chosen by rule.
 */
public final class AlertsByRule implements StreamPartitioner<String, Alert> {

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String alertId, Alert alert, int numPartitions) {
    byte[] rule = alert.getRuleId().getBytes(StandardCharsets.UTF_8);
    return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(rule)) % numPartitions));
  }
}
