package io.transfermonitor.bench;

import io.transfermonitor.model.EventKind;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record of a workload: the input topic's kind, the key (the event id) and either an event or,
 * for {@link Flavor#GARBAGE}, raw bytes that are not Avro.
 */
public record WorkloadRecord(
    EventKind kind, String key, SpecificRecord event, byte[] garbage, Flavor flavor) {

  /** What the record is meant to exercise. */
  public enum Flavor {
    /** A new, valid event. */
    VALID,
    /** A re-send of an earlier valid event: same id, same content. */
    DUPLICATE,
    /** Decodes, but breaks a domain rule (negative quantity, unknown unit, zero count). */
    INVALID,
    /** Not Avro in the Confluent wire format at all. */
    GARBAGE
  }
}
