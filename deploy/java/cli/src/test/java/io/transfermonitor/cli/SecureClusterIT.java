package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.HttpSchemaRegistryClient;
import io.transfermonitor.schemas.registry.RegistryEndpoint;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.ProjectFiles;
import io.transfermonitor.testkit.SecureKafkaStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor in a secured cluster, as a new user meets it: the secure embedded stack (SASL_SSL,
 * SCRAM-SHA-512, ACLs denying by default, registry on HTTPS with basic auth), each component with
 * the settings file of its own user, and the refusals a user would run into. The last test reads
 * every line logged or printed on the way, looking for a password.
 */
@ExtendWith(KafkaStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureClusterIT {

  // before the stack starts, so the broker's own start-up lines are captured too
  private static final LogCapture LOGS = LogCapture.begin();
  private static final Path JAR = Path.of("target", "transfer-monitor.jar").toAbsolutePath();
  private static final Path SEED =
      ProjectFiles.of("producers", "src", "main", "resources", "scenarios")
          .resolve("seed-2023-2025.jsonl")
          .toAbsolutePath();
  private static final Path RULES =
      ProjectFiles.of("deploy", "config", "rules.yaml").toAbsolutePath().normalize();
  private static final String WRONG_PASSWORD = "Wr0ngPassw0rdForOps";

  @TempDir static Path dir;

  private static SecureKafkaStack stack;
  private static final List<CliRun> runs = new ArrayList<>();
  private static final Topics topics = Topics.defaults();
  private static Process monitor;

  @BeforeAll
  static void createTopicsAndAcls(SecureKafkaStack secure) {
    stack = secure;
    runs.add(cli("topics", "create", "--config", settings("admin"), "--partitions", "1"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (monitor != null) {
      monitor.destroy();
      if (!monitor.waitFor(30, TimeUnit.SECONDS)) {
        monitor.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    LOGS.close();
  }

  @Test
  @Order(1)
  void shouldApplyEachRolesAclsOnceAndListThemAsATable() {
    CliRun first = cli("acls", "apply", "--config", settings("admin"));
    CliRun again = cli("acls", "apply", "--config", settings("admin"));

    assertThat(runs.get(0).exit()).as(runs.get(0).err()).isZero();
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.outLines().get(0)).startsWith("ROLE").contains("OPERATION", "NAME", "STATUS");
    assertThat(first.outLines())
        .anySatisfy(
            l ->
                assertThat(l).startsWith("producer").contains("WRITE", topics.eventTopics().get(0)))
        .anySatisfy(l -> assertThat(l).startsWith("ops").contains("READ", topics.cases()))
        .anySatisfy(
            l -> assertThat(l).startsWith("monitor").contains("TRANSACTIONAL_ID", "PREFIXED"));
    assertThat(first.out()).containsPattern("(\\d+) ACLs: \\1 created, 0 already there");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).containsPattern("(\\d+) ACLs: 0 created, \\1 already there");
    assertThat(again.outLines()).filteredOn(l -> l.endsWith("created")).isEmpty();
  }

  @Test
  @Order(2)
  void shouldRunTheDemoPathWithEachComponentAsItsOwnUser() throws Exception {
    // given: the rules published by the administrator, the monitor running as monitor
    CliRun rules = cli("rules", "apply", RULES.toString(), "--config", settings("admin"));
    assertThat(rules.exit()).as(rules.err()).isZero();
    monitor = startMonitor();

    // when: the producer ingests the seed scenario
    CliRun ingest =
        cli(
            "ingest",
            SEED.toString(),
            "--config",
            settings("producer"),
            "--report",
            dir.resolve("report.jsonl").toString());

    // then: ops sees the alerts the demo shows, the cap breach among them
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    CliRun alerts =
        cli(
            "alerts",
            "--config",
            settings("ops"),
            "--from-beginning",
            "--json",
            "--max",
            "143",
            "--idle-timeout",
            "120");
    assertThat(alerts.exit()).as(alerts.err()).isZero();
    assertThat(alerts.outLines()).hasSize(143);
    assertThat(alerts.outLines())
        .anySatisfy(l -> assertThat(l).contains("unscr-2397-refined-petroleum-cap", "BREACH"))
        .anySatisfy(l -> assertThat(l).contains("unscr-1718-arms-embargo"));
  }

  @Test
  @Order(3)
  void shouldRefuseTheProducerWritingAlertsAndReadingCases() throws Exception {
    Map<String, Object> producer = new HashMap<>(stack.clientProperties("producer"));
    producer.put("max.block.ms", 15_000);
    try (KafkaProducer<String, String> writer =
            new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> reader =
            new KafkaConsumer<>(producer, new StringDeserializer(), new StringDeserializer())) {
      assertThatThrownBy(() -> writer.send(new ProducerRecord<>(topics.alerts(), "k", "v")).get())
          .hasCauseInstanceOf(TopicAuthorizationException.class)
          .hasMessageContaining(topics.alerts());
      reader.assign(List.of(new TopicPartition(topics.cases(), 0)));
      assertThatThrownBy(() -> reader.poll(Duration.ofSeconds(10)))
          .isInstanceOf(TopicAuthorizationException.class)
          .hasMessageContaining(topics.cases());
    }

    CliRun readAlerts = cli("alerts", "--config", settings("producer"), "--max", "1");
    CliRun writeRules = cli("rules", "apply", RULES.toString(), "--config", settings("producer"));
    CliRun opsIngests =
        cli(
            "ingest",
            SEED.toString(),
            "--config",
            settings("ops"),
            "--report",
            dir.resolve("ops-report.jsonl").toString());

    assertThat(readAlerts.exit()).isEqualTo(TransferMonitor.EXIT_REFUSED);
    assertThat(readAlerts.err().strip())
        .isEqualTo(
            "transfer-monitor alerts: not authorized: Kafka refused user 'producer' access to"
                + " topic tm.alerts (Not authorized to access topics: [tm.alerts]); an"
                + " administrator grants access with 'transfer-monitor acls apply'");
    assertThat(opsIngests.exit()).isEqualTo(TransferMonitor.EXIT_REFUSED);
    assertThat(writeRules.exit()).isEqualTo(TransferMonitor.EXIT_REFUSED);
    assertThat(writeRules.err().strip())
        .startsWith("transfer-monitor rules apply: not authorized: Kafka refused user 'producer'")
        .contains("topic " + topics.rules())
        .doesNotContain("\n");
  }

  @Test
  @Order(4)
  void shouldSayInOneLineThatAPasswordIsWrong() throws IOException {
    Path wrong = dir.resolve("ops-wrong-password.properties");
    Files.writeString(
        wrong,
        Files.readString(Path.of(settings("ops"))).replace(stack.password("ops"), WRONG_PASSWORD));

    CliRun run = cli("alerts", "--config", wrong.toString(), "--max", "1");

    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_REFUSED);
    assertThat(run.err().strip())
        .startsWith("transfer-monitor alerts: authentication failed for user 'ops'")
        .contains("invalid credentials", "kafka.sasl.jaas.config")
        .doesNotContain("\n");
  }

  @Test
  @Order(5)
  void shouldRefusePlaintextConnections() throws IOException {
    Path plain = dir.resolve("plaintext.properties");
    Files.writeString(
        plain,
        "kafka.bootstrap.servers="
            + stack.bootstrapServers()
            + "\nkafka.default.api.timeout.ms=4000\nkafka.request.timeout.ms=2000\n");

    CliRun run = cli("topics", "create", "--config", plain.toString());

    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
    assertThat(run.err().strip())
        .startsWith(
            "transfer-monitor topics create: cannot create topics on " + stack.bootstrapServers())
        .contains("no kafka.security.protocol is set")
        .doesNotContain("\n");
  }

  @Test
  @Order(6)
  void shouldRefuseRegistryRequestsWithoutCredentials() throws IOException {
    Map<String, Object> trustOnly = new HashMap<>(stack.clientProperties("ops"));
    trustOnly.remove(RegistryEndpoint.BASIC_AUTH_USER_INFO);
    HttpSchemaRegistryClient anonymous =
        new HttpSchemaRegistryClient(RegistryEndpoint.from(stack.schemaRegistryUrl(), trustOnly));
    Path noRegistryAuth = dir.resolve("ops-without-registry-auth.properties");
    Files.writeString(
        noRegistryAuth,
        Files.readString(Path.of(settings("ops")))
            .replaceAll("(?m)^tm\\.schema\\.registry\\.basic.*$", ""));

    CliRun alerts =
        cli("alerts", "--config", noRegistryAuth.toString(), "--from-beginning", "--max", "1");

    assertThatThrownBy(anonymous::subjects)
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("the registry wants credentials");
    assertThat(alerts.exit()).isEqualTo(TransferMonitor.EXIT_REFUSED);
    assertThat(alerts.err().strip())
        .startsWith("transfer-monitor alerts: the schema registry refused the request")
        .contains("HTTP 401", "tm.schema.registry.basic.auth.user.info")
        .doesNotContain("\n");
  }

  @Test
  @Order(7)
  void shouldNeverPrintOrLogAConfiguredPassword() throws Exception {
    for (String command : List.of("stack", "run", "topics", "acls", "rules", "alerts", "ingest")) {
      runs.add(cli(command, "--help"));
    }
    List<String> seen = new ArrayList<>(LOGS.lines());
    runs.forEach(r -> seen.add(r.out() + r.err()));
    if (monitor != null) {
      seen.addAll(Files.readAllLines(dir.resolve("monitor-out.txt")));
      seen.addAll(Files.readAllLines(dir.resolve("monitor-err.txt")));
    }
    List<String> secrets = new ArrayList<>();
    stack.users().forEach(u -> secrets.add(stack.password(u)));
    secrets.add(WRONG_PASSWORD);

    assertThat(seen).as("lines captured").hasSizeGreaterThan(1000);
    assertThat(seen).anySatisfy(l -> assertThat(l).contains("sasl.jaas.config = [hidden]"));
    for (String secret : secrets) {
      assertThat(seen).noneSatisfy(l -> assertThat(l).contains(secret));
    }
  }

  private static CliRun cli(String... args) {
    CliRun run = CliRun.of(args);
    runs.add(run);
    return run;
  }

  private static String settings(String user) {
    return stack.clientSettings(user).toString();
  }

  /**
   * {@code transfer-monitor run} as its own process, as the monitor user, Kafka logging at INFO.
   */
  private static Process startMonitor() throws IOException {
    Path logback = dir.resolve("logback-info.xml");
    Files.writeString(
        logback,
        "<configuration><appender name=\"E\" class=\"ch.qos.logback.core.ConsoleAppender\">"
            + "<target>System.err</target><encoder><pattern>%msg %ex%n</pattern></encoder>"
            + "</appender><root level=\"INFO\"><appender-ref ref=\"E\"/></root></configuration>");
    List<String> command =
        List.of(
            ProcessHandle.current().info().command().orElse("java"),
            "-Dlogback.configurationFile=" + logback,
            "-jar",
            JAR.toString(),
            "run",
            "--config",
            settings("monitor"),
            "--metrics-port",
            "-1",
            "--dashboard-port",
            "0");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("TM_"));
    builder.environment().put("TM_STATE_DIR", dir.resolve("state").toString());
    Path out = dir.resolve("monitor-out.txt");
    Process process =
        builder
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("monitor-err.txt").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(120))
        .failFast("the monitor exited", () -> !process.isAlive())
        .until(() -> Files.readString(out).contains("Press Ctrl-C to stop."));
    return process;
  }
}
