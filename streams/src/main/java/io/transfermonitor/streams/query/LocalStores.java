package io.transfermonitor.streams.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the key-value stores this instance holds: the active partitions of a partitioned store
 * (never a standby's possibly stale copy), or the whole of a global store. String keys throughout.
 */
public final class LocalStores {

  private final KafkaStreams streams;

  public LocalStores(KafkaStreams streams) {
    this.streams = streams;
  }

  /** Every entry of {@code store} held here, converted by {@code row}. */
  public <V, R> List<R> all(String store, BiFunction<String, V, R> row) {
    return read(store, (ReadOnlyKeyValueStore<String, V> s) -> collect(s.all(), row));
  }

  /** The entries of {@code store} held here whose key starts with {@code prefix}. */
  public <V, R> List<R> withPrefix(String store, String prefix, BiFunction<String, V, R> row) {
    return read(
        store,
        (ReadOnlyKeyValueStore<String, V> s) ->
            collect(s.prefixScan(prefix, Serdes.String().serializer()), row));
  }

  private <V, R> List<R> read(
      String store, Function<ReadOnlyKeyValueStore<String, V>, List<R>> reading) {
    try {
      ReadOnlyKeyValueStore<String, V> local =
          streams.store(
              StoreQueryParameters.fromNameAndType(
                  store, QueryableStoreTypes.<String, V>keyValueStore()));
      return reading.apply(local);
    } catch (InvalidStateStoreException e) {
      throw new NotReadyException(
          "store " + store + " cannot be read here now (" + e.getMessage() + ")", e);
    }
  }

  private static <V, R> List<R> collect(
      KeyValueIterator<String, V> entries, BiFunction<String, V, R> row) {
    List<R> rows = new ArrayList<>();
    try (entries) {
      entries.forEachRemaining(kv -> rows.add(row.apply(kv.key, kv.value)));
    }
    return rows;
  }
}
