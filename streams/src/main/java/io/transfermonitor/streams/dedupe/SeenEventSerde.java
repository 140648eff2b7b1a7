package io.transfermonitor.streams.dedupe;

import io.transfermonitor.internal.SeenEventRecord;
import io.transfermonitor.streams.fact.FactSerde;
import io.transfermonitor.streams.fact.InternalAvro;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link SeenEvent} in the {@code events} store and its changelog: the internal Avro record
 * {@link SeenEventRecord} behind its schema version byte, the fact without its id (the key carries
 * it), so an entry costs little more than the event's own fields.
 */
public final class SeenEventSerde implements Serde<SeenEvent> {

  /** The version of {@link SeenEventRecord}'s schema this monitor writes. */
  static final byte VERSION = 1;

  private static final InternalAvro<SeenEventRecord> FORM =
      new InternalAvro<>(SeenEventRecord.class, VERSION, Map.of());

  @Override
  public Serializer<SeenEvent> serializer() {
    return (topic, seen) ->
        seen == null
            ? null
            : FORM.write(
                new SeenEventRecord(
                    FactSerde.record(seen.fact(), false),
                    List.copyOf(seen.alerted()),
                    seen.sourceSlot(),
                    seen.sourceOffset()),
                "event " + seen.fact().eventId() + " for " + topic);
  }

  @Override
  public Deserializer<SeenEvent> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      SeenEventRecord record = FORM.read(bytes, topic);
      return new SeenEvent(
          FactSerde.fact(record.getFact(), null),
          new LinkedHashSet<>(record.getAlerted()),
          record.getSourceSlot(),
          record.getSourceOffset());
    };
  }
}
