package io.transfermonitor.schemas.serde;

import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
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
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
      WireFormat.writeHeader(header, id);
      out.write(header.array());
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
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
}
