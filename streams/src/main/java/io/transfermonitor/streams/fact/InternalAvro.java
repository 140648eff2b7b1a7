package io.transfermonitor.streams.fact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How the monitor writes the records of its internal schemas ({@code
 * schemas/src/main/avro/internal}) on its own topics and in its stores: one byte naming the version
 * of the record's schema, then the record in Avro's binary encoding. No registry and no field
 * names, so it is compact; a newer monitor reads what an older one wrote by Avro's schema
 * resolution, from the writer schema it keeps for each version. Thread-safe.
 *
 * @param <R> the generated record
 */
public final class InternalAvro<R extends SpecificRecord> {

  private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

  private final byte version;
  private final SpecificDatumWriter<R> writer;
  private final Map<Byte, SpecificDatumReader<R>> readers = new HashMap<>();

  /**
   * @param type the generated class
   * @param version the version this monitor writes (its class's schema)
   * @param older the schemas earlier monitors wrote, by version
   */
  public InternalAvro(Class<R> type, byte version, Map<Byte, Schema> older) {
    Schema current = SpecificData.get().getSchema(type);
    this.version = version;
    this.writer = new SpecificDatumWriter<>(current);
    readers.put(version, new SpecificDatumReader<>(current));
    older.forEach((v, schema) -> readers.put(v, new SpecificDatumReader<>(schema, current)));
  }

  /** The schema an earlier monitor wrote, kept in the jar as {@code resource}. */
  public static Schema olderSchema(String resource) {
    try (InputStream in = InternalAvro.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** {@code record} behind its version byte; {@code what} names it in an error. */
  public byte[] write(R record, String what) {
    Buffer buffer = BUFFERS.get();
    buffer.bytes.reset();
    buffer.bytes.write(version);
    try {
      buffer.encoder = EncoderFactory.get().directBinaryEncoder(buffer.bytes, buffer.encoder);
      writer.write(record, buffer.encoder);
      buffer.encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot write " + what, e);
    }
    return buffer.bytes.toByteArray();
  }

  /** The record of {@code bytes}; {@code where} names the topic or store in an error. */
  public R read(byte[] bytes, String where) {
    if (bytes.length == 0) {
      throw new SerializationException("empty record on " + where);
    }
    SpecificDatumReader<R> reader = readers.get(bytes[0]);
    if (reader == null) {
      throw new SerializationException(
          "record on "
              + where
              + " has internal schema version "
              + bytes[0]
              + "; this monitor reads versions "
              + readers.keySet()
              + ": it was written by a newer monitor, or is not one of its records");
    }
    try {
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot read a record on " + where + ": " + e, e);
    }
  }

  private static final class Buffer {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    BinaryEncoder encoder;
  }
}
