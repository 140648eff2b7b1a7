package io.transfermonitor.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out one registry client per URL, so every serde of a process shares one cache. {@code
 * mock://scope} gives the in-memory registry of that scope.
 */
public final class SchemaRegistryClients {

  private static final String MOCK_PREFIX = "mock://";
  private static final Map<String, SchemaRegistryClient> BY_URL = new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  public static SchemaRegistryClient forUrl(String url) {
    if (url.startsWith(MOCK_PREFIX)) {
      return InMemorySchemaRegistry.scope(url.substring(MOCK_PREFIX.length()));
    }
    return BY_URL.computeIfAbsent(url, SchemaRegistryClients::http);
  }

  private static SchemaRegistryClient http(String url) {
    // replaced by the HTTP client (Confluent REST API) in the same module
    throw new UnsupportedOperationException("HTTP registry client not built yet: " + url);
  }
}
