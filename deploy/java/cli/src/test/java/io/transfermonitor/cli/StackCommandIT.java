package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.schemas.registry.HttpSchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar as a user runs it: {@code java -jar transfer-monitor.jar stack ...} in its own
 * process, used with plain Kafka clients and the registry's REST API, stopped like Ctrl-C
 * (SIGTERM).
 */
class StackCommandIT {

  private static final Path JAR = Path.of("target", "transfer-monitor.jar");
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  @TempDir Path work;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopEverything() throws InterruptedException {
    for (Process process : started) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** A running {@code stack} and the addresses it printed. */
  private record RunningStack(Process process, String bootstrapServers, String registryUrl) {}

  @Test
  void shouldBeReadyWithin30SecondsAndServePlainClientsAndTheRegistry() throws Exception {
    long before = System.nanoTime();
    RunningStack stack = startStack(work.resolve("data"));
    Duration ready = Duration.ofNanos(System.nanoTime() - before);
    System.out.printf("transfer-monitor stack was ready %d ms after launch%n", ready.toMillis());

    assertThat(ready).isLessThan(READY_WITHIN);
    produce(stack.bootstrapServers(), "plain", "hello");
    assertThat(consume(stack.bootstrapServers(), "plain")).containsExactly("hello");
    HttpResponse<String> subjects =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.registryUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(subjects.statusCode()).isEqualTo(200);
    assertThat(subjects.body()).isEqualTo("[]");

    stack.process().destroy();
    assertThat(stack.process().waitFor(30, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
  }

  @Test
  void shouldKeepTopicsRecordsAndSchemaIdsWhenRestartedOnTheSameDataDir() throws Exception {
    Path data = work.resolve("data");
    Schema schema =
        SchemaBuilder.record("Kept").namespace("t").fields().requiredInt("n").endRecord();
    RunningStack first = startStack(data);
    produce(first.bootstrapServers(), "kept", "before-restart");
    int id = new HttpSchemaRegistryClient(first.registryUrl()).register("kept-value", schema);
    first.process().destroy();
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

    RunningStack second = startStack(data);

    assertThat(consume(second.bootstrapServers(), "kept")).containsExactly("before-restart");
    SchemaRegistryClient client = new HttpSchemaRegistryClient(second.registryUrl());
    assertThat(client.schemaById(id)).isEqualTo(schema);
    assertThat(client.register("kept-value", schema)).isEqualTo(id);
  }

  @Test
  void shouldSayInOneLineThatTheBrokerPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      Result result =
          runToEnd(
              Map.of(), "stack", "--port", String.valueOf(port), "--data-dir", work.toString());

      assertThat(result.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
      assertThat(result.stderr())
          .singleElement()
          .asString()
          .contains("port " + port + " on 127.0.0.1 is already in use (Kafka broker)", "--port");
    }
  }

  @Test
  void shouldSayInOneLineWhichSettingIsBad() throws Exception {
    Result result = runToEnd(Map.of("KAFKA_BOOTSTRAP_SERVERS", "no-port-here"), "topics", "create");

    assertThat(result.exit()).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(result.stderr())
        .singleElement()
        .asString()
        .startsWith("transfer-monitor topics create: bad setting KAFKA_BOOTSTRAP_SERVERS")
        .contains("'no-port-here'");
  }

  private record Result(int exit, List<String> stdout, List<String> stderr) {}

  private ProcessBuilder java(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("TM_"));
    builder.environment().putAll(env);
    return builder;
  }

  private Result runToEnd(Map<String, String> env, String... args) throws Exception {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process process =
        java(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    started.add(process);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Result(
        process.exitValue(), nonBlank(Files.readAllLines(out)), nonBlank(Files.readAllLines(err)));
  }

  private static List<String> nonBlank(List<String> lines) {
    return lines.stream().filter(l -> !l.isBlank()).toList();
  }

  private RunningStack startStack(Path data) throws IOException {
    Process process =
        java(
                Map.of(),
                "stack",
                "--port",
                "0",
                "--registry-port",
                "0",
                "--data-dir",
                data.toString())
            .redirectError(work.resolve("stack-stderr.txt").toFile())
            .start();
    started.add(process);
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "stack-stdout");
    reader.setDaemon(true);
    reader.start();
    await()
        .atMost(READY_WITHIN)
        .failFast("stack exited", () -> !process.isAlive())
        .until(() -> lines.contains("Press Ctrl-C to stop."));
    return new RunningStack(
        process,
        valueAfter(lines, "Kafka bootstrap servers"),
        valueAfter(lines, "Schema registry"));
  }

  private static String valueAfter(List<String> lines, String label) {
    synchronized (lines) {
      return lines.stream()
          .filter(l -> l.strip().startsWith(label))
          .map(l -> l.strip().substring(label.length()).strip())
          .findFirst()
          .orElseThrow(() -> new AssertionError("no '" + label + "' line in " + lines));
    }
  }

  private static void produce(String bootstrap, String topic, String value) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, value, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static List<String> consume(String bootstrap, String topic) {
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                return !seen.isEmpty();
              });
    }
    return seen;
  }
}
