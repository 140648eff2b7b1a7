package io.transfermonitor.streams.errors;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.schemas.validation.RejectedEventLimit;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.fact.SourcePointer;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes records the topology cannot use to the rejected topic and carries on (KIP-1034 dead-letter
 * records): records whose processing threw (stage PROCESSING), and undecodable bytes (stage
 * DESERIALIZATION) on the topics the monitor reads other than the event topics (case actions, its
 * own alerts read back, internal topics). The event topics are read as bytes and decoded by {@code
 * ValidationProcessor}, whose rejection is committed with the record's offset; a rejection made
 * here is made when Kafka Streams buffers the record, and can be committed before that offset. Each
 * becomes a {@link RejectedEvent} in Avro, keyed by the original key bytes, with the error, the
 * source topic, partition and offset and the raw bytes, written in the same transaction as the
 * task's other output. A record that failed after a repartition is named by the input record it
 * came from (its {@link SourcePointer} header), not by the internal topic. A rejection too large
 * for the producer's {@code max.request.size} keeps only the start of the raw bytes and points to
 * where the whole record stays ({@link RejectedEventLimit}), so a record of about 1 MB is set aside
 * like any other instead of failing the stream thread on it forever. As production exception
 * handler it sets aside a record the monitor was about to write over its {@link RecordBudget}
 * (stage PROCESSING, reason {@code too large to write: ...}, naming the input record), refused by
 * the record's serializer before the producer could abort the transaction on it. As processing
 * exception handler it sets aside the record in hand when a store refused the value a processor put
 * as over the budget (reason {@code too large to keep: ...}, naming the store's changelog), even in
 * a punctuation, which is otherwise retried: retrying would meet the same value forever.
 *
 * <p>Configured from the Streams properties: {@value #REJECTED_TOPIC_CONFIG} (the rejected topic),
 * {@code schema.registry.url}, optionally {@value #METRICS_CONFIG} (a {@link MonitorMetrics}
 * instance) and {@value #GLOBAL_TOPICS_CONFIG} (comma-separated topics read by global stores: their
 * global thread cannot write dead-letter records, so a bad record there is logged as an error and
 * skipped rather than stopping the application). The standard {@code
 * errors.dead.letter.queue.topic.name} is deliberately not used: the built-in handlers would write
 * raw, non-Avro bytes to it.
 */
public final class RejectedRecordHandler
    implements DeserializationExceptionHandler,
        ProcessingExceptionHandler,
        ProductionExceptionHandler {

  public static final String REJECTED_TOPIC_CONFIG = "transfer-monitor.rejected.topic";
  public static final String METRICS_CONFIG = "transfer-monitor.metrics";
  public static final String GLOBAL_TOPICS_CONFIG = "transfer-monitor.global.topics";

  /** The metric's reason for a record set aside as too large to write. */
  public static final String OVERSIZE = MonitorMetrics.OVERSIZE;

  private static final Logger LOG = LoggerFactory.getLogger(RejectedRecordHandler.class);

  private String rejectedTopic;
  private int maxBytes = RejectedEventLimit.DEFAULT_MAX_BYTES;
  private AvroSerializer<RejectedEvent> serializer;
  private MonitorMetrics metrics;
  private Set<String> globalTopics = Set.of();

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(REJECTED_TOPIC_CONFIG);
    if (topic == null || topic.toString().isBlank()) {
      throw new ConfigException(REJECTED_TOPIC_CONFIG, topic, "the rejected topic is required");
    }
    rejectedTopic = topic.toString();
    maxBytes = RecordBudget.of(configs).maxBytes();
    serializer =
        new AvroSerializer<>(
            SchemaRegistryClients.forUrl(AvroSerdeConfig.from(configs).registryUrl(), configs),
            true,
            false);
    Object global = configs.get(GLOBAL_TOPICS_CONFIG);
    if (global != null && !global.toString().isBlank()) {
      globalTopics = Set.of(global.toString().split(","));
    }
    Object m = configs.get(METRICS_CONFIG);
    metrics = m instanceof MonitorMetrics mm ? mm : MonitorMetrics.inMemory();
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (SchemaRegistryException.unavailableIn(exception)) {
      // good data the registry could not vouch for now: stop the task (its thread is replaced and
      // the record retried from the last commit) rather than reject it as garbage
      LOG.error(
          "schema registry unavailable while decoding {}-{}@{}; retrying: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          exception.getMessage());
      return DeserializationExceptionHandler.Response.fail();
    }
    if (globalTopics.contains(record.topic())) {
      // a global thread has no producer for dead-letter records: log loudly and skip the record
      LOG.error(
          "undecodable record {}-{}@{} on a global (reference) topic skipped: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          exception.getMessage());
      metrics.rejected(
          RejectionStage.DESERIALIZATION, kindOf(record.topic()), MonitorMetrics.UNDECODABLE);
      return DeserializationExceptionHandler.Response.resume();
    }
    RejectedEvent rejected =
        base(RejectionStage.DESERIALIZATION, exception)
            .setSourceTopic(record.topic())
            .setSourcePartition(record.partition())
            .setSourceOffset(record.offset())
            .setRawKey(bytes(record.key()))
            .setRawValue(bytes(record.value()))
            .build();
    LOG.warn(
        "undecodable record {}-{}@{} sent to {}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        rejectedTopic,
        exception.getMessage());
    List<ProducerRecord<byte[], byte[]>> out = deadLetter(rejected);
    if (out == null) {
      return DeserializationExceptionHandler.Response.fail();
    }
    metrics.rejected(
        RejectionStage.DESERIALIZATION, kindOf(record.topic()), MonitorMetrics.UNDECODABLE);
    return DeserializationExceptionHandler.Response.resume(out);
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (SchemaRegistryException.unavailableIn(exception)) {
      // e.g. re-encoding a rejected event while the registry is down: the record is not to blame,
      // so retry it from the last commit rather than reject it at the wrong stage
      LOG.error(
          "schema registry unavailable while processing {}-{}@{} in {}; retrying: {}",
          context.topic(),
          context.partition(),
          context.offset(),
          context.processorNodeId(),
          exception.getMessage());
      return ProcessingExceptionHandler.Response.fail();
    }
    Optional<RecordBudget.OversizeRecordException> oversize =
        RecordBudget.OversizeRecordException.in(exception);
    if (oversize.isPresent()) {
      return setAsideOversizeState(context, record, oversize.get());
    }
    if (record == null) {
      // a punctuation failed (Kafka Streams passes no record): there is no record to set aside, and
      // skipping the rest of the punctuation could drop partial sums, so the task retries it
      LOG.error(
          "punctuation failed in {} (task {}); retrying from the last commit",
          context.processorNodeId(),
          context.taskId(),
          exception);
      return ProcessingExceptionHandler.Response.fail();
    }
    RejectedEvent.Builder rejected =
        fromRecordInHand(base(RejectionStage.PROCESSING, exception), context, record.value());
    SourcePointer.in(context.headers())
        .filter(source -> !source.topic().equals(context.topic()))
        .ifPresent(source -> pointToInput(rejected, source, context.topic()));
    LOG.warn(
        "processing failed in {} for record {}-{}@{}, sent to {}",
        context.processorNodeId(),
        context.topic(),
        context.partition(),
        context.offset(),
        rejectedTopic,
        exception);
    List<ProducerRecord<byte[], byte[]>> out = deadLetter(rejected.build());
    if (out == null) {
      return ProcessingExceptionHandler.Response.fail();
    }
    metrics.rejected(
        RejectionStage.PROCESSING, kindOf(context.topic()), exception.getClass().getSimpleName());
    return ProcessingExceptionHandler.Response.resume(out);
  }

  /**
   * A store value over the {@link RecordBudget}, refused by the store's guarded serde where a
   * processor put it (its changelog record would be refused by the broker at the next commit, and
   * the task would fail on it at every retry): the record in hand is set aside on the rejected
   * topic (stage PROCESSING, reason {@code too large to keep: ...} naming the changelog, the input
   * record it came from), counted with reason {@code oversize}, and the task goes on. In a
   * punctuation there is no record in hand: the rejection names the processor and task, and the
   * rest of that punctuation is skipped rather than retried on the same value forever.
   */
  private ProcessingExceptionHandler.Response setAsideOversizeState(
      ErrorHandlerContext context, Record<?, ?> record, RecordBudget.OversizeRecordException e) {
    String where =
        record == null
            ? " [in a punctuation of "
                + context.processorNodeId()
                + ", task "
                + context.taskId()
                + "]"
            : " [in " + context.processorNodeId() + "]";
    RejectedEvent.Builder rejected =
        RejectedEvent.newBuilder()
            .setStage(RejectionStage.PROCESSING)
            .setReason(
                "too large to keep: "
                    + e.getMessage()
                    + "; the store keeps its value as it was, the record is set aside so the"
                    + " monitor goes on"
                    + where)
            .setErrorClass(e.getClass().getName())
            .setRejectedAt(Instant.now());
    if (record != null) {
      fromRecordInHand(rejected, context, record.value());
      SourcePointer.in(context.headers())
          .filter(source -> !source.topic().equals(context.topic()))
          .ifPresent(source -> pointToInput(rejected, source, context.topic()));
    }
    LOG.error(
        "a store value made in {} from {}-{}@{} is too large to keep, sent to {}: {}",
        context.processorNodeId(),
        context.topic(),
        context.partition(),
        context.offset(),
        rejectedTopic,
        e.getMessage());
    List<ProducerRecord<byte[], byte[]>> out = deadLetter(rejected.build());
    if (out == null) {
      return ProcessingExceptionHandler.Response.fail();
    }
    metrics.rejected(RejectionStage.PROCESSING, kindOf(context.topic()), OVERSIZE);
    return ProcessingExceptionHandler.Response.resume(out);
  }

  /**
   * A record the monitor was about to write over its {@link RecordBudget}, refused by its
   * serializer: set aside on the rejected topic (stage PROCESSING, naming the input record it was
   * made from) so the task goes on. Any other serialization error fails the task as before.
   */
  @Override
  public ProductionExceptionHandler.Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      ProductionExceptionHandler.SerializationExceptionOrigin origin) {
    if (!(exception instanceof RecordBudget.OversizeRecordException)) {
      LOG.error(
          "cannot serialize a record for {} in {}; stopping",
          record.topic(),
          context.processorNodeId(),
          exception);
      return ProductionExceptionHandler.Response.fail();
    }
    RejectedEvent.Builder rejected =
        RejectedEvent.newBuilder()
            .setStage(RejectionStage.PROCESSING)
            .setReason(
                "too large to write: "
                    + exception.getMessage()
                    + "; set aside so the monitor goes on, and not counted further")
            .setErrorClass(exception.getClass().getName())
            .setRejectedAt(Instant.now());
    fromRecordInHand(rejected, context, record.value());
    SourcePointer.in(record.headers())
        .or(() -> SourcePointer.in(context.headers()))
        .filter(source -> !source.topic().equals(context.topic()))
        .ifPresent(source -> pointToInput(rejected, source, context.topic()));
    LOG.error(
        "record for {} made in {} from {}-{}@{} is too large, sent to {}: {}",
        record.topic(),
        context.processorNodeId(),
        context.topic(),
        context.partition(),
        context.offset(),
        rejectedTopic,
        exception.getMessage());
    List<ProducerRecord<byte[], byte[]>> out = deadLetter(rejected.build());
    if (out == null) {
      return ProductionExceptionHandler.Response.fail();
    }
    metrics.rejected(RejectionStage.PROCESSING, kindOf(context.topic()), OVERSIZE);
    return ProductionExceptionHandler.Response.resume(out);
  }

  /**
   * A record the producer could not send. Under exactly-once the transaction it was in is aborted
   * whatever this answers, so retrying (a retriable error) or failing the task, which then retries
   * from the last commit, are the only honest answers; records over the budget never get here.
   */
  @Override
  public ProductionExceptionHandler.Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RetriableException) {
      return ProductionExceptionHandler.Response.retry();
    }
    LOG.error(
        "cannot write a record to {} made in {} from {}-{}@{}; the task retries from its last"
            + " commit",
        record.topic(),
        context.processorNodeId(),
        context.topic(),
        context.partition(),
        context.offset(),
        exception);
    return ProductionExceptionHandler.Response.fail();
  }

  /**
   * A record that failed after a repartition: its bytes there are the monitor's internal form, of
   * no use to whoever must fix the source, so the rejection names the input record instead.
   */
  private static void pointToInput(
      RejectedEvent.Builder rejected, SourcePointer source, String internalTopic) {
    rejected
        .setSourceTopic(source.topic())
        .setSourcePartition(source.partition())
        .setSourceOffset(source.offset())
        .setRawValue(null)
        .setReason(
            rejected.getReason()
                + " [in "
                + internalTopic
                + "; the original record is at "
                + source.topic()
                + "-"
                + source.partition()
                + "@"
                + source.offset()
                + "]");
  }

  /**
   * {@code rejected} naming the record the task was processing: where it was read, the event id of
   * {@code value} when it is an event, and its bytes as read.
   */
  private static RejectedEvent.Builder fromRecordInHand(
      RejectedEvent.Builder rejected, ErrorHandlerContext context, Object value) {
    return rejected
        .setSourceTopic(context.topic())
        .setSourcePartition(context.topic() == null ? null : context.partition())
        .setSourceOffset(context.topic() == null ? null : context.offset())
        .setEventId(eventIdOf(value))
        .setRawKey(bytes(context.sourceRawKey()))
        .setRawValue(bytes(context.sourceRawValue()));
  }

  private RejectedEvent.Builder base(RejectionStage stage, Exception exception) {
    return RejectedEvent.newBuilder()
        .setStage(stage)
        .setReason(
            stage == RejectionStage.DESERIALIZATION
                ? "cannot decode record: " + exception.getMessage()
                : "processing failed: " + exception.getMessage())
        .setErrorClass(exception.getClass().getName())
        .setRejectedAt(Instant.now());
  }

  /**
   * The dead-letter record keyed by the original key (its start, for a huge key), or null when even
   * the rejection cannot be written.
   */
  private List<ProducerRecord<byte[], byte[]>> deadLetter(RejectedEvent whole) {
    try {
      RejectedEvent rejected = RejectedEventLimit.fit(whole, maxBytes);
      byte[] value = serializer.serialize(rejectedTopic, rejected);
      byte[] key = rejected.getRawKey() == null ? null : array(rejected.getRawKey());
      return List.of(new ProducerRecord<>(rejectedTopic, key, value));
    } catch (RuntimeException e) {
      LOG.error(
          "cannot write the rejected record to {}; stopping rather than losing it",
          rejectedTopic,
          e);
      return null;
    }
  }

  private static String eventIdOf(Object value) {
    if (value instanceof Fact f) {
      return f.eventId();
    }
    if (value instanceof SpecificRecord event) {
      try {
        return EventTypes.headerOf(event).getEventId();
      } catch (RuntimeException notAnEvent) {
        return null;
      }
    }
    return null;
  }

  private static byte[] array(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  /** The event kind whose topic {@code topic} is ({@code <prefix>events.<slug>}), else unknown. */
  static String kindOf(String topic) {
    if (topic != null) {
      for (EventKind kind : EventKind.values()) {
        if (topic.endsWith("events." + Topics.slug(kind))) {
          return kind.name();
        }
      }
    }
    return MonitorMetrics.UNKNOWN_KIND;
  }

  private static ByteBuffer bytes(byte[] raw) {
    return raw == null ? null : ByteBuffer.wrap(raw);
  }
}
