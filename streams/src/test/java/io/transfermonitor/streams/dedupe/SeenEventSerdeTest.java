package io.transfermonitor.streams.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.fact.Fact;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SeenEventSerdeTest {

  private final SeenEventSerde serde = new SeenEventSerde();

  @Test
  void shouldReadBackTheEventWhereItWasReadAndTheDesignationsItHit() {
    // given
    Fact payment =
        Fact.of(Events.payment("p1", "2024-02-14T00:00:00Z", "Foreign Trade Bank", null));
    SeenEvent event = SeenEvent.first(payment, 5, 1234L).withAlerted(Set.of("KPe.047"));

    // when
    byte[] bytes = serde.serializer().serialize("t", event);
    SeenEvent read = serde.deserializer().deserialize("t", bytes);

    // then: the id stays in the store's key, not in the entry
    assertThat(read.fact().eventId()).isNull();
    assertThat(read.withEventId("p1")).isEqualTo(event);
  }

  @Test
  void shouldKeepAnEntryWithinAFewBytesOfItsEventsOwnFields() {
    // given
    Fact troops = Fact.of(Events.troops("t-0001", "2024-10-08T00:00:00Z", 1500));

    // when
    byte[] bytes = serde.serializer().serialize("t", SeenEvent.first(troops, 3, 99_999L));

    // then: no id, no field names, no registry header
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("t-0001");
    assertThat(bytes.length).isLessThan(120);
  }

  @Test
  void shouldRefuseAnUnknownSchemaVersionNamingIt() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("internal schema version 9");
  }
}
