package io.transfermonitor.testkit;

import io.transfermonitor.embedded.EmbeddedStack;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The in-JVM stack on free ports with a temporary data directory, deleted when it stops. */
final class EmbeddedBackend {

  private EmbeddedBackend() {}

  static SharedKafkaStack start() {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("tm-testkit-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data directory for the embedded stack", e);
    }
    EmbeddedStack stack;
    try {
      stack =
          EmbeddedStack.start(EmbeddedStackConfig.builder().dataDir(dataDir).freePorts().build());
    } catch (RuntimeException e) {
      EmbeddedStack.deleteRecursively(dataDir);
      throw e;
    }
    return new SharedKafkaStack(
        "embedded",
        stack.bootstrapServers(),
        stack.schemaRegistryUrl(),
        () -> {
          try {
            stack.close();
          } finally {
            EmbeddedStack.deleteRecursively(dataDir);
          }
        });
  }
}
