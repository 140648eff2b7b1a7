package io.transfermonitor.streams.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.embedded.DevSchemaRegistry;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.TopicClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry restart of a few seconds while the monitor reads a record whose schema it has not
 * fetched yet: the stream thread waits for the registry and goes on. Found by the soak, where every
 * monitor's thread failed on {@code cannot fetch schema id} within a second of the registry going
 * down, was replaced, and the next restart of each instance then spent over a minute in the group:
 * the replacement joined under a new static member id, and the failed thread's member stayed in the
 * group until its session timed out. A longer outage still fails the thread; its member is then
 * taken out of the group at once.
 */
@ExtendWith(KafkaStackExtension.class)
class RegistryRestartIT {

  @TempDir Path stateDir;

  @Test
  void shouldWaitForARestartingRegistryInsteadOfFailingTheStreamThread(KafkaStack stack)
      throws Exception {
    outage(
        stack,
        new Properties(),
        "",
        // down for 4 s, past the 0.7 s an earlier client retried for: no thread fails meanwhile
        monitor ->
            await()
                .during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .until(() -> failures(monitor) == 0),
        (monitor, rejected, group, alertAfter) -> {
          assertThat(failures(monitor)).as("stream threads failed and replaced").isZero();
          assertThat(monitor.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
          assertThat(rejected.poll(Duration.ofSeconds(2)))
              .as("nothing set aside for the registry's absence")
              .isEmpty();
        });
  }

  @Test
  void shouldTakeAFailedThreadsStaticMemberOutOfTheGroupAtOnce(KafkaStack stack) throws Exception {
    // a transaction timeout of 6 s gives the registry 4 s; it stays away until a thread failed
    Properties shortTransactions = new Properties();
    shortTransactions.put(
        StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 6_000);
    outage(
        stack,
        shortTransactions,
        "registry-restart-it",
        monitor -> await().atMost(Duration.ofSeconds(60)).until(() -> failures(monitor) > 0),
        (monitor, rejected, group, alertAfter) -> {
          assertThat(failures(monitor)).as("stream threads failed and replaced").isPositive();
          // the failed thread's member would stay for its session timeout, 45 s, and the
          // replacement's join would wait for it
          assertThat(alertAfter).isLessThan(Duration.ofSeconds(30));
          assertThat(members(stack, group)).hasSize(1);
        });
  }

  /**
   * A monitor on a registry that keeps its schemas in the cluster (so it can stop and start again),
   * running before any event was sent, so it has fetched no event schema; the registry goes down, a
   * transfer written in a schema the producer registered before arrives, and the registry is back
   * once {@code whileDown} returns; the transfer is counted, then {@code then} checks the rest.
   */
  private void outage(
      KafkaStack stack,
      Properties extra,
      String instanceId,
      Consumer<MonitorApplication> whileDown,
      Then then)
      throws Exception {
    Topics topics = stack.uniqueTopics();
    MonitorConfig config =
        MonitorConfig.builder()
            .topics(topics)
            .applicationId(stack.uniqueName("registry-restart"))
            .instanceId(instanceId)
            .build();
    String arms = topics.eventTopic(EventKind.ARMS_TRANSFER);
    DevSchemaRegistry own = DevSchemaRegistry.start(stack.bootstrapServers(), 0);
    int port = own.port();
    String url = "http://127.0.0.1:" + port;
    // the producers' client: its cache is not the monitor's, which retries for longer
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(url);
    Properties props = StackProperties.of(stack, stateDir);
    props.putAll(extra);
    props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
    try (KafkaProducer<String, byte[]> producer =
            TopicClients.rawProducer(stack.bootstrapServers(), Map.of());
        KafkaConsumer<String, Alert> alerts =
            TopicClients.readCommitted(stack.bootstrapServers(), url, Alert.class);
        KafkaConsumer<String, RejectedEvent> rejected =
            TopicClients.readCommitted(stack.bootstrapServers(), url, RejectedEvent.class)) {
      for (Rule rule : Events.defaultRules()) {
        TopicClients.sendAvro(producer, registry, topics.rules(), rule.getRuleId(), rule);
      }
      producer.flush();
      alerts.subscribe(List.of(topics.alerts()));
      rejected.subscribe(List.of(topics.rejected()));

      try (MonitorApplication monitor = MonitorApplication.start(props, config)) {
        monitor.awaitRunning(Duration.ofSeconds(90));

        byte[] value =
            new AvroSerializer<ArmsTransfer>(registry, true, false)
                .serialize(arms, Events.arms("arms-1", "2024-05-01T00:00:00Z", "PRK", "RUS"));
        own.close();
        producer.send(new ProducerRecord<>(arms, "arms-1", value));
        producer.flush();
        whileDown.accept(monitor);
        own = DevSchemaRegistry.start(stack.bootstrapServers(), port);
        long back = System.nanoTime();

        List<String> alertIds = new ArrayList<>();
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  alerts.poll(Duration.ofMillis(200)).forEach(r -> alertIds.add(r.key()));
                  assertThat(alertIds).isNotEmpty();
                });
        then.check(
            monitor, rejected, config.applicationId(), Duration.ofNanos(System.nanoTime() - back));
      }
    } finally {
      own.close();
    }
  }

  private static double failures(MonitorApplication monitor) {
    return monitor.meters().counter("tm.stream.thread.failures").count();
  }

  private static List<String> members(KafkaStack stack, String group) throws Exception {
    Properties props = new Properties();
    props.putAll(stack.clientProperties());
    try (Admin admin = Admin.create(PartitionCounts.adminProperties(props))) {
      return admin
          .describeConsumerGroups(List.of(group))
          .describedGroups()
          .get(group)
          .get(10, TimeUnit.SECONDS)
          .members()
          .stream()
          .map(m -> m.groupInstanceId().orElse(m.consumerId()))
          .toList();
    }
  }

  @FunctionalInterface
  private interface Then {
    void check(
        MonitorApplication monitor,
        KafkaConsumer<String, RejectedEvent> rejected,
        String group,
        Duration alertAfterRegistryBack)
        throws Exception;
  }
}
