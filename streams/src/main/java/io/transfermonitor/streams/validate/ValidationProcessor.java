package io.transfermonitor.streams.validate;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1, validate: decodes and checks each record of one input topic. In: the record's key and
 * value bytes, as written. Out: {@link Validated.Accepted} with the event's {@link Fact}, keyed by
 * event id, or {@link Validated.Rejected} with a {@link RejectedEvent} keyed by the original key,
 * naming the stage (DESERIALIZATION for bytes that are not an event of the topic's type, VALIDATION
 * for an event that breaks a rule), the reasons, the first offending field and the record's topic,
 * partition and offset. A rejection carries the record's own key and value bytes, so it can be
 * fixed and replayed; one too large for the rejected topic keeps only the start of them ({@link
 * RejectedEventLimit}). An accepted fact carries its {@link SourcePointer} header, so a later stage
 * can name the input record. A tombstone (null value) on an event topic carries no event: it is
 * rejected too, so that every record read is accounted for.
 *
 * <p>Decoding here rather than in the source node is what makes a rejection exactly-once: Kafka
 * Streams decodes a record in its source node when it buffers it, before it processes the records
 * ahead of it, and a rejection made then can be committed without the offsets that would stop the
 * record being read again (a task revoked after a commit but before it processed anything on that
 * partition). A rejection made by this processor is committed with the record's offset, like any
 * other output. A record that cannot be decoded because the schema registry did not answer is not
 * rejected: the exception stops the task, which reads the record again from the last commit.
 */
public final class ValidationProcessor<T extends SpecificRecord>
    implements Processor<byte[], byte[], String, Validated> {

  private static final Logger LOG = LoggerFactory.getLogger(ValidationProcessor.class);

  private final EventKind kind;
  private final EventValidator validator;
  private final Deserializer<String> keys;
  private final Deserializer<T> events;
  private final MonitorMetrics metrics;
  private ProcessorContext<String, Validated> context;

  public ValidationProcessor(
      EventKind kind,
      EventValidator validator,
      Deserializer<String> keys,
      Deserializer<T> events,
      MonitorMetrics metrics) {
    this.kind = kind;
    this.validator = validator;
    this.keys = keys;
    this.events = events;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Validated> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> raw) {
    metrics.eventIn(kind);
    long now = context.currentSystemTimeMs();
    RecordMetadata origin = context.recordMetadata().orElse(null);
    String topic = origin == null ? null : origin.topic();
    String key;
    T event;
    try {
      key = keys.deserialize(topic, raw.headers(), raw.key());
      event = raw.value() == null ? null : events.deserialize(topic, raw.headers(), raw.value());
    } catch (RuntimeException e) {
      if (SchemaRegistryException.unavailableIn(e)) {
        throw e;
      }
      undecodable(raw, origin, e, now);
      return;
    }
    Record<String, T> record = raw.withKey(key).withValue(event);
    if (event == null) {
      // events are facts, not a compacted table: a tombstone deletes nothing and is accounted for
      metrics.rejected(RejectionStage.VALIDATION, kind.name(), "tombstone");
      RejectedEvent tombstone =
          from(raw, origin, RejectionStage.VALIDATION, now)
              .setReason(
                  kind + " rejected: a tombstone (no value) on an event topic carries no event")
              .build();
      context.forward(record.withValue(new Validated.Rejected(tombstone)).withHeaders(none()));
      return;
    }
    List<Violation> violations = validator.check(event, now);
    if (violations.isEmpty()) {
      metrics.eventValid(kind);
      Fact fact = Fact.of(event);
      Record<String, Validated> accepted =
          record
              .withKey(fact.eventId())
              .withValue(new Validated.Accepted(fact, fact.eventId().equals(key)));
      context.forward(
          origin == null ? accepted : accepted.withHeaders(pointer(origin).asHeaders()));
      return;
    }
    metrics.rejected(RejectionStage.VALIDATION, kind.name(), violations.get(0).field());
    RejectedEvent rejected =
        from(raw, origin, RejectionStage.VALIDATION, now)
            .setReason(
                kind
                    + " rejected: "
                    + violations.stream()
                        .map(Violation::toString)
                        .collect(Collectors.joining("; ")))
            .setField(violations.get(0).field())
            .setEventId(EventTypes.headerOf(event).getEventId())
            .build();
    context.forward(
        record
            .withValue(
                new Validated.Rejected(
                    RejectedEventLimit.fit(rejected, RejectedEventLimit.DEFAULT_MAX_BYTES)))
            .withHeaders(none()));
  }

  /** Bytes that are no event of this topic's type: set aside at DESERIALIZATION, as they came. */
  private void undecodable(
      Record<byte[], byte[]> raw, RecordMetadata origin, RuntimeException e, long now) {
    metrics.rejected(RejectionStage.DESERIALIZATION, kind.name(), MonitorMetrics.UNDECODABLE);
    LOG.warn(
        "undecodable record {}-{}@{} rejected: {}",
        origin == null ? null : origin.topic(),
        origin == null ? null : origin.partition(),
        origin == null ? null : origin.offset(),
        e.getMessage());
    RejectedEvent rejected =
        from(raw, origin, RejectionStage.DESERIALIZATION, now)
            .setReason("cannot decode record: " + e.getMessage())
            .setErrorClass(e.getClass().getName())
            .build();
    String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
    context.forward(
        raw.withKey(key)
            .withValue(
                new Validated.Rejected(
                    RejectedEventLimit.fit(rejected, RejectedEventLimit.DEFAULT_MAX_BYTES)))
            .withHeaders(none()));
  }

  /** A rejection of {@code raw} at {@code stage}: where it was read and its bytes as written. */
  private static RejectedEvent.Builder from(
      Record<byte[], byte[]> raw, RecordMetadata origin, RejectionStage stage, long now) {
    return RejectedEvent.newBuilder()
        .setStage(stage)
        .setReason("")
        .setSourceTopic(origin == null ? null : origin.topic())
        .setSourcePartition(origin == null ? null : origin.partition())
        .setSourceOffset(origin == null ? null : origin.offset())
        .setRawKey(raw.key() == null ? null : ByteBuffer.wrap(raw.key()))
        .setRawValue(raw.value() == null ? null : ByteBuffer.wrap(raw.value()))
        .setRejectedAt(Instant.ofEpochMilli(now));
  }

  /**
   * A rejection goes out without the input's headers: it points to the input record, which keeps
   * them, and a header near the broker's size limit would make the rejection itself too large.
   */
  private static Headers none() {
    return new RecordHeaders();
  }

  private static SourcePointer pointer(RecordMetadata m) {
    return new SourcePointer(m.topic(), m.partition(), m.offset());
  }
}
