package io.transfermonitor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.schemas.registry.HttpSchemaRegistryClient;
import io.transfermonitor.schemas.registry.RegistryEndpoint;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secure stack refuses what it should: plaintext, wrong passwords, no ACL, no credentials. */
class SecureStackIT {

  @TempDir static Path dataDir;

  private static EmbeddedStack stack;
  private static StackSecurity security;

  @BeforeAll
  static void start() {
    stack =
        EmbeddedStack.start(
            EmbeddedStackConfig.builder().dataDir(dataDir).freePorts().secure(true).build());
    security = stack.security().orElseThrow();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldLetTheSuperUserCreateTopicsOverSaslSsl() throws Exception {
    try (Admin admin = Admin.create(asUser(StackSecurity.SUPER_USER))) {
      admin.createTopics(List.of(new NewTopic("secured", 1, (short) 1))).all().get();

      // the broker learns of a new topic from the controller a moment after it is created
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(admin.listTopics().names().get()).contains("secured"));
    }
  }

  @Test
  void shouldRefusePlaintextClients() {
    Map<String, Object> plain = new HashMap<>();
    plain.put("bootstrap.servers", stack.bootstrapServers());
    plain.put("default.api.timeout.ms", 3000);
    plain.put("request.timeout.ms", 1000);
    try (Admin admin = Admin.create(plain)) {
      assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void shouldRefuseAWrongPassword() {
    Map<String, Object> props = asUser("ops");
    props.put(
        "sasl.jaas.config",
        security.jaasConfig("ops").replace(security.password("ops"), "not-the-password"));
    try (Admin admin = Admin.create(props)) {
      assertThatThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void shouldDenyAUserWithoutAnAcl() {
    Map<String, Object> props = asUser("producer");
    props.put("max.block.ms", 10_000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>("secured", "k", "v")).get())
          .hasCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void shouldServeTheRegistryOverHttpsToItsUsersOnly() throws Exception {
    HttpClient trusting =
        HttpClient.newBuilder()
            .sslContext(
                RegistryEndpoint.from(stack.schemaRegistryUrl(), registryConfig("ops"))
                    .tls()
                    .orElseThrow()
                    .sslContext())
            .build();
    HttpResponse<String> anonymous =
        trusting.send(
            HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpSchemaRegistryClient asOps =
        new HttpSchemaRegistryClient(
            RegistryEndpoint.from(stack.schemaRegistryUrl(), registryConfig("ops")));
    Map<String, Object> wrong = registryConfig("ops");
    wrong.put("basic.auth.user.info", "ops:not-the-password");
    HttpSchemaRegistryClient withWrongPassword =
        new HttpSchemaRegistryClient(RegistryEndpoint.from(stack.schemaRegistryUrl(), wrong));

    assertThat(stack.schemaRegistryUrl()).startsWith("https://");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    int id =
        asOps.register(
            "secured-value",
            SchemaBuilder.record("S").namespace("t").fields().requiredInt("n").endRecord());
    assertThat(asOps.subjects()).contains("secured-value");
    assertThatThrownBy(() -> withWrongPassword.schemaById(id))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void shouldKeepItsKindOfStackInTheDataDirectory() throws Exception {
    Path other = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-plain"));
    try {
      EmbeddedStack.start(EmbeddedStackConfig.builder().dataDir(other).freePorts().build()).close();

      assertThatThrownBy(
              () ->
                  EmbeddedStack.start(
                      EmbeddedStackConfig.builder()
                          .dataDir(other)
                          .freePorts()
                          .secure(true)
                          .build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("started without --secure")
          .hasMessageContaining("--fresh");
    } finally {
      EmbeddedStack.deleteRecursively(other);
    }
  }

  private static Map<String, Object> asUser(String user) {
    return new HashMap<>(security.kafkaClientProperties(user, stack.bootstrapServers()));
  }

  private static Map<String, Object> registryConfig(String user) {
    return new HashMap<>(security.registryClientProperties(user));
  }
}
