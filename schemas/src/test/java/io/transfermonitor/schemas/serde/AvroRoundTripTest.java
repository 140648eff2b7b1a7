package io.transfermonitor.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Activity;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.ReportingGap;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record type written to its own topic comes back equal, field for field. */
class AvroRoundTripTest {

  private static final String SCOPE = "round-trip-test";
  private static final Topics TOPICS = Topics.defaults();

  @AfterEach
  void dropRegistry() {
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  static Stream<Arguments> recordTypes() {
    List<Arguments> types = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      types.add(Arguments.of(EventTypes.recordClass(kind), TOPICS.eventTopic(kind)));
    }
    types.add(Arguments.of(Alert.class, TOPICS.alerts()));
    types.add(Arguments.of(Rule.class, TOPICS.rules()));
    types.add(Arguments.of(Designation.class, TOPICS.designations()));
    types.add(Arguments.of(RejectedEvent.class, TOPICS.rejected()));
    types.add(Arguments.of(CapUsage.class, TOPICS.capUsage()));
    types.add(Arguments.of(ReportingGap.class, TOPICS.reportingGaps()));
    types.add(Arguments.of(Activity.class, TOPICS.activity()));
    return types.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordTypes")
  <T extends SpecificRecord> void shouldReadBackEveryFieldOfEachRecordType(
      Class<T> type, String topic) {
    T sample = SampleRecords.of(type);
    Serde<T> serde =
        AvroSerde.forValue(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), type);

    byte[] bytes = serde.serializer().serialize(topic, sample);
    T read = serde.deserializer().deserialize(topic, bytes);

    assertThat(read).isEqualTo(sample);
    assertThat(read.toString()).isEqualTo(sample.toString());
    Schema registered =
        SchemaRegistryClients.forUrl("mock://" + SCOPE).latest(topic + "-value").schema();
    assertThat(registered).isEqualTo(sample.getSchema());
  }

  @Test
  void shouldFillEveryFieldOfTheSampleWithAValue() {
    Alert alert = SampleRecords.of(Alert.class);

    for (Schema.Field field : alert.getSchema().getFields()) {
      assertThat(alert.get(field.pos())).as(field.name()).isNotNull();
    }
    assertThat(alert.getTriggeringEventIds()).hasSize(2);
  }
}
