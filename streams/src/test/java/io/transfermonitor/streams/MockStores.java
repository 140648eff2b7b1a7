package io.transfermonitor.streams;

import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/** In-memory state stores registered with a {@link MockProcessorContext}, for processor tests. */
public final class MockStores {

  private MockStores() {}

  /** A key-value store named {@code name}, keyed by string, added to {@code context}. */
  public static <V> KeyValueStore<String, V> keyValue(
      MockProcessorContext<?, ?> context, String name, Serde<V> values) {
    KeyValueStore<String, V> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }

  /** The {@code rules} store the rule stages read (Avro values), holding {@code rules}. */
  public static KeyValueStore<String, Rule> rules(
      MockProcessorContext<?, ?> context, Rule... rules) {
    KeyValueStore<String, Rule> store =
        keyValue(
            context,
            "rules",
            AvroSerde.forValue(InMemorySchemaRegistry.scope("mock-rules"), Rule.class));
    for (Rule rule : rules) {
      store.put(rule.getRuleId(), rule);
    }
    return store;
  }

  /** A window store of one-millisecond windows kept for {@code retention}, added to context. */
  public static WindowStore<String, Long> window(
      MockProcessorContext<?, ?> context, String name, Duration retention) {
    return window(context, name, retention, Serdes.Long());
  }

  /** A window store of {@code values}, one-millisecond windows, added to {@code context}. */
  public static <V> WindowStore<String, V> window(
      MockProcessorContext<?, ?> context, String name, Duration retention, Serde<V> values) {
    WindowStore<String, V> store =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(name, retention, Duration.ofMillis(1), false),
                Serdes.String(),
                values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    return store;
  }
}
