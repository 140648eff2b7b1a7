package io.transfermonitor.streams.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.fact.Fact;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ScreenedEventSerdeTest {

  private final ScreenedEventSerde serde = new ScreenedEventSerde();

  @Test
  void shouldReadBackTheEventItsTimeAndTheDesignationsItHit() {
    // given
    Fact payment =
        Fact.of(Events.payment("p1", "2024-02-14T00:00:00Z", "Foreign Trade Bank", null));
    ScreenedEvent event = new ScreenedEvent(payment, 1_750_000_000_000L, Set.of("KPe.047"));

    // when
    byte[] bytes = serde.serializer().serialize("t", event);

    // then
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(event);
  }

  @Test
  void shouldRefuseAnUnknownFormatVersionNamingIt() {
    // then
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("format version 9");
  }
}
