package io.transfermonitor.testkit;

import io.transfermonitor.embedded.EmbeddedStack;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import io.transfermonitor.embedded.StackSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-JVM stack, plain or secure, on free ports with a temporary data directory, deleted when it
 * stops.
 */
final class EmbeddedBackend {

  private EmbeddedBackend() {}

  static SharedKafkaStack start() {
    Path dataDir = dataDir();
    EmbeddedStack stack = start(dataDir, false);
    return new SharedKafkaStack(
        "embedded", stack.bootstrapServers(), stack.schemaRegistryUrl(), stopper(stack, dataDir));
  }

  /** The secure stack: SASL_SSL, ACLs, HTTPS registry with basic auth; topics made as admin. */
  static SecureStack startSecure() {
    Path dataDir = dataDir();
    EmbeddedStack stack = start(dataDir, true);
    StackSecurity security = stack.security().orElseThrow();
    SharedKafkaStack shared =
        new SharedKafkaStack(
            "embedded secure",
            stack.bootstrapServers(),
            stack.schemaRegistryUrl(),
            security.kafkaClientProperties(StackSecurity.SUPER_USER, stack.bootstrapServers()),
            stopper(stack, dataDir));
    return new SecureStack(shared, security, stack.dataDir().resolve("clients"));
  }

  private static Path dataDir() {
    try {
      return Files.createTempDirectory("tm-testkit-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data directory for the embedded stack", e);
    }
  }

  private static EmbeddedStack start(Path dataDir, boolean secure) {
    try {
      return EmbeddedStack.start(
          EmbeddedStackConfig.builder().dataDir(dataDir).freePorts().secure(secure).build());
    } catch (RuntimeException e) {
      EmbeddedStack.deleteRecursively(dataDir);
      throw e;
    }
  }

  private static AutoCloseable stopper(EmbeddedStack stack, Path dataDir) {
    return () -> {
      try {
        stack.close();
      } finally {
        EmbeddedStack.deleteRecursively(dataDir);
      }
    };
  }
}
