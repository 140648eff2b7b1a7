package io.transfermonitor.schemas.serde;

import io.transfermonitor.schemas.registry.RegistryEndpoint;
import io.transfermonitor.schemas.registry.RegistryTls;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Serde settings, with the same keys as Confluent's serdes so existing client configuration carries
 * over. Also read, by the registry client ({@link RegistryEndpoint#from}): {@code
 * basic.auth.user.info} ({@code user:password}) for registries behind HTTP basic auth (credentials
 * written into the URL work too), {@code bearer.auth.token}, and the {@code schema.registry.ssl.*}
 * truststore and keystore of {@link RegistryTls}.
 *
 * @param registryUrl {@code schema.registry.url}: an http(s) URL, or {@code mock://scope} for an
 *     in-memory registry shared by everything configured with the same scope
 * @param autoRegister {@code auto.register.schemas}: register the writer schema on first use
 *     (default true); when false the schema must already be registered under the subject
 */
public record AvroSerdeConfig(String registryUrl, boolean autoRegister) {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String BASIC_AUTH_USER_INFO = RegistryEndpoint.BASIC_AUTH_USER_INFO;

  /** Parses the settings from Kafka client configuration. */
  public static AvroSerdeConfig from(Map<String, ?> configs) {
    Object url = configs.get(SCHEMA_REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, url, "a schema registry URL is required");
    }
    if (!url.toString().startsWith("mock://")) {
      try {
        RegistryEndpoint.of(url.toString());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, url, e.getMessage());
      }
    }
    Object auto = configs.get(AUTO_REGISTER_SCHEMAS);
    boolean autoRegister = auto == null || Boolean.parseBoolean(auto.toString());
    return new AvroSerdeConfig(url.toString(), autoRegister);
  }
}
