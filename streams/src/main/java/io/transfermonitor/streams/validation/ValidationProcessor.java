package io.transfermonitor.streams.validation;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.schemas.validation.Violation;
import io.transfermonitor.streams.Fact;
import io.transfermonitor.streams.MonitorMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Stage 1: checks each decoded event of one input topic. In: the topic's key and event record. Out:
 * a {@link Fact} keyed by event id, or a {@link RejectedEvent} keyed by the original key, naming
 * the reasons, the first offending field and the record's topic, partition and offset. The raw
 * value of a rejected event is the event re-encoded in the Confluent wire format, so it can be
 * fixed and replayed.
 */
public final class ValidationProcessor<T extends SpecificRecord>
    implements Processor<String, T, String, Object> {

  private final EventKind kind;
  private final EventValidator validator;
  private final AvroSerializer<T> reencoder;
  private final MonitorMetrics metrics;
  private ProcessorContext<String, Object> context;

  public ValidationProcessor(
      EventKind kind,
      EventValidator validator,
      SchemaRegistryClient registry,
      MonitorMetrics metrics) {
    this.kind = kind;
    this.validator = validator;
    this.reencoder = new AvroSerializer<>(registry, true, false);
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, T> record) {
    metrics.eventIn(kind);
    T event = record.value();
    if (event == null) {
      return; // a tombstone on an event topic carries nothing to count
    }
    long now = context.currentSystemTimeMs();
    List<Violation> violations = validator.check(event, now);
    if (violations.isEmpty()) {
      metrics.eventValid(kind);
      Fact fact = Fact.of(event);
      context.forward(record.withKey(fact.eventId()).withValue(fact));
      return;
    }
    metrics.rejected(RejectionStage.VALIDATION);
    context.forward(record.withValue(rejection(record, event, violations, now)));
  }

  private RejectedEvent rejection(
      Record<String, T> record, T event, List<Violation> violations, long now) {
    RecordMetadata origin = context.recordMetadata().orElse(null);
    String topic = origin == null ? null : origin.topic();
    return RejectedEvent.newBuilder()
        .setStage(RejectionStage.VALIDATION)
        .setReason(
            kind
                + " rejected: "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")))
        .setField(violations.get(0).field())
        .setSourceTopic(topic)
        .setSourcePartition(origin == null ? null : origin.partition())
        .setSourceOffset(origin == null ? null : origin.offset())
        .setEventId(EventTypes.headerOf(event).getEventId())
        .setRawKey(
            record.key() == null
                ? null
                : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
        .setRawValue(ByteBuffer.wrap(reencoder.serialize(topic, event)))
        .setRejectedAt(Instant.ofEpochMilli(now))
        .build();
  }
}
