package io.transfermonitor.cli.bench;

import io.transfermonitor.embedded.EmbeddedStack;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import java.nio.file.Path;

/**
 * The Kafka cluster and schema registry a benchmark runs against: the embedded stack started in
 * this JVM (the default), or a cluster named on the command line.
 */
public interface BenchStack extends AutoCloseable {

  String bootstrapServers();

  String schemaRegistryUrl();

  /** Closes what this process started (nothing, for an external cluster). */
  @Override
  void close();

  /**
   * The external cluster at {@code bootstrapServers} (registry {@code registryUrl}, or an in-memory
   * one when null), or, when {@code bootstrapServers} is null, a fresh embedded stack with its data
   * under {@code dir}.
   */
  static BenchStack open(String bootstrapServers, String registryUrl, Path dir) {
    if (bootstrapServers != null) {
      String url = registryUrl != null ? registryUrl : "mock://bench-" + System.nanoTime();
      return new BenchStack() {
        @Override
        public String bootstrapServers() {
          return bootstrapServers;
        }

        @Override
        public String schemaRegistryUrl() {
          return url;
        }

        @Override
        public void close() {}
      };
    }
    EmbeddedStack embedded =
        EmbeddedStack.start(
            EmbeddedStackConfig.builder()
                .dataDir(dir.resolve("stack"))
                .freePorts()
                .fresh(true)
                .build());
    return new BenchStack() {
      @Override
      public String bootstrapServers() {
        return embedded.bootstrapServers();
      }

      @Override
      public String schemaRegistryUrl() {
        return embedded.schemaRegistryUrl();
      }

      @Override
      public void close() {
        embedded.close();
      }
    };
  }
}
