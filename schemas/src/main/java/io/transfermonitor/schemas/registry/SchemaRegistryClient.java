package io.transfermonitor.schemas.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that transfer-monitor uses.
 *
 * <p>Implementations: {@link InMemorySchemaRegistry} for topology tests ({@code mock://scope} URLs)
 * and the HTTP client for Confluent Schema Registry, Apicurio (ccompat), Karapace, Redpanda and the
 * embedded development registry. Every failure is a {@link SchemaRegistryException} that names the
 * subject and, for HTTP, the URL and status.
 */
public interface SchemaRegistryClient {

  /** Registers {@code schema} under {@code subject}; returns its global id (same id if known). */
  int register(String subject, Schema schema);

  /** Id of {@code schema} under {@code subject}, or a 404-style exception if not registered. */
  int idOf(String subject, Schema schema);

  /** The schema with global id {@code id}. */
  Schema schemaById(int id);

  /** The latest version registered under {@code subject}. */
  RegisteredSchema latest(String subject);

  /** Whether {@code schema} may be registered under {@code subject} given its compatibility. */
  boolean isCompatible(String subject, Schema schema);

  /** Compatibility level in force for {@code subject} (its own, else the global one). */
  String compatibility(String subject);

  /** Sets the compatibility level of {@code subject}, or the global one when subject is null. */
  void setCompatibility(String subject, String level);

  /**
   * Every subject the registry knows. A default method so that clients written against the first
   * version of this interface still compile; both built-in clients answer it.
   */
  default List<String> subjects() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list subjects");
  }
}
