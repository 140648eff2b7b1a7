package io.transfermonitor.cli;

import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.embedded.EmbeddedCluster;
import io.transfermonitor.embedded.EmbeddedStack;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import io.transfermonitor.embedded.StackSecurity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
      names = "--brokers",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Kafka nodes (default ${DEFAULT-VALUE}). With more, node i listens on PORT+i-1, topics"
              + " get 3 replicas and min.insync.replicas=2, and typing 'stop I' or 'start I' stops"
              + " or starts node I on its own.")
  int brokers;

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
    if (brokers < 1 || brokers > 9) {
      throw new SettingsException("--brokers", "bad setting --brokers: 1..9, was " + brokers);
    }
    if (brokers > 1 && secure) {
      throw new SettingsException(
          "--brokers",
          "bad setting --brokers: the secure stack has one node; drop --secure or --brokers");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (brokers > 1) {
      return runCluster(config, out);
    }
    EmbeddedStack stack = EmbeddedStack.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              out.println("Stopping the stack...");
              out.flush();
              stack.close();
              stopped.countDown();
            },
            "tm-stack-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    double seconds =
        (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
    out.printf(Locale.ROOT, "transfer-monitor stack ready in %.1f s%n", seconds);
    out.println("  Kafka bootstrap servers  " + stack.bootstrapServers());
    out.println("  Schema registry          " + stack.schemaRegistryUrl());
    out.println("  Data directory           " + stack.dataDir());
    stack.security().ifPresent(security -> printSecurity(out, stack, security));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) { // run inside another program (a test): stop, then end
      Runtime.getRuntime().removeShutdownHook(hook);
      stack.close();
      throw e;
    }
    return 0;
  }

  private int runCluster(EmbeddedStackConfig config, PrintWriter out) throws InterruptedException {
    EmbeddedCluster cluster = EmbeddedCluster.start(config, brokers);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping the cluster...");
                  out.flush();
                  cluster.close();
                  stopped.countDown();
                },
                "tm-stack-shutdown"));
    out.printf(Locale.ROOT, "transfer-monitor stack: %d Kafka nodes ready%n", brokers);
    out.println("  Kafka bootstrap servers  " + cluster.bootstrapServers());
    out.println("  Schema registry          " + cluster.schemaRegistryUrl());
    out.printf(
        Locale.ROOT,
        "  Replicas per topic       %d (min.insync.replicas %d)%n",
        cluster.layout().replicationFactor(),
        cluster.layout().minInsyncReplicas());
    out.println("Type 'stop N' or 'start N' to stop or start node N; Ctrl-C to stop all.");
    out.flush();
    Thread console = new Thread(() -> nodeCommands(cluster, out), "tm-stack-console");
    console.setDaemon(true);
    console.start();
    stopped.await();
    return 0;
  }

  /** 'stop N' and 'start N' lines from standard input, one node at a time. */
  private void nodeCommands(EmbeddedCluster cluster, PrintWriter out) {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line; (line = in.readLine()) != null; ) {
        String[] words = line.trim().split("\\s+");
        if (words.length != 2
            || !words[1].matches("[1-9]")
            || Integer.parseInt(words[1]) > brokers) {
          out.println("  type 'stop N' or 'start N', N from 1 to " + brokers);
        } else if (words[0].equals("stop")) {
          cluster.stopNode(Integer.parseInt(words[1]));
          out.println("  node " + words[1] + " stopped");
        } else if (words[0].equals("start")) {
          cluster.startNode(Integer.parseInt(words[1]));
          out.println("  node " + words[1] + " started");
        } else {
          out.println("  type 'stop N' or 'start N'");
        }
        out.flush();
      }
    } catch (IOException e) {
      out.println("  standard input closed: " + e.getMessage());
    }
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
