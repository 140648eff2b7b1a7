package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.producers.designations.DesignationPublisher;
import io.transfermonitor.producers.designations.PublishSummary;
import io.transfermonitor.producers.designations.SampleList;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.Designations;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.topology.TopologyNames;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screening on a real broker with exactly-once: the UN list published as {@code designations load}
 * publishes it, a payment rescreened when its bank is designated after it, a delisting, a restart.
 */
@ExtendWith(KafkaStackExtension.class)
class ScreeningIT {

  private static final String RULE = "unscr-1718-designated-parties";

  @TempDir Path stateDir;

  @Test
  void shouldRescreenAPastPaymentOnceStopOnDelistingAndRaiseNothingTwiceAfterARestart(
      KafkaStack stack) {
    // given: the default rules, the UN list, a running monitor
    Topics topics = stack.uniqueTopics();
    MonitorConfig config =
        MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName("screening")).build();
    Map<String, Object> clients =
        Map.of(
            "bootstrap.servers", stack.bootstrapServers(),
            "schema.registry.url", stack.schemaRegistryUrl());
    RulePublisher.publish(clients, topics.rules(), Events.defaultRules());
    List<Designation> unList = SampleList.read().designations();
    DesignationPublisher.publish(clients, topics.designations(), unList);
    // an undecodable designation record must not stop the monitor
    try (KafkaProducer<String, byte[]> raw =
        new KafkaProducer<>(clients, new StringSerializer(), new ByteArraySerializer())) {
      raw.send(
          new ProducerRecord<>(
              topics.designations(), "KPe.098", "garbage".getBytes(StandardCharsets.UTF_8)));
    }
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
    Properties props = new Properties();
    props.putAll(clients);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("first").toString());
    List<Alert> seen = new ArrayList<>();

    try (KafkaProducer<String, FinancialTransfer> payments = producer(stack, registry);
        KafkaConsumer<String, Alert> alerts = consumer(stack, registry)) {
      alerts.subscribe(List.of(topics.alerts()));
      try (MonitorApplication monitor = MonitorApplication.start(props, config)) {
        monitor.awaitRunning(Duration.ofSeconds(90));

        // when: a payment to a bank not listed yet, one to the Foreign Trade Bank
        pay(payments, topics, "p1", "Ryugyong Commercial Bank");
        pay(payments, topics, "p2", "Foreign Trade Bank");
        awaitAlerts(alerts, seen, 1);
        assertThat(seen).extracting(Alert::getAlertId).containsExactly(RULE + "/KPe.047/p2");

        // and: the bank is designated (a new load of the list holding it)
        List<Designation> withRyugyong = new ArrayList<>(unList);
        withRyugyong.add(
            Designations.entity("KPe.099", "RYUGYONG COMMERCIAL BANK", LocalDate.of(2025, 3, 1))
                .build());
        PublishSummary added =
            DesignationPublisher.publish(clients, topics.designations(), withRyugyong);

        // then: the past payment raises one retroactive alert
        assertThat(added.describe()).isEqualTo("1 added, 0 changed, 0 removed, 1018 unchanged");
        awaitAlerts(alerts, seen, 2);
        assertThat(seen.get(1).getAlertId()).isEqualTo(RULE + "/KPe.099/p1");
        assertThat(seen.get(1).getScreening().getRetroactive()).isTrue();

        // when: a load without it delists it, then two more payments
        PublishSummary removed =
            DesignationPublisher.publish(clients, topics.designations(), unList);
        assertThat(removed.removedIds()).containsExactly("KPe.099");
        ReadOnlyKeyValueStore<String, Designation> held =
            monitor
                .streams()
                .store(
                    StoreQueryParameters.fromNameAndType(
                        TopologyNames.DESIGNATIONS_STORE,
                        QueryableStoreTypes.<String, Designation>keyValueStore()));
        await().atMost(Duration.ofSeconds(30)).until(() -> held.get("KPe.099") == null);
        pay(payments, topics, "p3", "Ryugyong Commercial Bank");
        pay(payments, topics, "p4", "Foreign Trade Bank");

        // then: only the Foreign Trade Bank one alerts
        awaitAlerts(alerts, seen, 3);
        assertThat(seen.get(2).getAlertId()).isEqualTo(RULE + "/KPe.047/p4");
      }

      // when: a restart on an empty state directory, and every payment again
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("second").toString());
      try (MonitorApplication restarted = MonitorApplication.start(props, config)) {
        restarted.awaitRunning(Duration.ofSeconds(90));
        pay(payments, topics, "p1", "Ryugyong Commercial Bank");
        pay(payments, topics, "p2", "Foreign Trade Bank");
        pay(payments, topics, "p3", "Ryugyong Commercial Bank");
        pay(payments, topics, "p4", "Foreign Trade Bank");

        // then: nothing is raised twice
        await()
            .during(Duration.ofSeconds(5))
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () -> {
                  alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                  assertThat(seen).hasSize(3);
                });
      }
    }
  }

  private static void awaitAlerts(
      KafkaConsumer<String, Alert> alerts, List<Alert> seen, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              alerts.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
              assertThat(seen).hasSize(count);
            });
  }

  private static void pay(
      KafkaProducer<String, FinancialTransfer> payments, Topics topics, String id, String bank) {
    FinancialTransfer payment = Events.payment(id, "2024-11-02T00:00:00Z", bank, null);
    payments.send(
        new ProducerRecord<>(topics.eventTopic(EventKind.FINANCIAL_TRANSFER), id, payment));
    payments.flush();
  }

  private static KafkaProducer<String, FinancialTransfer> producer(
      KafkaStack stack, SchemaRegistryClient registry) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new AvroSerializer<FinancialTransfer>(registry, true, false));
  }

  private static KafkaConsumer<String, Alert> consumer(
      KafkaStack stack, SchemaRegistryClient registry) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            stack.uniqueName("screening-reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new AvroDeserializer<>(registry, Alert.class));
  }
}
