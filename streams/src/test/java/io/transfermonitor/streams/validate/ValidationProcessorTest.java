package io.transfermonitor.streams.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
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
          serde.serializer(),
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
        new Record<>("vessel-42/2024-03", Events.refined("d1", "2024-03-01T00:00:00Z", 1_000), 5));

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
    validate.process(new Record<>("neg-key", negative, 0));

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
  void shouldRejectATombstoneOnAnEventTopicSoThatItIsAccountedFor() {
    // when
    validate.process(new Record<String, TankerDelivery>("d1", null, 0));

    // then: counted as read, and set aside with its source
    RejectedEvent rejected =
        ((Validated.Rejected) context.forwarded().get(0).record().value()).event();
    assertThat(rejected.getStage()).isEqualTo(RejectionStage.VALIDATION);
    assertThat(rejected.getReason()).contains("a tombstone (no value) on an event topic");
    assertThat(rejected.getSourceOffset()).isEqualTo(17L);
    assertThat(rejected.getRawValue()).isNull();
    assertThat(counter("tm.events.in")).isEqualTo(1.0);
  }

  private double counter(String name) {
    return meters.get(name).tag("kind", "TANKER_DELIVERY").counter().count();
  }
}
