package io.transfermonitor.streams.corroborate;

import io.transfermonitor.internal.ObservationRecord;
import io.transfermonitor.streams.fact.InternalAvro;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link HeldObservation} in the {@code vessel-observations} store and its changelog: the
 * internal Avro record {@link ObservationRecord} behind its schema version byte. Its event id and
 * event time are in the key ({@link VesselLog}), so the value holds the rest.
 */
final class HeldObservationSerde implements Serde<HeldObservation> {

  static final byte VERSION = 2;

  /** Version 1 had no {@code readAt}: read as -1, unknown. */
  private static final InternalAvro<ObservationRecord> FORM =
      new InternalAvro<>(
          ObservationRecord.class,
          VERSION,
          Map.of((byte) 1, InternalAvro.olderSchema("internal/ObservationRecord-v1.avsc")));

  @Override
  public Serializer<HeldObservation> serializer() {
    return (topic, held) -> {
      if (held == null) {
        return null;
      }
      Observation o = held.observation();
      return FORM.write(
          new ObservationRecord(
              o.source(),
              o.port(),
              o.identity(),
              o.amount(),
              o.storedAt(),
              held.deliveryTime(),
              held.readAt()),
          "observation " + o.eventId() + " for " + topic);
    };
  }

  /** Reads the value only; {@link VesselLog} puts the key's event id and time back. */
  @Override
  public Deserializer<HeldObservation> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      ObservationRecord r = FORM.read(bytes, topic);
      return new HeldObservation(
          new Observation(
              null, 0, r.getSource(), r.getPort(), r.getIdentity(), r.getAmount(), r.getStoredAt()),
          r.getDeliveryTime(),
          r.getReadAt());
    };
  }
}
