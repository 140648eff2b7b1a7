package io.transfermonitor.schemas.serde;

import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro specific records in the Confluent wire format, with subjects named by
 * TopicNameStrategy. The schema id is looked up (or registered, when auto-register is on) once per
 * subject and cached. A registry failure (schema not registered, incompatible, registry down) is a
 * {@link SerializationException} naming the topic and subject, with the registry's error as cause.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private static final ThreadLocal<PayloadBuffer> BUFFERS =
      ThreadLocal.withInitial(PayloadBuffer::new);
  private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

  private SchemaRegistryClient registry;
  private boolean autoRegister = true;
  private boolean isKey;
  private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
  private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();

  /** Cache key: the same class may be written to several topics, each its own subject. */
  private record SubjectSchema(String subject, Schema schema) {}

  /** For Kafka's reflective construction; call {@link #configure} before use. */
  public AvroSerializer() {}

  public AvroSerializer(SchemaRegistryClient registry, boolean autoRegister, boolean isKey) {
    this.registry = registry;
    this.autoRegister = autoRegister;
    this.isKey = isKey;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = AvroSerdeConfig.from(configs);
    this.registry = SchemaRegistryClients.forUrl(config.registryUrl(), configs);
    this.autoRegister = config.autoRegister();
    this.isKey = isKey;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    Schema schema = data.getSchema();
    int id = schemaId(topic, schema);
    try {
      // one buffer and one buffered encoder per thread: no per-record allocation but the result
      PayloadBuffer out = BUFFERS.get();
      out.reset();
      out.writeHeader(id);
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
      ENCODERS.set(encoder);
      writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(data, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "topic '" + topic + "': cannot write " + schema.getFullName() + ": " + e.getMessage(), e);
    }
  }

  private int schemaId(String topic, Schema schema) {
    String subject = SubjectNames.of(topic, isKey);
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      // asked outside the map's lock: a registry call may take a while
      int id = autoRegister ? registry.register(subject, schema) : registry.idOf(subject, schema);
      ids.putIfAbsent(key, id);
      return id;
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "topic '"
              + topic
              + "': no schema id for "
              + schema.getFullName()
              + " under subject '"
              + subject
              + "'"
              + (autoRegister ? "" : " (auto.register.schemas is off)")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** A growable byte buffer without the locking of {@link ByteArrayOutputStream}. */
  private static final class PayloadBuffer extends OutputStream {
    private byte[] bytes = new byte[512];
    private int size;

    void reset() {
      size = 0;
    }

    void writeHeader(int schemaId) {
      ensure(WireFormat.HEADER_SIZE);
      bytes[size++] = WireFormat.MAGIC_BYTE;
      bytes[size++] = (byte) (schemaId >>> 24);
      bytes[size++] = (byte) (schemaId >>> 16);
      bytes[size++] = (byte) (schemaId >>> 8);
      bytes[size++] = (byte) schemaId;
    }

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }
}
