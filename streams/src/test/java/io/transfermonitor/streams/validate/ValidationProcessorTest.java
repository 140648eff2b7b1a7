package io.transfermonitor.streams.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidationProcessorTest {

  private static final String TOPIC = "tm.events.tanker-deliveries";

  private final String scope = "validation-processor";
  private final Serde<TankerDelivery> serde =
      AvroSerde.forValue(InMemorySchemaRegistry.scope(scope), TankerDelivery.class);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MockProcessorContext<String, Validated> context = new MockProcessorContext<>();
  private final ValidationProcessor<TankerDelivery> validate =
      new ValidationProcessor<>(
          EventKind.TANKER_DELIVERY,
          new EventValidator(
              MonitorConfig.defaults().knownProducts(), MonitorConfig.defaults().maxFutureSkew()),
          new StringDeserializer(),
          serde.deserializer(),
          new MonitorMetrics(meters));

  @BeforeEach
  void init() {
    context.setCurrentSystemTimeMs(Instant.parse("2025-06-30T00:00:00Z").toEpochMilli());
    context.setRecordMetadata(TOPIC, 2, 17);
    validate.init(context);
  }

  @AfterEach
  void drop() {
    InMemorySchemaRegistry.dropScope(scope);
  }

  @Test
  void shouldForwardAValidEventAsItsFactKeyedByEventId() {
    // when: the producer keyed it by a natural key
    validate.process(
        record("vessel-42/2024-03", Events.refined("d1", "2024-03-01T00:00:00Z", 1_000), 5));

    // then
    assertThat(context.forwarded()).hasSize(1);
    var out = context.forwarded().get(0).record();
    assertThat(out.key()).isEqualTo("d1");
    assertThat(out.timestamp()).isEqualTo(5);
    assertThat(out.value())
        .isInstanceOfSatisfying(
            Validated.Accepted.class, a -> assertThat(a.fact().amount()).isEqualTo(1_000.0));
    assertThat(counter("tm.events.valid")).isEqualTo(1.0);
  }

  @Test
  void shouldRejectAnInvalidEventWithItsReasonSourceAndReplayableBytes() {
    // given
    TankerDelivery negative = Events.refined("neg", "2024-03-01T00:00:00Z", -5);

    // when
    validate.process(record("neg-key", negative, 0));

    // then
    var out = context.forwarded().get(0).record();
    assertThat(out.key()).isEqualTo("neg-key");
    RejectedEvent rejected = ((Validated.Rejected) out.value()).event();
    assertThat(rejected.getStage()).isEqualTo(RejectionStage.VALIDATION);
    assertThat(rejected.getField()).isEqualTo("quantity");
    assertThat(rejected.getEventId()).isEqualTo("neg");
    assertThat(rejected.getSourceTopic()).isEqualTo(TOPIC);
    assertThat(rejected.getSourcePartition()).isEqualTo(2);
    assertThat(rejected.getSourceOffset()).isEqualTo(17L);
    assertThat(new String(rejected.getRawKey().array(), StandardCharsets.UTF_8))
        .isEqualTo("neg-key");
    assertThat(serde.deserializer().deserialize(TOPIC, rejected.getRawValue().array()))
        .isEqualTo(negative);
  }

  @Test
  void shouldRejectBytesThatAreNoEventAtDeserializationWithTheBytesAsWritten() {
    // given: a key that is no UTF-8, and a value that is no Avro
    byte[] key = {(byte) 0xff, 0, 0, 0, 0, 0, 0, 42};
    byte[] junk = "not an event".getBytes(StandardCharsets.UTF_8);

    // when
    validate.process(new Record<>(key, junk, 3));

    // then: one rejection, in this step, so it is committed with the record's offset
    assertThat(context.forwarded()).hasSize(1);
    RejectedEvent rejected =
        ((Validated.Rejected) context.forwarded().get(0).record().value()).event();
    assertThat(rejected.getStage()).isEqualTo(RejectionStage.DESERIALIZATION);
    assertThat(rejected.getReason()).startsWith("cannot decode record: ").contains("magic byte");
    assertThat(rejected.getErrorClass()).isNotBlank();
    assertThat(rejected.getSourceTopic()).isEqualTo(TOPIC);
    assertThat(rejected.getSourcePartition()).isEqualTo(2);
    assertThat(rejected.getSourceOffset()).isEqualTo(17L);
    assertThat(rejected.getRawKey().array()).isEqualTo(key);
    assertThat(rejected.getRawValue().array()).isEqualTo(junk);
    assertThat(counter("tm.events.in")).isEqualTo(1.0);
    assertThat(
            meters
                .get("tm.events.rejected")
                .tag("stage", "DESERIALIZATION")
                .tag("reason", "undecodable")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void shouldLeaveARecordTheRegistryCouldNotVouchForToBeRetried() {
    // given: an event written with a schema id the registry cannot be asked about now
    byte[] value =
        serde.serializer().serialize(TOPIC, Events.refined("d1", "2024-03-01T00:00:00Z", 1));
    ValidationProcessor<TankerDelivery> offline =
        new ValidationProcessor<>(
            EventKind.TANKER_DELIVERY,
            new EventValidator(
                MonitorConfig.defaults().knownProducts(), MonitorConfig.defaults().maxFutureSkew()),
            new StringDeserializer(),
            (topic, bytes) -> {
              throw new SerializationException(
                  "cannot read schema", new SchemaRegistryException("registry unreachable", 0, 0));
            },
            new MonitorMetrics(meters));
    offline.init(context);

    // when / then: the task stops on it (and reads it again from the last commit); nothing rejected
    assertThatThrownBy(() -> offline.process(new Record<>(utf8("d1"), value, 0)))
        .hasRootCauseInstanceOf(SchemaRegistryException.class);
    assertThat(context.forwarded()).isEmpty();
  }

  @Test
  void shouldRejectATombstoneOnAnEventTopicSoThatItIsAccountedFor() {
    // when
    validate.process(new Record<>(utf8("d1"), null, 0));

    // then: counted as read, and set aside with its source
    RejectedEvent rejected =
        ((Validated.Rejected) context.forwarded().get(0).record().value()).event();
    assertThat(rejected.getStage()).isEqualTo(RejectionStage.VALIDATION);
    assertThat(rejected.getReason()).contains("a tombstone (no value) on an event topic");
    assertThat(rejected.getSourceOffset()).isEqualTo(17L);
    assertThat(rejected.getRawValue()).isNull();
    assertThat(counter("tm.events.in")).isEqualTo(1.0);
  }

  private Record<byte[], byte[]> record(String key, TankerDelivery event, long timestamp) {
    return new Record<>(utf8(key), serde.serializer().serialize(TOPIC, event), timestamp);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private double counter(String name) {
    return meters.get(name).tag("kind", "TANKER_DELIVERY").counter().count();
  }
}
