package io.transfermonitor.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import org.junit.jupiter.api.Test;

/** Subjects follow TopicNameStrategy, and the registry is asked once per subject. */
class AvroSerializerTest {

  private final Identifier imo = new Identifier(IdentifierScheme.IMO, "9173729");

  @Test
  void shouldRegisterOncePerTopicUnderTheTopicsValueSubject() {
    OneSchemaRegistry registry = new OneSchemaRegistry(7, Identifier.getClassSchema());
    AvroSerializer<Identifier> serializer = new AvroSerializer<>(registry, true, false);

    serializer.serialize("tm.reference.designations", imo);
    serializer.serialize("tm.reference.designations", imo);
    serializer.serialize("tm.events.rejected", imo);

    assertThat(registry.registeredSubjects)
        .containsExactly("tm.reference.designations-value", "tm.events.rejected-value");
  }

  @Test
  void shouldRegisterKeysUnderTheTopicsKeySubject() {
    OneSchemaRegistry registry = new OneSchemaRegistry(7, Identifier.getClassSchema());

    byte[] key = new AvroSerializer<Identifier>(registry, true, true).serialize("tm.alerts", imo);

    assertThat(registry.registeredSubjects).containsExactly("tm.alerts-key");
    assertThat(key).startsWith(0, 0, 0, 0, 7);
  }

  @Test
  void shouldWriteATombstoneAsNull() {
    OneSchemaRegistry registry = new OneSchemaRegistry(7, Identifier.getClassSchema());

    assertThat(new AvroSerializer<Identifier>(registry, true, false).serialize("t", null)).isNull();
    assertThat(registry.registeredSubjects).isEmpty();
  }
}
