package io.transfermonitor.streams.fact;

import io.transfermonitor.internal.FactRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The internal form of a {@link Fact}: one byte naming the version of the internal Avro schema
 * ({@link FactRecord}), then the record in Avro's binary encoding. Private to the application (no
 * registry, no field names, enums and unions by index), so it is compact; a newer monitor reads the
 * versions an older one wrote by Avro's own schema resolution, each writer schema kept by its
 * version number in {@link #WRITERS}.
 */
public final class FactSerde implements Serde<Fact> {

  /** The version of the schema this monitor writes. */
  static final byte VERSION = 1;

  /** Every schema a monitor has written, by version: what a reader resolves against. */
  private static final Map<Byte, Schema> WRITERS = Map.of(VERSION, FactRecord.getClassSchema());

  private static final SpecificDatumWriter<FactRecord> WRITER =
      new SpecificDatumWriter<>(FactRecord.class);
  private static final Map<Byte, SpecificDatumReader<FactRecord>> READERS = readers();
  private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

  @Override
  public Serializer<Fact> serializer() {
    return (topic, fact) -> fact == null ? null : write(topic, fact, true);
  }

  @Override
  public Deserializer<Fact> deserializer() {
    return (topic, bytes) -> bytes == null ? null : read(topic, bytes, null);
  }

  /** {@code fact} in its internal form; without its event id when the key carries it. */
  public static byte[] write(String where, Fact fact, boolean withEventId) {
    Buffer buffer = BUFFERS.get();
    buffer.bytes.reset();
    buffer.bytes.write(VERSION);
    try {
      buffer.encoder = EncoderFactory.get().directBinaryEncoder(buffer.bytes, buffer.encoder);
      WRITER.write(FactRecords.of(fact, withEventId), buffer.encoder);
      buffer.encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot write fact " + fact.eventId() + " for " + where, e);
    }
    return buffer.bytes.toByteArray();
  }

  /**
   * The fact of {@code bytes}, read from {@code offset}; {@code eventId} is the id of a fact
   * written without one.
   */
  public static Fact read(String where, byte[] bytes, int offset, String eventId) {
    if (bytes.length <= offset) {
      throw new SerializationException("empty fact on " + where);
    }
    SpecificDatumReader<FactRecord> reader = READERS.get(bytes[offset]);
    if (reader == null) {
      throw new SerializationException(
          "fact on "
              + where
              + " has internal schema version "
              + bytes[offset]
              + "; this monitor reads "
              + READERS.keySet()
              + ": it was written by a newer monitor, or is not a fact");
    }
    try {
      BinaryDecoder decoder =
          DecoderFactory.get().binaryDecoder(bytes, offset + 1, bytes.length - offset - 1, null);
      return FactRecords.fact(reader.read(null, decoder), eventId);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot read a fact on " + where + ": " + e, e);
    }
  }

  private static Fact read(String where, byte[] bytes, String eventId) {
    return read(where, bytes, 0, eventId);
  }

  private static Map<Byte, SpecificDatumReader<FactRecord>> readers() {
    Map<Byte, SpecificDatumReader<FactRecord>> readers = new java.util.HashMap<>();
    WRITERS.forEach(
        (version, schema) ->
            readers.put(version, new SpecificDatumReader<>(schema, FactRecord.getClassSchema())));
    return Map.copyOf(readers);
  }

  private static final class Buffer {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    BinaryEncoder encoder;
  }
}
