package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.model.Alert;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaStackExtension.class)
class AlertsCommandIT {

  @TempDir Path dir;

  @Test
  void shouldShowEveryAlertAsAJsonLineFromTheBeginning(KafkaStack stack) throws Exception {
    Topics topics = stack.uniqueTopics();
    Alert first = AlertFormatTest.breach();
    Alert second = Alert.newBuilder(first).setAlertId("second").setMessage("Second alert.").build();
    produce(stack, topics.alerts(), first, second);

    CliRun run = alerts(stack, topics, "--from-beginning", "--json", "--max", "2");

    assertThat(run.exit()).as(run.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    List<String> ids = run.outLines().stream().map(l -> readId(json, l)).toList();
    assertThat(ids).containsExactly(first.getAlertId(), "second");
  }

  @Test
  void shouldShowAlertsAsATableForPeople(KafkaStack stack) throws Exception {
    Topics topics = stack.uniqueTopics();
    produce(stack, topics.alerts(), AlertFormatTest.breach());

    CliRun run = alerts(stack, topics, "--from-beginning", "--max", "1");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(2);
    assertThat(run.outLines().get(0)).startsWith("EVENT TIME");
    assertThat(run.outLines().get(1)).contains("CRITICAL", "above the 500000 bbl cap.");
  }

  @Test
  void shouldSkipAnUnreadableRecordAndKeepShowingAlerts(KafkaStack stack) throws Exception {
    Topics topics = stack.uniqueTopics();
    try (KafkaProducer<String, byte[]> raw =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", stack.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      raw.send(
              new ProducerRecord<>(
                  topics.alerts(), "junk", "not avro".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    produce(stack, topics.alerts(), AlertFormatTest.breach());

    CliRun run = alerts(stack, topics, "--from-beginning", "--json", "--max", "1");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("skipped unreadable record at " + topics.alerts() + "-0 offset 0");
    assertThat(run.outLines())
        .singleElement()
        .asString()
        .contains(AlertFormatTest.breach().getAlertId());
  }

  @Test
  void shouldTellToCreateTopicsWhenTheAlertTopicIsMissing(KafkaStack stack) throws Exception {
    Topics missing = Topics.withPrefix(stack.uniqueName("none") + ".");

    CliRun run = alerts(stack, missing, "--max", "1");

    assertThat(run.exit()).isEqualTo(TransferMonitor.EXIT_UNAVAILABLE);
    assertThat(run.err().strip())
        .isEqualTo(
            "transfer-monitor alerts: topic '"
                + missing.alerts()
                + "' does not exist; run 'transfer-monitor topics create' first");
  }

  private CliRun alerts(KafkaStack stack, Topics topics, String... extra) throws Exception {
    String prefix = topics.alerts().substring(0, topics.alerts().length() - "alerts".length());
    Path config = Files.createTempFile(dir, "tm", ".properties");
    Files.writeString(config, "tm.topic.prefix=" + prefix + "\n");
    List<String> args =
        new ArrayList<>(
            List.of(
                "alerts",
                "-b",
                stack.bootstrapServers(),
                "--schema-registry-url",
                stack.schemaRegistryUrl(),
                "--config",
                config.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static void produce(KafkaStack stack, String topic, Alert... alerts) throws Exception {
    Map<String, Object> props =
        Map.of(
            "bootstrap.servers", stack.bootstrapServers(),
            "schema.registry.url", stack.schemaRegistryUrl());
    AvroSerializer<Alert> values = new AvroSerializer<>();
    values.configure(props, false);
    try (KafkaProducer<String, Alert> producer =
        new KafkaProducer<>(props, new StringSerializer(), values)) {
      for (Alert alert : alerts) {
        producer.send(new ProducerRecord<>(topic, alert.getAlertId(), alert)).get();
      }
    }
  }

  private static String readId(ObjectMapper json, String line) {
    try {
      return json.readTree(line).get("alertId").asText();
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
