package io.transfermonitor.schemas.serde;

import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro into a generated class: the writer schema comes from the registry by
 * the id in the payload, the reader schema is the class's own, so data written with an older
 * compatible schema (or by another tool) resolves. Every failure is a {@link
 * SerializationException} naming the topic, so Kafka Streams' deserialization handler can route the
 * record to the rejected topic. A registry that cannot be reached is not bad data: that failure is
 * a {@link SchemaRegistryException} (also naming the topic), so a handler can tell the two apart
 * and stop rather than reject good records.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private SchemaRegistryClient registry;
  private Schema readerSchema;
  private final Map<Integer, SpecificDatumReader<T>> readersById = new ConcurrentHashMap<>();

  /** For Kafka's reflective construction: needs {@code tm.avro.value.class} (or key) in configs. */
  public AvroDeserializer() {}

  public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
    this.registry = registry;
    this.readerSchema = SpecificData.get().getSchema(type);
  }

  /** Config key naming the generated class to read values into. */
  public static final String VALUE_CLASS = "tm.avro.value.class";

  /** Config key naming the generated class to read keys into. */
  public static final String KEY_CLASS = "tm.avro.key.class";

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = AvroSerdeConfig.from(configs);
    this.registry = SchemaRegistryClients.forUrl(config.registryUrl(), configs);
    Object type = configs.get(isKey ? KEY_CLASS : VALUE_CLASS);
    if (type != null) {
      try {
        Class<?> cls = type instanceof Class<?> c ? c : Class.forName(type.toString());
        this.readerSchema = SpecificData.get().getSchema(cls);
      } catch (ClassNotFoundException e) {
        throw new ConfigException(isKey ? KEY_CLASS : VALUE_CLASS, type, "no such class");
      }
    }
  }

  @Override
  public T deserialize(String topic, byte[] payload) {
    if (payload == null) {
      return null;
    }
    int id = WireFormat.readSchemaId(topic, payload);
    SpecificDatumReader<T> reader = readerFor(topic, id);
    try {
      BinaryDecoder decoder =
          DecoderFactory.get()
              .binaryDecoder(
                  payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE, null);
      T value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new SerializationException(
            "topic '" + topic + "': trailing bytes after the Avro record (schema id " + id + ")");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SerializationException se) {
        throw se;
      }
      throw new SerializationException(
          "topic '"
              + topic
              + "': cannot decode Avro payload with schema id "
              + id
              + " ("
              + payload.length
              + " bytes): "
              + e,
          e);
    }
  }

  private SpecificDatumReader<T> readerFor(String topic, int id) {
    SpecificDatumReader<T> cached = readersById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw new SerializationException(
            "topic '" + topic + "': unknown schema id " + id + ": " + e.getMessage(), e);
      }
      // the registry is down or refusing us: the record is not bad, so this is no
      // SerializationException (a handler should stop or retry, not reject good data)
      throw new SchemaRegistryException(
          "topic '" + topic + "': cannot fetch schema id " + id + ": " + e.getMessage(),
          e.httpStatus(),
          e.errorCode(),
          e);
    }
    SpecificDatumReader<T> reader =
        new SpecificDatumReader<>(writer, readerSchema != null ? readerSchema : writer);
    readersById.put(id, reader);
    return reader;
  }
}
