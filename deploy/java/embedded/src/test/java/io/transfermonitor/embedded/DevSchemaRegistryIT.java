package io.transfermonitor.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import io.transfermonitor.schemas.registry.HttpSchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryException;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development registry as transfer-monitor's own client and serdes see it. */
class DevSchemaRegistryIT {

  @TempDir Path dataDir;

  private EmbeddedStackConfig config() {
    return EmbeddedStackConfig.builder().dataDir(dataDir).freePorts().build();
  }

  private static Schema ping(boolean withNote) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record("Ping").namespace("t").fields().requiredInt("n");
    if (withNote) {
      fields = fields.name("note").type().stringType().stringDefault("");
    }
    return fields.endRecord();
  }

  private static Schema pingWithoutDefault() {
    return SchemaBuilder.record("Ping")
        .namespace("t")
        .fields()
        .requiredInt("n")
        .requiredString("mandatory")
        .endRecord();
  }

  @Test
  void shouldGiveTheSameSchemaTheSameIdAndKeepItAcrossRestart() {
    int id;
    try (EmbeddedStack stack = EmbeddedStack.start(config())) {
      SchemaRegistryClient client = new HttpSchemaRegistryClient(stack.schemaRegistryUrl());
      id = client.register("pings-value", ping(false));

      assertThat(client.register("pings-value", ping(false))).isEqualTo(id);
      assertThat(client.register("other-value", ping(false))).isEqualTo(id);
      assertThat(client.idOf("pings-value", ping(false))).isEqualTo(id);
    }

    try (EmbeddedStack restarted = EmbeddedStack.start(config())) {
      SchemaRegistryClient client = new HttpSchemaRegistryClient(restarted.schemaRegistryUrl());

      assertThat(client.schemaById(id)).isEqualTo(ping(false));
      assertThat(client.register("pings-value", ping(false))).isEqualTo(id);
      int next = client.register("pings-value", ping(true));
      assertThat(next).isNotEqualTo(id);
      assertThat(client.latest("pings-value").version()).isEqualTo(2);
      assertThat(client.latest("pings-value").id()).isEqualTo(next);
    }
  }

  @Test
  void shouldRefuseABackwardIncompatibleSchemaUntilCompatibilityIsRelaxed() {
    try (EmbeddedStack stack = EmbeddedStack.start(config())) {
      SchemaRegistryClient client = new HttpSchemaRegistryClient(stack.schemaRegistryUrl());
      client.register("strict-value", ping(false));

      assertThat(client.compatibility("strict-value")).isEqualTo("BACKWARD");
      assertThat(client.isCompatible("strict-value", ping(true))).isTrue();
      assertThat(client.isCompatible("strict-value", pingWithoutDefault())).isFalse();
      assertThatThrownBy(() -> client.register("strict-value", pingWithoutDefault()))
          .isInstanceOf(SchemaRegistryException.class)
          .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(409));

      client.setCompatibility("strict-value", "NONE");

      assertThat(client.compatibility("strict-value")).isEqualTo("NONE");
      assertThat(client.compatibility(null)).isEqualTo("BACKWARD");
      assertThat(client.register("strict-value", pingWithoutDefault())).isPositive();
    }
  }

  @Test
  void shouldAnswerNotFoundForUnknownIdsAndSubjects() {
    try (EmbeddedStack stack = EmbeddedStack.start(config())) {
      SchemaRegistryClient client = new HttpSchemaRegistryClient(stack.schemaRegistryUrl());

      assertThatThrownBy(() -> client.schemaById(4242))
          .isInstanceOfSatisfying(
              SchemaRegistryException.class,
              e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
      assertThatThrownBy(() -> client.latest("nobody-value"))
          .isInstanceOfSatisfying(
              SchemaRegistryException.class,
              e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
      assertThat(client.isCompatible("nobody-value", ping(false))).isTrue();
    }
  }

  @Test
  void shouldReadAlertsWrittenBeforeARestart() {
    Alert alert =
        Alert.newBuilder()
            .setAlertId("a-1")
            .setRuleId("r-1")
            .setLegalBasis("UNSCR 2397")
            .setRuleKind(RuleKind.BAN)
            .setSeverity(Severity.CRITICAL)
            .setEventTime(Instant.parse("2024-03-01T00:00:00Z"))
            .setProcessedAt(Instant.parse("2024-03-01T00:00:01Z"))
            .setMessage("Arms transfer to a banned destination.")
            .build();
    try (EmbeddedStack stack = EmbeddedStack.start(config())) {
      Map<String, Object> props =
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              stack.bootstrapServers(),
              "schema.registry.url",
              stack.schemaRegistryUrl());
      AvroSerializer<Alert> values = new AvroSerializer<>();
      values.configure(props, false);
      try (KafkaProducer<String, Alert> producer =
          new KafkaProducer<>(props, new StringSerializer(), values)) {
        producer.send(new ProducerRecord<>("alerts", "a-1", alert));
        producer.flush();
      }
    }

    try (EmbeddedStack restarted = EmbeddedStack.start(config())) {
      Map<String, Object> props =
          Map.of(
              ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
              restarted.bootstrapServers(),
              ConsumerConfig.GROUP_ID_CONFIG,
              "after-restart",
              ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
              "earliest",
              "schema.registry.url",
              restarted.schemaRegistryUrl(),
              AvroDeserializer.VALUE_CLASS,
              Alert.class);
      AvroDeserializer<Alert> values = new AvroDeserializer<>();
      values.configure(props, false);
      List<Alert> seen = new ArrayList<>();
      try (KafkaConsumer<String, Alert> consumer =
          new KafkaConsumer<>(props, new StringDeserializer(), values)) {
        consumer.subscribe(List.of("alerts"));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                  return !seen.isEmpty();
                });
      }
      assertThat(seen).containsExactly(alert);
    }
  }
}
