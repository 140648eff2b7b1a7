package io.transfermonitor.streams.validate;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.schemas.validation.RejectedEventLimit;
import io.transfermonitor.schemas.validation.Violation;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.fact.SourcePointer;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Stage 1, validate: checks each decoded event of one input topic. In: the topic's key and event
 * record. Out: {@link Validated.Accepted} with the event's {@link Fact}, keyed by event id, or
 * {@link Validated.Rejected} with a {@link RejectedEvent} keyed by the original key, naming the
 * reasons, the first offending field and the record's topic, partition and offset. The raw value of
 * a rejected event is the event re-encoded in the Confluent wire format, so it can be fixed and
 * replayed; a rejection too large for the rejected topic keeps only the start of it ({@link
 * RejectedEventLimit}). An accepted fact carries its {@link SourcePointer} header, so a later stage
 * can name the input record. A tombstone (null value) on an event topic carries no event: it is
 * rejected too, so that every record read is accounted for.
 */
public final class ValidationProcessor<T extends SpecificRecord>
    implements Processor<String, T, String, Validated> {

  private final EventKind kind;
  private final EventValidator validator;
  private final Serializer<T> reencoder;
  private final MonitorMetrics metrics;
  private ProcessorContext<String, Validated> context;

  public ValidationProcessor(
      EventKind kind, EventValidator validator, Serializer<T> reencoder, MonitorMetrics metrics) {
    this.kind = kind;
    this.validator = validator;
    this.reencoder = reencoder;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Validated> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, T> record) {
    metrics.eventIn(kind);
    T event = record.value();
    long now = context.currentSystemTimeMs();
    if (event == null) {
      // events are facts, not a compacted table: a tombstone deletes nothing and is accounted for
      metrics.rejected(RejectionStage.VALIDATION, kind.name(), "tombstone");
      context.forward(record.withValue(new Validated.Rejected(tombstone(record, now))));
      return;
    }
    List<Violation> violations = validator.check(event, now);
    if (violations.isEmpty()) {
      metrics.eventValid(kind);
      Fact fact = Fact.of(event);
      Record<String, Validated> accepted =
          record.withKey(fact.eventId()).withValue(new Validated.Accepted(fact));
      context.forward(
          context
              .recordMetadata()
              .map(m -> accepted.withHeaders(pointer(m).stampedOn(record.headers())))
              .orElse(accepted));
      return;
    }
    metrics.rejected(RejectionStage.VALIDATION, kind.name(), violations.get(0).field());
    context.forward(
        record.withValue(new Validated.Rejected(rejection(record, event, violations, now))));
  }

  private static SourcePointer pointer(RecordMetadata m) {
    return new SourcePointer(m.topic(), m.partition(), m.offset());
  }

  private RejectedEvent tombstone(Record<String, T> record, long now) {
    RecordMetadata origin = context.recordMetadata().orElse(null);
    return RejectedEvent.newBuilder()
        .setStage(RejectionStage.VALIDATION)
        .setReason(kind + " rejected: a tombstone (no value) on an event topic carries no event")
        .setSourceTopic(origin == null ? null : origin.topic())
        .setSourcePartition(origin == null ? null : origin.partition())
        .setSourceOffset(origin == null ? null : origin.offset())
        .setRawKey(
            record.key() == null
                ? null
                : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
        .setRejectedAt(Instant.ofEpochMilli(now))
        .build();
  }

  private RejectedEvent rejection(
      Record<String, T> record, T event, List<Violation> violations, long now) {
    RecordMetadata origin = context.recordMetadata().orElse(null);
    String topic = origin == null ? null : origin.topic();
    RejectedEvent rejected =
        RejectedEvent.newBuilder()
            .setStage(RejectionStage.VALIDATION)
            .setReason(
                kind
                    + " rejected: "
                    + violations.stream()
                        .map(Violation::toString)
                        .collect(Collectors.joining("; ")))
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
    return RejectedEventLimit.fit(rejected, RejectedEventLimit.DEFAULT_MAX_BYTES);
  }
}
