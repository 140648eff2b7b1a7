package io.transfermonitor.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
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
}
