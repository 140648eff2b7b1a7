package io.transfermonitor.streams.fact;

import io.transfermonitor.internal.FactRecord;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The internal form of a {@link Fact} on the monitor's own topics: the internal Avro record {@link
 * FactRecord} behind a byte naming its schema version ({@link InternalAvro}).
 */
public final class FactSerde implements Serde<Fact> {

  /** The version of {@link FactRecord}'s schema this monitor writes. */
  static final byte VERSION = 1;

  private static final InternalAvro<FactRecord> FORM =
      new InternalAvro<>(FactRecord.class, VERSION, Map.of());

  @Override
  public Serializer<Fact> serializer() {
    return (topic, fact) ->
        fact == null ? null : FORM.write(FactRecords.of(fact, true), fact(fact, topic));
  }

  @Override
  public Deserializer<Fact> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return FactRecords.fact(FORM.read(bytes, topic), null);
      } catch (SerializationException e) {
        throw new SerializationException("not a fact: " + e.getMessage(), e);
      }
    };
  }

  /** {@code fact} as a record of the internal schema; without its id where a key carries it. */
  public static FactRecord record(Fact fact, boolean withEventId) {
    return FactRecords.of(fact, withEventId);
  }

  /** The fact of {@code record}; {@code eventId} where the record carries none. */
  public static Fact fact(FactRecord record, String eventId) {
    return FactRecords.fact(record, eventId);
  }

  private static String fact(Fact fact, String topic) {
    return "fact " + fact.eventId() + " for " + topic;
  }
}
