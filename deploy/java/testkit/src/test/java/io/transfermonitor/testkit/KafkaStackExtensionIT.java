package io.transfermonitor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaStackExtension.class)
class KafkaStackExtensionIT {

  private static KafkaStack first;

  @BeforeAll
  static void remember(KafkaStack stack) {
    first = stack;
  }

  @Test
  void shouldShareOneStackAcrossTheRun(KafkaStack stack) {
    assertThat(stack).isSameAs(first);
    assertThat(stack.kind()).isIn("embedded", "testcontainers");
    assertThat(stack.bootstrapServers()).matches("[^:]+:\\d+");
  }

  @Test
  void shouldCarryRecordsBetweenPlainClients(KafkaStack stack) {
    String topic = stack.uniqueName("plain");
    Map<String, Object> producerProps =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "hello"));
      producer.flush();
    }

    Map<String, Object> consumerProps =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("group"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                  seen.add(r.value());
                }
                return !seen.isEmpty();
              });
    }
    assertThat(seen).containsExactly("hello");
  }

  @Test
  void shouldHandOutNamesNoOtherCallReturns(KafkaStack stack) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      names.add(stack.uniqueName("alerts app"));
    }
    assertThat(names).hasSize(100).allMatch(n -> n.matches("alerts-app-[A-Za-z0-9._-]+"));
  }

  @Test
  void shouldCreateUniqueTopicsWithCompactionAndRetention(KafkaStack stack) throws Exception {
    Topics topics = stack.uniqueTopics();
    Topics others = stack.uniqueTopics();

    assertThat(topics.alerts()).isNotEqualTo(others.alerts());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      Set<String> existing = admin.listTopics().names().get();
      assertThat(existing)
          .contains(topics.alerts(), topics.rules(), topics.designations(), topics.rejected())
          .containsAll(topics.eventTopics());
      ConfigResource rules = new ConfigResource(ConfigResource.Type.TOPIC, topics.rules());
      ConfigResource events =
          new ConfigResource(
              ConfigResource.Type.TOPIC, topics.eventTopic(EventKind.TANKER_DELIVERY));
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(List.of(rules, events)).all().get();
      assertThat(configs.get(rules).get("cleanup.policy").value()).isEqualTo("compact");
      assertThat(configs.get(events).get("cleanup.policy").value()).isEqualTo("delete");
      assertThat(configs.get(events).get("retention.ms").value())
          .isEqualTo(String.valueOf(Duration.ofDays(400).toMillis()));
    }
  }

  @Test
  void shouldAnswerTheRegistrySubjectList(KafkaStack stack) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("[");
  }
}
