package io.transfermonitor.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A rejection of a record of about 1 MB still fits on the rejected topic, and says so. */
class RejectedEventLimitTest {

  private static RejectedEvent rejection(int keyBytes, int valueBytes) {
    byte[] value = new byte[valueBytes];
    Arrays.fill(value, (byte) 7);
    return RejectedEvent.newBuilder()
        .setStage(RejectionStage.DESERIALIZATION)
        .setReason("cannot decode record: unknown magic byte")
        .setSourceTopic("tm.events.tanker-deliveries")
        .setSourcePartition(2)
        .setSourceOffset(41L)
        .setRawKey(ByteBuffer.wrap(new byte[keyBytes]))
        .setRawValue(ByteBuffer.wrap(value))
        .setRejectedAt(Instant.parse("2025-01-01T00:00:00Z"))
        .build();
  }

  @Test
  void shouldLeaveARejectionThatFitsAlone() {
    RejectedEvent small = rejection(10, 1000);

    assertThat(RejectedEventLimit.fit(small, RejectedEventLimit.DEFAULT_MAX_BYTES)).isSameAs(small);
  }

  @Test
  void shouldCutTheRawBytesOfAHugeRecordAndPointToWhereItStays() {
    // given: a 1.5 MB value with a 100 KB key
    RejectedEvent huge = rejection(100_000, 1_500_000);

    // when
    RejectedEvent fitted = RejectedEventLimit.fit(huge, RejectedEventLimit.DEFAULT_MAX_BYTES);

    // then: it serializes within the budget, keeps the start of the bytes and says where the rest
    // is
    AvroSerializer<RejectedEvent> serializer =
        new AvroSerializer<>(InMemorySchemaRegistry.scope("rejected-event-limit"), true, false);
    byte[] written = serializer.serialize("tm.events.rejected", fitted);
    assertThat(written.length + fitted.getRawKey().remaining())
        .isLessThanOrEqualTo(RejectedEventLimit.DEFAULT_MAX_BYTES);
    assertThat(fitted.getRawValueSize()).isEqualTo(1_500_000L);
    assertThat(fitted.getRawKeySize()).isEqualTo(100_000L);
    assertThat(fitted.getRawValue().get(0)).isEqualTo((byte) 7);
    assertThat(fitted.getReason())
        .startsWith("cannot decode record: unknown magic byte")
        .contains("raw value cut from 1500000")
        .endsWith("the whole record is at tm.events.tanker-deliveries-2@41]");
  }
}
