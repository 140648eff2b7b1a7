package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ingest} against a real broker: what the command line puts into the topics. */
@ExtendWith(KafkaStackExtension.class)
class IngestCommandIT {

  private static final Path SIGHTINGS =
      ProjectFiles.of("producers/examples/osint-tanker-sightings");

  @Test
  void shouldProduceGoodRowsAndSendBadRowsToTheRejectedTopic(KafkaStack stack, @TempDir Path dir)
      throws IOException {
    Topics topics = stack.uniqueTopics();
    String prefix = topics.alerts().substring(0, topics.alerts().length() - "alerts".length());
    Path csv = dir.resolve("sightings.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(SIGHTINGS.resolve("sightings.csv")));
    lines.add("31/04/2024,Unha 5,9000022,KP,Chongjin,100,no,,"); // line 10: no 31 April
    Files.write(csv, lines);

    int code =
        new CommandLine(new IngestCommand())
            .execute(
                "--bootstrap-servers",
                stack.bootstrapServers(),
                "--schema-registry-url",
                stack.schemaRegistryUrl(),
                "--topic-prefix",
                prefix,
                "--mapping",
                SIGHTINGS.resolve("mapping.yaml").toString(),
                "--report",
                dir.resolve("report.csv").toString(),
                "--to-rejected-topic",
                csv.toString());

    assertThat(code).isZero();
    assertThat(read(stack, topics.eventTopic(EventKind.TANKER_DELIVERY), TankerDelivery.class, 8))
        .hasSize(8)
        .allSatisfy(r -> assertThat(r.key()).startsWith("osint-tankers/"));
    assertThat(read(stack, topics.rejected(), RejectedEvent.class, 1))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.value().getSourceLine()).isEqualTo(10L);
              assertThat(r.value().getField()).isEqualTo("header.eventTime");
            });
  }

  private static <T extends SpecificRecord> List<ConsumerRecord<String, T>> read(
      KafkaStack stack, String topic, Class<T> type, int expected) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("reader"),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, T>> seen = new ArrayList<>();
    try (KafkaConsumer<String, T> consumer =
        new KafkaConsumer<>(
            props,
            new StringDeserializer(),
            new AvroDeserializer<>(
                SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), type))) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.size() >= expected;
              });
      consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
    }
    return seen;
  }
}
