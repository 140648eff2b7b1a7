package io.transfermonitor.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.schemas.registry.FakeRegistryServer.Dialect;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Serdes built the way Kafka builds them (no-arg constructor, configs) against an HTTP registry.
 */
class AvroSerdeOverHttpTest {

  private static final String TOPIC = "tm.reference.designations";

  private FakeRegistryServer server;

  @BeforeEach
  void startRegistry() throws IOException {
    server = FakeRegistryServer.start(Dialect.CONFLUENT);
    server.requireBasicAuth("svc:pw");
  }

  @AfterEach
  void stopRegistry() {
    server.close();
  }

  @Test
  void shouldRegisterUnderTheTopicSubjectAndReadBackThroughTheRegistry() {
    Map<String, Object> configs =
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
            AvroSerdeConfig.BASIC_AUTH_USER_INFO, "svc:pw",
            AvroDeserializer.VALUE_CLASS, Identifier.class.getName());
    AvroSerializer<Identifier> serializer = new AvroSerializer<>();
    serializer.configure(configs, false);
    AvroDeserializer<Identifier> deserializer = new AvroDeserializer<>();
    deserializer.configure(configs, false);
    Identifier bic = new Identifier(IdentifierScheme.BIC, "FTBDKPPY");

    byte[] bytes = serializer.serialize(TOPIC, bic);
    Identifier read = deserializer.deserialize(TOPIC, bytes);

    assertThat(read).isEqualTo(bic);
    RegisteredSchema registered =
        new HttpSchemaRegistryClient(RegistryEndpoint.of(server.url(), "svc:pw"))
            .latest(TOPIC + "-value");
    assertThat(registered.schema()).isEqualTo(Identifier.getClassSchema());
    assertThat(bytes[4]).isEqualTo((byte) registered.id());
  }

  @Test
  void shouldRefuseToWriteWhenAutoRegisterIsOffAndTheSchemaIsNotRegistered() {
    AvroSerializer<Identifier> serializer = new AvroSerializer<>();
    serializer.configure(
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
            AvroSerdeConfig.BASIC_AUTH_USER_INFO, "svc:pw",
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"),
        false);

    assertThatThrownBy(
            () -> serializer.serialize(TOPIC, new Identifier(IdentifierScheme.IMO, "9173729")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic '" + TOPIC + "'")
        .hasMessageContaining("'" + TOPIC + "-value'")
        .hasMessageContaining("auto.register.schemas is off")
        .hasMessageContaining("HTTP 404")
        .hasCauseInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void shouldTellAnUnreachableRegistryApartFromBadData() {
    AvroDeserializer<Identifier> deserializer =
        new AvroDeserializer<>(
            new HttpSchemaRegistryClient(
                RegistryEndpoint.of(server.url(), "svc:pw")
                    .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(1))),
            Identifier.class);
    byte[] framed = {0, 0, 0, 0, 7, 0, 2, 'x'};
    server.failNext(2, 503);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, framed))
        .isInstanceOf(SchemaRegistryException.class)
        .isNotInstanceOf(SerializationException.class)
        .hasMessageContaining("topic '" + TOPIC + "'")
        .hasMessageContaining("schema id 7")
        .hasMessageContaining("HTTP 503");
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, framed))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema id 7");
  }
}
