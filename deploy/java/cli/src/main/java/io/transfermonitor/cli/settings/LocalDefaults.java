package io.transfermonitor.cli.settings;

import io.transfermonitor.embedded.EmbeddedStackConfig;

/**
 * Where a command looks when the settings name no cluster or registry: the local development stack
 * ({@code transfer-monitor stack}, or the embedded stack of {@code run}) on this machine's loopback
 * address, on the embedded stack's default ports.
 */
public final class LocalDefaults {

  /** The loopback address the local stack, the dashboard and the metrics listen on by default. */
  public static final String LOOPBACK = "127.0.0.1";

  /** The local stack's broker. */
  public static final String BOOTSTRAP = LOOPBACK + ":" + EmbeddedStackConfig.DEFAULT_BROKER_PORT;

  /** The local stack's schema registry. */
  public static final String REGISTRY =
      "http://" + LOOPBACK + ":" + EmbeddedStackConfig.DEFAULT_REGISTRY_PORT;

  private LocalDefaults() {}

  /** The registry the settings name, or the local stack's. */
  public static String registryUrl(Settings settings) {
    return settings.schemaRegistryUrl().orElse(REGISTRY);
  }
}
