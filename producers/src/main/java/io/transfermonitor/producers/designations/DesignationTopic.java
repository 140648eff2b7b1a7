package io.transfermonitor.producers.designations;

import io.transfermonitor.model.Designation;
import io.transfermonitor.producers.ReferenceTopic;
import java.time.Duration;
import java.util.Map;

/**
 * Reads the compacted designations topic back, from the beginning to its current end, with no
 * consumer group: what the monitor holds now, one {@link Designation} per reference number, the
 * tombstoned (delisted) ones left out. The publisher diffs a new load against it; the {@code
 * screen} command screens against it.
 */
public final class DesignationTopic {

  private DesignationTopic() {}

  /**
   * The designations on {@code topic}.
   *
   * @param clientProps consumer properties: {@code bootstrap.servers} and {@code
   *     schema.registry.url} at least
   * @throws IllegalStateException when the topic does not answer within {@code timeout}
   */
  public static Map<String, Designation> read(
      Map<String, Object> clientProps, String topic, Duration timeout) {
    return ReferenceTopic.read(
        clientProps, topic, Designation.class, "transfer-monitor-designations-reader", timeout);
  }
}
