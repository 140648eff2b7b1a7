package io.transfermonitor.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in this JVM: KRaft mode, one process acting as broker and
 * controller, listening on 127.0.0.1. Built from Kafka's own server classes ({@link
 * KafkaRaftServer}) after formatting its log directory with {@link StorageTool}, exactly as {@code
 * kafka-storage.sh format} and {@code kafka-server-start.sh} would.
 *
 * <p>In: a log directory (formatted on first use, reused afterwards so topics and records survive a
 * restart) and a client port (0 picks a free one). Out: {@link #bootstrapServers()}. Internal
 * topics use replication factor 1 and min ISR 1 so transactions (exactly-once) work on one node.
 *
 * <p>Secure (given a {@link StackSecurity}): the client listener speaks SASL_SSL with SCRAM-SHA-512
 * only, the users formatted into the metadata log; the controller listener speaks TLS and wants the
 * broker's own certificate (SCRAM cannot guard a KRaft controller listener); {@code
 * StandardAuthorizer} denies whatever no ACL allows, except to the super users {@value
 * StackSecurity#SUPER_USER} and the broker itself.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  /** The log cleaner's offset map of a development broker (Kafka's default is 128 MiB). */
  static final long DEDUPE_BUFFER_BYTES = 32L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String META_PROPERTIES = "meta.properties";

  private final KafkaRaftServer server;
  private final int port;
  private boolean closed;

  private EmbeddedKafkaBroker(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a broker whose data lives in {@code logDir} and whose clients connect to {@code
   * 127.0.0.1:port} ({@code port} 0 = a free port). Returns once the broker serves requests.
   *
   * @throws PortUnavailableException if {@code port} is taken
   */
  public static EmbeddedKafkaBroker start(Path logDir, int port) {
    return start(logDir, port, null);
  }

  /**
   * Starts a broker as {@link #start(Path, int)} does, secured by {@code security} when it is not
   * null.
   */
  public static EmbeddedKafkaBroker start(Path logDir, int port, StackSecurity security) {
    int clientPort = LocalPorts.claim(port, "Kafka broker", "choose another with --port");
    int controllerPort = LocalPorts.claim(0, "Kafka controller", "");
    Properties props = brokerProperties(logDir, clientPort, controllerPort);
    if (security != null) {
      secure(props, security, clientPort, controllerPort);
    }
    formatIfNew(logDir, props, Uuid.randomUuid().toString(), security);
    long started = System.nanoTime();
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    try {
      server.startup();
    } catch (RuntimeException e) {
      stopQuietly(server);
      if (causedByBind(e)) {
        throw new PortUnavailableException(
            "Kafka broker", clientPort, "choose another with --port", e);
      }
      throw e;
    }
    log.info(
        "Kafka broker ready on {}:{} in {} ms (data in {})",
        LocalPorts.HOST,
        clientPort,
        (System.nanoTime() - started) / 1_000_000,
        logDir);
    return new EmbeddedKafkaBroker(server, clientPort);
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return LocalPorts.HOST + ":" + port;
  }

  /** The port clients connect to. */
  public int port() {
    return port;
  }

  /** Stops the broker and waits until it has released its port and files. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      stopQuietly(server);
    }
  }

  static Properties brokerProperties(Path logDir, int clientPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@" + LocalPorts.HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://"
            + LocalPorts.HOST
            + ":"
            + clientPort
            + ",CONTROLLER://"
            + LocalPorts.HOST
            + ":"
            + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + LocalPorts.HOST + ":" + clientPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    // one node: every internal topic must fit on it, or transactions never become available
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "10");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "true");
    p.put("unstable.api.versions.enable", "false");
    p.put("unstable.feature.versions.enable", "false");
    // a development broker: small segments and a quick shutdown
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    p.put("controlled.shutdown.enable", "true");
    p.put("server.max.startup.time.ms", "60000");
    // the log cleaner's offset map is allocated on the heap when the broker starts, 128 MiB by
    // default: most of a development broker's heap. 32 MiB maps about 1.2 million keys a pass,
    // more than a full segment (64 MiB above) of the smallest records the monitor keeps holds,
    // which is what one pass must take; larger logs are cleaned in more passes
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(DEDUPE_BUFFER_BYTES));
    return p;
  }

  private static void secure(
      Properties p, StackSecurity security, int clientPort, int controllerPort) {
    String client = "SASL_SSL://" + LocalPorts.HOST + ":" + clientPort;
    p.put("listeners", client + ",CONTROLLER://" + LocalPorts.HOST + ":" + controllerPort);
    p.put("advertised.listeners", client);
    p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SSL");
    p.put("inter.broker.listener.name", "SASL_SSL");
    p.put("sasl.enabled.mechanisms", StackSecurity.MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", StackSecurity.MECHANISM);
    p.put(
        "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
        security.jaasConfig(StackSecurity.SUPER_USER));
    p.put("ssl.keystore.type", "PKCS12");
    p.put("ssl.keystore.location", security.brokerKeystore().toString());
    p.put("ssl.keystore.password", security.keystorePassword());
    p.put("ssl.key.password", security.keystorePassword());
    p.put("ssl.truststore.type", "PEM");
    p.put("ssl.truststore.location", security.caCertificate().toString());
    // only a holder of a certificate from the stack's CA (the broker itself) reaches the controller
    p.put("listener.name.controller.ssl.client.auth", "required");
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("allow.everyone.if.no.acl.found", "false");
    p.put(
        "super.users",
        "User:" + StackSecurity.SUPER_USER + ";User:" + StackCertificates.BROKER_SUBJECT);
  }

  /**
   * Formats {@code logDir} for cluster {@code clusterId} unless it already holds a node; with
   * {@code security}, its SCRAM users too.
   */
  static void formatIfNew(Path logDir, Properties props, String clusterId, StackSecurity security) {
    if (Files.exists(logDir.resolve(META_PROPERTIES))) {
      return;
    }
    try {
      Files.createDirectories(logDir);
      // the broker's settings hold passwords when secure: keep the copy for the tool owner-only
      // one file per log directory: the nodes of a cluster share a parent and format at once
      Path config = logDir.resolveSibling(logDir.getFileName() + "-format.properties");
      try {
        try (OutputStream out = OwnerOnly.create(config)) {
          props.store(out, "transfer-monitor embedded broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> args =
            new ArrayList<>(List.of("format", "-t", clusterId, "-c", config.toString()));
        if (security != null) {
          args.addAll(security.scramFormatArguments());
        }
        int status;
        try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
          status = StorageTool.execute(args.toArray(String[]::new), printer);
        }
        if (status != 0) {
          throw new IllegalStateException(
              "cannot format Kafka storage in "
                  + logDir
                  + ": "
                  + redacted(output.toString(StandardCharsets.UTF_8).trim(), security));
        }
        log.debug("formatted {} for cluster {}", logDir, clusterId);
      } finally {
        Files.deleteIfExists(config);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka storage in " + logDir, e);
    }
  }

  private static String redacted(String text, StackSecurity security) {
    if (security == null) {
      return text;
    }
    String result = text;
    for (String user : StackSecurity.users()) {
      result = result.replace(security.password(user), "[hidden]");
    }
    return result;
  }

  private static boolean causedByBind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException
          || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static void stopQuietly(KafkaRaftServer server) {
    try {
      server.shutdown();
      server.awaitShutdown();
    } catch (RuntimeException e) {
      log.warn("Kafka broker did not stop cleanly: {}", e.toString());
    }
  }
}
