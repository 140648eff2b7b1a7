package io.transfermonitor.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.transfermonitor.schemas.registry.FakeRegistryServer.Dialect;
import java.io.IOException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a registry that answers like Apicurio's Confluent-compatible API. */
class HttpSchemaRegistryClientApicurioTest {

  private static final String SUBJECT = "tm.alerts-value";
  private static final Schema V1 =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"A\",\"fields\":["
                  + "{\"name\":\"total\",\"type\":\"double\"}]}");
  private static final Schema TOTAL_BECOMES_STRING =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"A\",\"fields\":["
                  + "{\"name\":\"total\",\"type\":\"string\"}]}");

  private FakeRegistryServer apicurio;
  private HttpSchemaRegistryClient client;

  @BeforeEach
  void startApicurioDialect() throws IOException {
    apicurio = FakeRegistryServer.start(Dialect.APICURIO);
    client = new HttpSchemaRegistryClient(apicurio.url());
  }

  @AfterEach
  void stopServer() {
    apicurio.close();
  }

  @Test
  void shouldReportTheGlobalDefaultNoneForEverySubject() {
    assertThat(client.compatibility(null)).isEqualTo("NONE");
    // Apicurio has no defaultToGlobal: a subject without its own level falls back to the global one
    assertThat(client.compatibility(SUBJECT)).isEqualTo("NONE");
  }

  @Test
  void shouldAcceptAnyChangeUnderTheDefaultNone() {
    int v1 = client.register(SUBJECT, V1);
    int v2 = client.register(SUBJECT, TOTAL_BECOMES_STRING);

    assertThat(v2).isNotEqualTo(v1);
    assertThat(client.latest(SUBJECT).version()).isEqualTo(2);
  }

  @Test
  void shouldRecogniseA409WithErrorCodeZeroAsIncompatible() {
    client.setCompatibility(SUBJECT, "BACKWARD");
    client.register(SUBJECT, V1);

    SchemaRegistryException e =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> client.register(SUBJECT, TOTAL_BECOMES_STRING));

    assertThat(client.compatibility(SUBJECT)).isEqualTo("BACKWARD");
    assertThat(e.isIncompatible()).isTrue();
    assertThat(e.errorCode()).isZero();
    assertThat(e.getMessage())
        .contains("'" + SUBJECT + "'")
        .contains(apicurio.url() + "/subjects/" + SUBJECT + "/versions")
        .contains("HTTP 409 (error_code 0)");
  }

  @Test
  void shouldRecogniseAnUnknownSchemaIdAnswered40401AsNotFound() {
    SchemaRegistryException e =
        catchThrowableOfType(SchemaRegistryException.class, () -> client.schemaById(77));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
    assertThat(e.getMessage())
        .contains("schema id 77")
        .contains(apicurio.url() + "/schemas/ids/77");
  }

  @Test
  void shouldRecogniseAnUnregisteredSchemaAnswered40401AsNotFound() {
    client.register(SUBJECT, V1);

    SchemaRegistryException e =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> client.idOf(SUBJECT, TOTAL_BECOMES_STRING));

    assertThat(e.isNotFound()).isTrue();
    assertThat(e.errorCode()).isEqualTo(40401);
  }
}
