package io.transfermonitor.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory registry behaves like the HTTP one where tests rely on it, scope by scope. */
class InMemorySchemaRegistryTest {

  private static final Schema V1 =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
  private static final Schema A_BECOMES_STRING =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");

  @AfterEach
  void dropScopes() {
    InMemorySchemaRegistry.dropScope("in-memory-a");
    InMemorySchemaRegistry.dropScope("in-memory-b");
  }

  @Test
  void shouldKeepEachScopeApartAndForgetADroppedOne() {
    SchemaRegistryClient a = SchemaRegistryClients.forUrl("mock://in-memory-a");
    a.register("t-value", V1);

    SchemaRegistryClient b = SchemaRegistryClients.forUrl("mock://in-memory-b");
    InMemorySchemaRegistry.dropScope("in-memory-a");

    assertThat(SchemaRegistryClients.forUrl("mock://in-memory-a")).isNotSameAs(a);
    assertThat(SchemaRegistryClients.forUrl("mock://in-memory-a").subjects()).isEmpty();
    assertThat(a.subjects()).containsExactly("t-value");
    assertThat(b.subjects()).isEmpty();
  }

  @Test
  void shouldAnswerLikeARegistryForKnownAndUnknownSchemas() {
    InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope("in-memory-a");
    int id = registry.register("t-value", V1);

    assertThat(registry.register("t-value", V1)).isEqualTo(id);
    assertThat(registry.register("u-value", V1)).isEqualTo(id);
    assertThat(registry.latest("t-value")).isEqualTo(new RegisteredSchema("t-value", 1, id, V1));
    assertThat(catchThrowableOfType(SchemaRegistryException.class, () -> registry.schemaById(99)))
        .satisfies(e -> assertThat(e.isNotFound()).isTrue());
    assertThat(
            catchThrowableOfType(
                SchemaRegistryException.class, () -> registry.idOf("t-value", A_BECOMES_STRING)))
        .satisfies(e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void shouldRefuseAnIncompatibleSchemaUnderBackwardAndAcceptItUnderNone() {
    InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope("in-memory-a");
    registry.register("t-value", V1);

    SchemaRegistryException refused =
        catchThrowableOfType(
            SchemaRegistryException.class, () -> registry.register("t-value", A_BECOMES_STRING));
    registry.setCompatibility("t-value", "NONE");
    int accepted = registry.register("t-value", A_BECOMES_STRING);

    assertThat(refused.isIncompatible()).isTrue();
    assertThat(refused.getMessage()).contains("'t-value'").contains("BACKWARD");
    assertThat(registry.latest("t-value").id()).isEqualTo(accepted);
    assertThat(registry.compatibility("other-value")).isEqualTo("BACKWARD");
  }
}
