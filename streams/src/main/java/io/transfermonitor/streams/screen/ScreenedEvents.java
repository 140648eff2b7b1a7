package io.transfermonitor.streams.screen;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The index of parties seen: a persistent window store of {@link ScreenedEvent}s keyed by event id,
 * one-millisecond windows at the wall-clock time each event was seen, kept for the look-back so old
 * events expire by themselves.
 */
public final class ScreenedEvents {

  private ScreenedEvents() {}

  public static StoreBuilder<WindowStore<String, ScreenedEvent>> storeBuilder(
      String name, Duration lookBack) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(name, lookBack, Duration.ofMillis(1), false),
        Serdes.String(),
        new ScreenedEventSerde());
  }
}
