package io.transfermonitor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded stack as a user meets it: plain Kafka clients, the registry's REST API, restarts.
 */
class EmbeddedStackIT {

  private static final String SCHEMA_V1 =
      "{\"type\":\"record\",\"name\":\"Ping\",\"namespace\":\"t\",\"fields\":"
          + "[{\"name\":\"n\",\"type\":\"int\"}]}";

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  private EmbeddedStackConfig config() {
    return EmbeddedStackConfig.builder().dataDir(dataDir).freePorts().build();
  }

  @Test
  void shouldServePlainKafkaProducerAndConsumerAndAnswerSubjects() throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.start(config())) {
      produce(stack.bootstrapServers(), "plain", List.of("a", "b", "c"));

      assertThat(consumeAll(stack.bootstrapServers(), "plain", 3)).containsExactly("a", "b", "c");
      HttpResponse<String> subjects = get(stack.schemaRegistryUrl() + "/subjects");
      assertThat(subjects.statusCode()).isEqualTo(200);
      assertThat(subjects.body()).isEqualTo("[]");
    }
  }

  @Test
  void shouldKeepTopicsRecordsAndSchemaIdsAcrossRestart() throws Exception {
    int id;
    try (EmbeddedStack stack = EmbeddedStack.start(config())) {
      try (Admin admin = admin(stack)) {
        admin.createTopics(List.of(new NewTopic("kept", 3, (short) 1))).all().get();
      }
      produce(stack.bootstrapServers(), "kept", List.of("one", "two"));
      id = register(stack.schemaRegistryUrl(), "kept-value", SCHEMA_V1);
    }

    try (EmbeddedStack restarted = EmbeddedStack.start(config())) {
      try (Admin admin = admin(restarted)) {
        assertThat(admin.listTopics().names().get()).contains("kept");
        assertThat(
                admin.describeTopics(Set.of("kept")).allTopicNames().get().get("kept").partitions())
            .hasSize(3);
      }
      assertThat(consumeAll(restarted.bootstrapServers(), "kept", 2))
          .containsExactlyInAnyOrder("one", "two");
      assertThat(get(restarted.schemaRegistryUrl() + "/schemas/ids/" + id).body()).contains("Ping");
      assertThat(register(restarted.schemaRegistryUrl(), "kept-value", SCHEMA_V1)).isEqualTo(id);
      assertThat(get(restarted.schemaRegistryUrl() + "/subjects").body())
          .isEqualTo("[\"kept-value\"]");
    }
  }

  @Test
  void shouldStartEmptyWhenFresh() throws Exception {
    try (EmbeddedStack stack = EmbeddedStack.start(config())) {
      register(stack.schemaRegistryUrl(), "gone-value", SCHEMA_V1);
    }
    try (EmbeddedStack fresh = EmbeddedStack.start(config().toBuilder().fresh(true).build())) {
      assertThat(get(fresh.schemaRegistryUrl() + "/subjects").body()).isEqualTo("[]");
    }
  }

  @Test
  void shouldRefuseToWipeADirectoryThatHoldsSomethingElse() throws Exception {
    Files.writeString(dataDir.resolve("notes.txt"), "precious");
    EmbeddedStackConfig fresh = config().toBuilder().fresh(true).build();

    assertThatThrownBy(() -> EmbeddedStack.start(fresh))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing to wipe");
    assertThat(dataDir.resolve("notes.txt")).hasContent("precious");
  }

  @Test
  void shouldNameTheTakenBrokerPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      EmbeddedStackConfig clash = config().toBuilder().brokerPort(taken.getLocalPort()).build();

      assertThatThrownBy(() -> EmbeddedStack.start(clash))
          .isInstanceOf(PortUnavailableException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("--port");
    }
  }

  @Test
  void shouldNameTheTakenRegistryPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      EmbeddedStackConfig clash = config().toBuilder().registryPort(taken.getLocalPort()).build();

      assertThatThrownBy(() -> EmbeddedStack.start(clash))
          .isInstanceOf(PortUnavailableException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("--registry-port");
    }
  }

  private static Admin admin(EmbeddedStack stack) {
    return Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()));
  }

  private int register(String url, String subject, String schema) throws Exception {
    String body = "{\"schema\":" + JsonMapper.builder().build().writeValueAsString(schema) + "}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Integer.parseInt(response.body().replaceAll("\\D", ""));
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void produce(String bootstrap, String topic, List<String> values) throws Exception {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, value, value)).get();
      }
    }
  }

  static List<String> consumeAll(String bootstrap, String topic, int expected) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            "reader-" + System.nanoTime(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  seen.add(r.value());
                }
                return seen.size() >= expected;
              });
    }
    return seen;
  }
}
