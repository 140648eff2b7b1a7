package io.transfermonitor.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchException;

import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.validation.RejectedEventLimit;
import io.transfermonitor.streams.fact.SourcePointer;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RejectedRecordHandlerTest {

  private final String scope = "handler-test-" + UUID.randomUUID();
  private final RejectedRecordHandler handler = new RejectedRecordHandler();
  private final ConsumerRecord<byte[], byte[]> record =
      new ConsumerRecord<>("tm.events.tanker-deliveries", 0, 42L, "k".getBytes(), new byte[] {0});

  RejectedRecordHandlerTest() {
    handler.configure(
        Map.of(
            RejectedRecordHandler.REJECTED_TOPIC_CONFIG,
            "tm.events.rejected",
            "schema.registry.url",
            "mock://" + scope));
  }

  @AfterEach
  void dropRegistry() {
    InMemorySchemaRegistry.dropScope(scope);
  }

  @Test
  void shouldStopRatherThanRejectGoodRecordsWhileTheRegistryIsDown() {
    // given the registry answers 503 for the writer schema
    Exception down =
        new SerializationException(
            "topic 'tm.events.tanker-deliveries': registry unavailable",
            new SchemaRegistryException("GET /schemas/ids/7 answered HTTP 503", 503, 50302));

    // when
    var response = handler.handleError(null, record, down);

    // then nothing goes to the rejected topic: the task stops and the record is retried
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void shouldRejectARecordWhoseSchemaIdIsUnknown() {
    // given the registry says the id does not exist: the bytes are bad, not the registry
    Exception unknown =
        new SerializationException(
            "topic 'tm.events.tanker-deliveries': unknown schema id 7",
            new SchemaRegistryException("schema id 7 not found", 404, 40403));

    // when
    var response = handler.handleError(null, record, unknown);

    // then
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords())
        .singleElement()
        .satisfies(r -> assertThat(r.topic()).isEqualTo("tm.events.rejected"));
  }

  @Test
  void shouldRetryRatherThanRejectARecordWhoseProcessingMetADownRegistry() {
    // given: re-encoding a rejected event failed because the registry answered 503
    Exception down =
        new SerializationException(
            "cannot register", new SchemaRegistryException("POST answered HTTP 503", 503, 50302));

    // when
    var response = handler.handleError(context(), new Record<>("k", "v", 0L), down);

    // then
    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void shouldWriteARecordOfAboutOneMegabyteAsARejectionThatFits() {
    // given: 1.1 MB of junk
    byte[] junk = new byte[1_100_000];
    ConsumerRecord<byte[], byte[]> huge =
        new ConsumerRecord<>("tm.events.tanker-deliveries", 1, 7L, "k".getBytes(), junk);

    // when
    var response =
        handler.handleError(null, huge, new SerializationException("unknown magic byte 0x00"));

    // then: a dead-letter record under the producer's 1 MiB, saying where the whole record is
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords())
        .singleElement()
        .satisfies(
            r -> assertThat(r.value().length).isLessThan(RejectedEventLimit.DEFAULT_MAX_BYTES));
  }

  @Test
  void shouldSetAsideARecordOverTheBudgetNamingTheInputRecordItCameFrom() {
    // given: a ledger batch of 2 MB refused by its guarded serializer, made from an event that
    // crossed a repartition topic (its tm-source header names the input record)
    Serializer<String> guarded = RecordBudget.DEFAULT.guard(Serdes.String()).serializer();
    Headers headers = new SourcePointer("tm.events.tanker-deliveries", 2, 9L).asHeaders();
    Exception oversize =
        catchException(() -> guarded.serialize("ledger-partials", headers, "x".repeat(2_000_000)));
    ProducerRecord<String, String> record =
        new ProducerRecord<>("ledger-partials", null, "rule", "...", headers);

    // when
    var response =
        handler.handleSerializationError(
            context("tm-monitor-events-by-id-repartition"),
            record,
            oversize,
            ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

    // then: the task goes on, the rejection names the size, the budget and the input record
    assertThat(oversize).isInstanceOf(RecordBudget.OversizeRecordException.class);
    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.topic()).isEqualTo("tm.events.rejected");
              RejectedEvent rejected = decode(r.value());
              assertThat(rejected.getStage()).isEqualTo(RejectionStage.PROCESSING);
              assertThat(rejected.getReason())
                  .contains("too large to write")
                  .contains(" bytes for ledger-partials exceeds the monitor's budget")
                  .contains("the original record is at tm.events.tanker-deliveries-2@9");
              assertThat(rejected.getSourceOffset()).isEqualTo(9L);
            });
  }

  @Test
  void shouldRetryAFailedPunctuationWhichHasNoRecordToSetAside() {
    // given: Kafka Streams hands a punctuation's failure over without a record
    Exception failed = new IllegalStateException("boom");

    // when
    var response = handler.handleError(context(null), (Record<?, ?>) null, failed);

    // then: the task retries it (before, the handler itself failed on the missing record)
    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void shouldSetAsideAStoreValueOverTheBudgetMadeInAPunctuationRatherThanRetryItForever() {
    // given: a punctuation putting a value over the budget in a store (its guarded serde refuses
    // it)
    Serializer<String> guarded =
        new RecordBudget(RecordBudget.MIN_BYTES).guard(Serdes.String()).serializer();
    Exception oversize =
        catchException(() -> guarded.serialize("tm-monitor-cases-changelog", "x".repeat(5_000)));

    // when: Kafka Streams hands it over without a record
    var response = handler.handleError(context(null), (Record<?, ?>) null, oversize);

    // then: the task goes on; the rejection names the store's changelog and the punctuation
    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords())
        .singleElement()
        .satisfies(
            r -> {
              RejectedEvent rejected = decode(r.value());
              assertThat(rejected.getStage()).isEqualTo(RejectionStage.PROCESSING);
              assertThat(rejected.getReason())
                  .startsWith("too large to keep: a record of 5000 bytes for")
                  .contains("tm-monitor-cases-changelog")
                  .contains("in a punctuation of");
            });
  }

  @Test
  void shouldRefuseABudgetTooSmallForTheMonitorsOrdinaryRecords() {
    assertThatThrownBy(() -> new RecordBudget(RecordBudget.MIN_BYTES - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least " + RecordBudget.MIN_BYTES);
  }

  @Test
  void shouldStillStopOnASerializationErrorThatIsNotAboutSize() {
    var response =
        handler.handleSerializationError(
            context(),
            new ProducerRecord<>("tm.alerts", "k", "v"),
            new SerializationException("no schema"),
            ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
  }

  @Test
  void shouldTakeTheBudgetFromTheProducersMaxRequestSize() {
    assertThat(RecordBudget.of(Map.of()).maxBytes()).isEqualTo(1024 * 1024 - 64 * 1024);
    assertThat(RecordBudget.of(Map.of("producer.max.request.size", "4194304")).maxBytes())
        .isEqualTo(4 * 1024 * 1024 - 64 * 1024);
    Serializer<String> guarded = RecordBudget.DEFAULT.guard(Serdes.String()).serializer();
    RecordHeaders big = new RecordHeaders();
    big.add("x-trace", new byte[1_000_000]);
    assertThat(catchException(() -> guarded.serialize("tm.alerts", big, "small")))
        .isInstanceOf(RecordBudget.OversizeRecordException.class);
    assertThat(guarded.serialize("tm.alerts", new RecordHeaders(), "small")).hasSize(5);
  }

  private RejectedEvent decode(byte[] value) {
    return new AvroDeserializer<>(InMemorySchemaRegistry.scope(scope), RejectedEvent.class)
        .deserialize("tm.events.rejected", value);
  }

  private static ErrorHandlerContext context() {
    return context("tm.events.tanker-deliveries");
  }

  private static ErrorHandlerContext context(String topic) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return topic;
      }

      @Override
      public int partition() {
        return 0;
      }

      @Override
      public long offset() {
        return 3L;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "validate-tanker-deliveries";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 0);
      }

      @Override
      public long timestamp() {
        return 0L;
      }

      @Override
      public byte[] sourceRawKey() {
        return "k".getBytes();
      }

      @Override
      public byte[] sourceRawValue() {
        return new byte[] {0};
      }
    };
  }
}
