package io.transfermonitor.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broken payloads fail one record with a {@link SerializationException} that names the topic (so
 * Kafka Streams' handler can route it to the rejected topic), and the deserializer goes on reading
 * the next good record.
 */
class AvroDeserializerBadInputTest {

  private static final String TOPIC = "tm.reference.designations";
  private static final String SCOPE = "bad-input-test";

  private final Identifier imo = new Identifier(IdentifierScheme.IMO, "9173729");
  private AvroDeserializer<Identifier> deserializer;
  private byte[] good;

  @BeforeEach
  void writeOneGoodRecord() {
    InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(SCOPE);
    good = new AvroSerializer<Identifier>(registry, true, false).serialize(TOPIC, imo);
    deserializer = new AvroDeserializer<>(registry, Identifier.class);
  }

  @AfterEach
  void dropRegistry() {
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldNameTheTopicAndTheMagicByteWhenTheFirstByteIsWrong() {
    byte[] json = "{\"scheme\":\"IMO\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic '" + TOPIC + "'")
        .hasMessageContaining("magic byte 0x7b");
    assertThat(deserializer.deserialize(TOPIC, good)).isEqualTo(imo);
  }

  @Test
  void shouldNameTheTopicAndTheIdWhenTheSchemaIdIsUnknown() {
    byte[] unknownId = good.clone();
    unknownId[1] = 0x00;
    unknownId[2] = 0x00;
    unknownId[3] = 0x03;
    unknownId[4] = (byte) 0xE7; // id 999

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, unknownId))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic '" + TOPIC + "'")
        .hasMessageContaining("unknown schema id 999");
    assertThat(deserializer.deserialize(TOPIC, good)).isEqualTo(imo);
  }

  @Test
  void shouldNameTheTopicWhenTheAvroBodyIsCutShort() {
    byte[] truncated = Arrays.copyOf(good, good.length - 3);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic '" + TOPIC + "'")
        .hasMessageContaining("cannot decode");
    assertThat(deserializer.deserialize(TOPIC, good)).isEqualTo(imo);
  }

  @Test
  void shouldNameTheTopicWhenThePayloadIsShorterThanTheHeader() {
    byte[] stub = Arrays.copyOf(good, 3);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, stub))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic '" + TOPIC + "'")
        .hasMessageContaining("3 bytes is too short");
    assertThat(deserializer.deserialize(TOPIC, good)).isEqualTo(imo);
  }

  @Test
  void shouldNameTheTopicWhenBytesTrailTheRecord() {
    byte[] padded = Arrays.copyOf(good, good.length + 2);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, padded))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic '" + TOPIC + "'")
        .hasMessageContaining("trailing bytes");
    assertThat(deserializer.deserialize(TOPIC, good)).isEqualTo(imo);
  }

  @Test
  void shouldReadATombstoneAsNull() {
    assertThat(deserializer.deserialize(TOPIC, null)).isNull();
  }
}
