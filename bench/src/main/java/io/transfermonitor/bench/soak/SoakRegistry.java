package io.transfermonitor.bench.soak;

import io.transfermonitor.embedded.DevSchemaRegistry;

/**
 * The soak's schema registry, in the soak's own JVM on a fixed port, so it can be stopped for an
 * outage and started again where clients expect it, its schemas replayed from the cluster.
 */
final class SoakRegistry implements AutoCloseable {

  private final String bootstrapServers;
  private final int port;
  private DevSchemaRegistry registry;

  SoakRegistry(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.registry = DevSchemaRegistry.start(bootstrapServers, 0);
    this.port = registry.port();
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  synchronized void stop() {
    if (registry != null) {
      registry.close();
      registry = null;
    }
  }

  synchronized void start() {
    if (registry == null) {
      registry = DevSchemaRegistry.start(bootstrapServers, port);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
