package io.transfermonitor.streams.ledger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for the topology's own records (the ledgers) on internal changelog topics. These
 * topics are private to the application, so they need no registry; what others read (alerts,
 * aggregates, rejected events) is Avro.
 */
public final class JsonSerde<T> implements Serde<T> {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Class<T> type;

  /**
   * The mapper's reader for {@code type}, made once: it keeps the type and its deserializer, which
   * {@code MAPPER.readValue(bytes, type)} looked up on every read (the ledgers and partials are
   * read once or more per event).
   */
  private final ObjectReader reader;

  public JsonSerde(Class<T> type) {
    this.type = type;
    this.reader = MAPPER.readerFor(type);
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        return MAPPER.writeValueAsBytes(data);
      } catch (IOException e) {
        throw new SerializationException("topic '" + topic + "': cannot write " + type, e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return reader.readValue(bytes);
      } catch (IOException e) {
        throw new SerializationException(
            "topic '" + topic + "': cannot read " + type.getSimpleName() + ": " + e.getMessage(),
            e);
      }
    };
  }
}
