package io.transfermonitor.cli;

import io.transfermonitor.embedded.EmbeddedStack;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import io.transfermonitor.embedded.StackSecurity;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor stack}: a Kafka broker and a schema registry in this JVM, printing their
 * addresses and running until Ctrl-C. Topics, records and schemas are kept in the data directory.
 * With {@code --secure}: SASL_SSL with SCRAM-SHA-512 users, ACLs enforced, the registry on HTTPS
 * with basic auth, and one client settings file per user written to {@code <data-dir>/clients}.
 */
@Command(
    name = "stack",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a Kafka broker (KRaft) and a development schema registry in this JVM until Ctrl-C.",
      "Topics, records and schemas are kept in the data directory across restarts.",
      "--secure: TLS and SCRAM-SHA-512 users (admin, producer, monitor, ops), ACLs enforced, the"
          + " registry on HTTPS with basic auth; prints one settings file per user for --config."
    })
public class StackCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description = "Kafka broker port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free).")
  int port;

  @Option(
      names = "--registry-port",
      paramLabel = "PORT",
      defaultValue = "8081",
      description = "Schema registry port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free).")
  int registryPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "tm-data",
      description = "Where topics and schemas are kept (default: ./${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--fresh", description = "Delete the data directory first: start empty.")
  boolean fresh;

  @Option(
      names = "--secure",
      description =
          "SASL_SSL (SCRAM-SHA-512) and ACLs on the broker, HTTPS and basic auth on the registry;"
              + " CA, certificate and users are made on first start in the data directory.")
  boolean secure;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedStackConfig config;
    try {
      config = new EmbeddedStackConfig(dataDir, port, registryPort, fresh, secure);
    } catch (IllegalArgumentException e) {
      throw new SettingsException("--port", "bad setting: " + e.getMessage());
    }
    EmbeddedStack stack = EmbeddedStack.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    PrintWriter out = spec.commandLine().getOut();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping the stack...");
                  out.flush();
                  stack.close();
                  stopped.countDown();
                },
                "tm-stack-shutdown"));
    double seconds =
        (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    out.printf(Locale.ROOT, "transfer-monitor stack ready in %.1f s%n", seconds);
    out.println("  Kafka bootstrap servers  " + stack.bootstrapServers());
    out.println("  Schema registry          " + stack.schemaRegistryUrl());
    out.println("  Data directory           " + stack.dataDir());
    stack.security().ifPresent(security -> printSecurity(out, stack, security));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }

  private static void printSecurity(PrintWriter out, EmbeddedStack stack, StackSecurity security) {
    Map<String, Path> files =
        security.writeClientSettings(
            stack.dataDir().resolve("clients"),
            stack.bootstrapServers(),
            stack.schemaRegistryUrl());
    out.println(
        "  Security                 SASL_SSL, SCRAM-SHA-512, ACLs; registry HTTPS, basic auth");
    out.println("  CA certificate           " + security.caCertificate());
    out.println("  Settings per user (--config FILE):");
    files.forEach(
        (user, file) ->
            out.printf(Locale.ROOT, "    %-9s %s   (%s)%n", user, file, USES.get(user)));
    out.println(
        "  First: transfer-monitor topics create --config " + files.get(StackSecurity.SUPER_USER));
    out.println(
        "    and: transfer-monitor acls apply --config " + files.get(StackSecurity.SUPER_USER));
  }

  /** What each user of the secure stack is for, as printed next to its settings file. */
  private static final Map<String, String> USES =
      Map.of(
          StackSecurity.SUPER_USER,
          "super user: topics create, acls apply, rules apply",
          "producer",
          "ingest",
          "monitor",
          "run",
          "ops",
          "alerts");
}
