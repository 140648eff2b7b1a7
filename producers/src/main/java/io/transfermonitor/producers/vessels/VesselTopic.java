package io.transfermonitor.producers.vessels;

import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.ReferenceTopic;
import java.time.Duration;
import java.util.Map;

/**
 * Reads the compacted vessel register topic back, from the beginning to its current end, with no
 * consumer group: the register as it stands, one {@link VesselRecord} per {@link VesselKey}, the
 * tombstoned (removed) ones left out. A load is diffed against it ({@link
 * io.transfermonitor.producers.ReferencePlan}); {@code transfer-monitor vessels} lists it.
 */
public final class VesselTopic {

  private VesselTopic() {}

  /**
   * The vessels on {@code topic}, by key, in the order first written.
   *
   * @param clientProps consumer properties: {@code bootstrap.servers} and {@code
   *     schema.registry.url} at least
   * @throws IllegalStateException when the topic does not exist or does not answer within {@code
   *     timeout}
   */
  public static Map<String, VesselRecord> read(
      Map<String, Object> clientProps, String topic, Duration timeout) {
    return ReferenceTopic.read(
        clientProps, topic, VesselRecord.class, "transfer-monitor-vessels-reader", timeout);
  }
}
