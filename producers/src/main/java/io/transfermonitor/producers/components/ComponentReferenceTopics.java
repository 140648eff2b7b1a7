package io.transfermonitor.producers.components;

import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.producers.ReferencePlan;
import io.transfermonitor.producers.ReferenceTopic;
import io.transfermonitor.producers.ReferenceWrites;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Reads and publishes the reference data of component findings: the priority list (compacted {@code
 * tm.reference.chpl}, key = HS subheading {@code 8542.31}) and the makers table (compacted {@code
 * tm.reference.makers}, key = canonical maker). A load publishes only what changed ({@link
 * ReferencePlan}): new and changed records, and a tombstone for each record of the same list or
 * table the load no longer holds. Waits for every write to be acknowledged.
 */
public final class ComponentReferenceTopics {

  private static final Duration READ_BACK = Duration.ofSeconds(60);

  private ComponentReferenceTopics() {}

  /** The priority list as the topic holds it, by HS code. */
  public static Map<String, PriorityListEntry> readPriorityList(
      Map<String, Object> clientProps, String topic, Duration timeout) {
    return ReferenceTopic.read(
        clientProps, topic, PriorityListEntry.class, "transfer-monitor-chpl-reader", timeout);
  }

  /** The makers table as the topic holds it, by canonical maker. */
  public static Map<String, MakerRecord> readMakers(
      Map<String, Object> clientProps, String topic, Duration timeout) {
    return ReferenceTopic.read(
        clientProps, topic, MakerRecord.class, "transfer-monitor-makers-reader", timeout);
  }

  /**
   * Reads the topic back, then publishes what {@code entries} change on it.
   *
   * @throws IllegalStateException when the topic cannot be read or a write is not acknowledged
   */
  public static ReferencePlan<PriorityListEntry> publishPriorityList(
      Map<String, Object> clientProps, String topic, Collection<PriorityListEntry> entries) {
    ReferencePlan<PriorityListEntry> plan =
        ReferencePlan.of(
            readPriorityList(clientProps, topic, READ_BACK),
            entries,
            PriorityListEntry::getHsCode,
            PriorityListEntry::getList);
    write(clientProps, topic, plan, "HS code");
    return plan;
  }

  /**
   * Reads the topic back, then publishes what {@code makers} change on it.
   *
   * @throws IllegalStateException when the topic cannot be read or a write is not acknowledged
   */
  public static ReferencePlan<MakerRecord> publishMakers(
      Map<String, Object> clientProps, String topic, Collection<MakerRecord> makers) {
    ReferencePlan<MakerRecord> plan =
        ReferencePlan.of(
            readMakers(clientProps, topic, READ_BACK),
            makers,
            MakerRecord::getMaker,
            MakerRecord::getSource);
    write(clientProps, topic, plan, "maker");
    return plan;
  }

  private static <V extends org.apache.avro.specific.SpecificRecord> void write(
      Map<String, Object> clientProps, String topic, ReferencePlan<V> plan, String what) {
    Map<String, V> writes = plan.writes();
    if (!writes.isEmpty()) {
      ReferenceWrites.write(clientProps, topic, writes, what);
    }
  }
}
