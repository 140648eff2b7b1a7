package io.transfermonitor.schemas;

import java.time.Duration;
import java.util.Objects;

/**
 * How the monitor's topics are laid out on a cluster: partitions, replication and how long records
 * are kept. Reference topics (rules, designations), aggregates and cases are compacted and kept
 * forever; operator actions on cases are an audit trail, never deleted; events, alerts,
 * notifications (with the alerts' retention) and rejected records are deleted after their
 * retention.
 *
 * @param partitions partitions of every topic (the same everywhere, so any two can be
 *     co-partitioned)
 * @param replicationFactor replicas per partition, or -1 for the broker's {@code
 *     default.replication.factor}
 * @param eventRetention how long input events are kept (long enough to reprocess a yearly cap)
 * @param alertRetention how long alerts and notifications are kept
 * @param rejectedRetention how long rejected records are kept for inspection and replay
 */
public record TopicLayout(
    int partitions,
    short replicationFactor,
    Duration eventRetention,
    Duration alertRetention,
    Duration rejectedRetention) {

  public TopicLayout {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    if (replicationFactor == 0 || replicationFactor < -1) {
      throw new IllegalArgumentException(
          "replicationFactor must be -1 (broker default) or at least 1, was " + replicationFactor);
    }
    requirePositive("eventRetention", eventRetention);
    requirePositive("alertRetention", alertRetention);
    requirePositive("rejectedRetention", rejectedRetention);
  }

  /** 3 partitions, the broker's replication factor, events 400 days, alerts 365, rejected 30. */
  public static TopicLayout defaults() {
    return new TopicLayout(
        3, (short) -1, Duration.ofDays(400), Duration.ofDays(365), Duration.ofDays(30));
  }

  public TopicLayout withPartitions(int partitions) {
    return new TopicLayout(
        partitions, replicationFactor, eventRetention, alertRetention, rejectedRetention);
  }

  public TopicLayout withReplicationFactor(short replicationFactor) {
    return new TopicLayout(
        partitions, replicationFactor, eventRetention, alertRetention, rejectedRetention);
  }

  private static void requirePositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
