package io.transfermonitor.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Hands out one registry client per URL (and credentials), so every serde of a process shares one
 * cache. {@code mock://scope} gives the in-memory registry of that scope; {@code http://} and
 * {@code https://} URLs give a {@link HttpSchemaRegistryClient}.
 */
public final class SchemaRegistryClients {

  private static final String MOCK_PREFIX = "mock://";
  private static final Map<RegistryEndpoint, SchemaRegistryClient> BY_ENDPOINT =
      new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  /**
   * The shared client for {@code url}.
   *
   * @throws IllegalArgumentException when the URL is neither {@code mock://...} nor http(s)
   */
  public static SchemaRegistryClient forUrl(String url) {
    return forUrl(url, Map.of());
  }

  /**
   * The shared client for {@code url}, with the HTTP settings of Kafka-client-style {@code configs}
   * ({@code basic.auth.user.info}).
   */
  public static SchemaRegistryClient forUrl(String url, Map<String, ?> configs) {
    return forUrl(url, configs, UnaryOperator.identity());
  }

  /**
   * The shared client for {@code url} with the settings of {@code configs}, its endpoint changed by
   * {@code adjust} (a longer retry budget, say; clients of one URL with different budgets are
   * different clients). {@code mock://} URLs give the in-memory registry, unadjusted.
   */
  public static SchemaRegistryClient forUrl(
      String url, Map<String, ?> configs, UnaryOperator<RegistryEndpoint> adjust) {
    if (url.startsWith(MOCK_PREFIX)) {
      return InMemorySchemaRegistry.scope(url.substring(MOCK_PREFIX.length()));
    }
    return BY_ENDPOINT.computeIfAbsent(
        adjust.apply(RegistryEndpoint.from(url, configs)), HttpSchemaRegistryClient::new);
  }
}
