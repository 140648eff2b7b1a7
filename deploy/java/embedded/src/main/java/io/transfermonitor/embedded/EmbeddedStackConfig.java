package io.transfermonitor.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the embedded stack runs.
 *
 * @param dataDir directory holding the broker's logs (and so every topic, including the registry's
 *     {@code _schemas}); default {@code ./tm-data}
 * @param brokerPort client port of the broker on 127.0.0.1, 0 = a free port; default 9092
 * @param registryPort HTTP port of the schema registry on 127.0.0.1, 0 = a free port; default 8081
 * @param fresh wipe {@code dataDir} before starting, for an empty stack
 * @param secure SASL_SSL (SCRAM-SHA-512) and ACLs on the broker, HTTPS and basic auth on the
 *     registry, users and certificates kept in {@code dataDir/security} (see {@link StackSecurity})
 */
public record EmbeddedStackConfig(
    Path dataDir, int brokerPort, int registryPort, boolean fresh, boolean secure) {

  public static final Path DEFAULT_DATA_DIR = Path.of("tm-data");
  public static final int DEFAULT_BROKER_PORT = 9092;
  public static final int DEFAULT_REGISTRY_PORT = 8081;

  public EmbeddedStackConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    checkPort("brokerPort", brokerPort);
    checkPort("registryPort", registryPort);
  }

  /** Broker on 9092, registry on 8081, data in {@code ./tm-data}, kept across restarts. */
  public static EmbeddedStackConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from the defaults. */
  public Builder toBuilder() {
    return new Builder()
        .dataDir(dataDir)
        .brokerPort(brokerPort)
        .registryPort(registryPort)
        .fresh(fresh)
        .secure(secure);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be 0..65535, was " + port);
    }
  }

  /** Builds an {@link EmbeddedStackConfig}; unset values keep their defaults. */
  public static final class Builder {
    private Path dataDir = DEFAULT_DATA_DIR;
    private int brokerPort = DEFAULT_BROKER_PORT;
    private int registryPort = DEFAULT_REGISTRY_PORT;
    private boolean fresh;
    private boolean secure;

    private Builder() {}

    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public Builder brokerPort(int brokerPort) {
      this.brokerPort = brokerPort;
      return this;
    }

    public Builder registryPort(int registryPort) {
      this.registryPort = registryPort;
      return this;
    }

    /** Both ports 0: free ports chosen at start (for tests and parallel stacks). */
    public Builder freePorts() {
      return brokerPort(0).registryPort(0);
    }

    public Builder fresh(boolean fresh) {
      this.fresh = fresh;
      return this;
    }

    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    public EmbeddedStackConfig build() {
      return new EmbeddedStackConfig(dataDir, brokerPort, registryPort, fresh, secure);
    }
  }
}
