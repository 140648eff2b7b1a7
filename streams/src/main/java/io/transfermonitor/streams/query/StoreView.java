package io.transfermonitor.streams.query;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One store as the dashboard reads it: its name in the API ({@code /api/local/<name>}), the state
 * store, and how a stored entry (key and value) becomes a row that travels as JSON between
 * instances. The store's keys start with the key its input is partitioned by and a slash ({@code
 * ruleId/...}), so the rows of one partition key are a prefix scan on the instance that owns that
 * key.
 *
 * @param name the view's name in the API
 * @param store the state store it reads
 * @param rowType the row class, for reading a peer's JSON answer
 * @param row turns a stored key and value into a row
 */
public record StoreView<V, R>(
    String name, String store, Class<R> rowType, BiFunction<String, V, R> row) {

  /** A view whose rows come from the stored values alone (the key is repeated in them). */
  public StoreView(String name, String store, Class<R> rowType, Function<V, R> valueRow) {
    this(name, store, rowType, (String key, V value) -> valueRow.apply(value));
  }

  /** The key prefix of the rows of {@code partitionKey}. */
  public String prefixOf(String partitionKey) {
    return partitionKey + "/";
  }
}
