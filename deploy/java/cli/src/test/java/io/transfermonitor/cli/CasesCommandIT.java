package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.rules.RuleFile;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.streams.app.MonitorApplication;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators work a case through the CLI against a real monitor on a real broker: ack, suppress with
 * a reason, resolve, and a new event reopens it; a suppressed case pages nobody while its totals
 * grow, also after the monitor restarts on an empty state directory, and no action is applied twice
 * nor any notification raised twice.
 */
@ExtendWith(KafkaStackExtension.class)
class CasesCommandIT {

  private static final String CASE = "unscr-1718-arms-embargo/PRK/RUS";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private KafkaStack stack;
  private Topics topics;
  private Path settings;
  private MonitorConfig config;
  private int shipments;

  @Test
  void shouldWorkACaseThroughTheCliExactlyOnceAcrossAMonitorRestart(KafkaStack stack)
      throws Exception {
    // given: a running monitor with the shipped rules, and a settings file naming its topics;
    // a short quiet interval: a suppressed case that paged anyway would show within the waits below
    onFreshTopics(stack, Duration.ofSeconds(1));
    MonitorApplication monitor = start("state-1");
    try {
      // when: a munitions shipment opens the case, and the desk acknowledges and suppresses it
      ship();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> caseJson().path("alertCount").asLong() == 1);
      assertThat(cli("ack", CASE, "--reason", "desk is on it", "--by", "alice").out())
          .contains("case " + CASE + " is ACKNOWLEDGED");
      assertThat(
              cli(
                      "suppress",
                      CASE,
                      "--reason",
                      "route known, reported to the Committee",
                      "--by",
                      "bob",
                      "--until",
                      "7d")
                  .out())
          .contains("is SUPPRESSED");
      ship();
      ship();

      // then: it keeps counting and pages nobody
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> caseJson().path("alertCount").asLong() == 3);
      assertNoNewNotificationFor(Duration.ofSeconds(3), 1);
      assertThat(totalContainers()).isEqualTo(300.0);

      // when: the monitor restarts on an empty state directory and more evidence arrives
      monitor.close();
      monitor = start("state-2");
      ship();

      // then: still suppressed, still counting, still silent, nothing applied again
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> caseJson().path("alertCount").asLong() == 4);
      assertThat(caseJson().path("status").asText()).isEqualTo("SUPPRESSED");
      assertNoNewNotificationFor(Duration.ofSeconds(3), 1);

      // when: the desk resolves it and a new shipment arrives
      assertThat(cli("resolve", CASE, "--reason", "in the panel's report", "--by", "carol").out())
          .contains("is RESOLVED");
      ship();

      // then: the case reopens by itself and pages once more
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> caseJson().path("status").asText().equals("REOPENED"));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(readAll(topics.notifications(), CaseNotification.class))
                      .extracting(n -> n.getKind().toString())
                      .containsExactly("OPENED", "REOPENED"));
    } finally {
      monitor.close();
    }

    // and: the history lists each action once, with who and why
    CliRun show = cli("show", CASE);
    assertThat(show.out())
        .contains("ACKNOWLEDGED       -> ACKNOWLEDGED  by alice: desk is on it")
        .contains(
            "SUPPRESSED         -> SUPPRESSED    by bob: route known, reported to the Committee (until ")
        .contains("RESOLVED           -> RESOLVED      by carol: in the panel's report")
        .contains("REOPENED           -> REOPENED      alert unscr-1718-arms-embargo/m5")
        .contains("alerts       5 alerts, 500 containers");
    List<String> steps = new ArrayList<>();
    caseJson().path("history").forEach(e -> steps.add(e.path("step").asText()));
    assertThat(steps)
        .containsExactly("OPENED", "ACKNOWLEDGED", "SUPPRESSED", "RESOLVED", "REOPENED");
    assertThat(readAll(topics.notifications(), CaseNotification.class))
        .extracting(CaseNotification::getNotificationId)
        .doesNotHaveDuplicates();
    assertThat(readAll(topics.caseActions(), CaseAction.class)).hasSize(3);
  }

  @Test
  void shouldRefuseAnActionOnAnUnknownCaseOrAnIllegalTransitionAndWriteNothing(KafkaStack stack)
      throws Exception {
    // given: a case, open, on topics with no monitor running
    onFreshTopics(stack, MonitorConfig.defaults().caseQuietInterval());
    try (MonitorApplication monitor = start("state")) {
      ship();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> caseJson().path("alertCount").asLong() == 1);
    }

    // when
    CliRun unknown = CliRun.of(args("ack", "no-such-case", "--reason", "typo"));
    CliRun illegal = CliRun.of(args("reopen", CASE, "--reason", "why not", "--by", "dan"));
    CliRun badStatus = CliRun.of(args("list", "--status", "CLOSED"));

    // then
    assertThat(unknown.exit()).isEqualTo(TransferMonitor.EXIT_FAILED);
    assertThat(unknown.err().strip())
        .isEqualTo(
            "transfer-monitor cases ack: no case no-such-case (cases list shows them); nothing written");
    assertThat(illegal.exit()).isEqualTo(TransferMonitor.EXIT_FAILED);
    assertThat(illegal.err().strip())
        .isEqualTo(
            "transfer-monitor cases reopen: cannot reopen case "
                + CASE
                + ": it is OPEN; only a resolved or suppressed case reopens; nothing written");
    assertThat(badStatus.exit()).isEqualTo(TransferMonitor.EXIT_BAD_SETTING);
    assertThat(readAll(topics.caseActions(), CaseAction.class)).isEmpty();
    assertThat(cli("list", "--status", "open").out()).contains(CASE).contains("OPEN");
  }

  /** Fresh topics with the shipped rules, a settings file naming them, a monitor configured. */
  private void onFreshTopics(KafkaStack stack, Duration quietInterval) throws IOException {
    this.stack = stack;
    topics = stack.uniqueTopics();
    String prefix = topics.cases().substring(0, topics.cases().length() - "cases".length());
    settings = dir.resolve("settings.properties");
    Files.writeString(settings, "tm.topic.prefix=" + prefix + "\n");
    config =
        MonitorConfig.builder()
            .topics(topics)
            .applicationId(stack.uniqueName("cases-it"))
            .caseQuietInterval(quietInterval)
            .build();
    RulePublisher.publish(
        Map.of(
            "bootstrap.servers", stack.bootstrapServers(),
            "schema.registry.url", stack.schemaRegistryUrl()),
        topics.rules(),
        RuleFile.load(ProjectFiles.of("deploy", "config", "rules.yaml")));
  }

  private MonitorApplication start(String stateDir) {
    Properties props = new Properties();
    props.putAll(stack.clientProperties());
    props.put("state.dir", dir.resolve(stateDir).toString());
    MonitorApplication monitor = MonitorApplication.start(props, config, new SimpleMeterRegistry());
    monitor.awaitRunning(Duration.ofSeconds(90));
    return monitor;
  }

  /** One more munitions shipment, 100 containers, PRK to RUS. */
  private void ship() {
    shipments++;
    ContainerShipment shipment =
        ContainerShipment.newBuilder()
            .setHeader(
                EventHeader.newBuilder()
                    .setEventId("m" + shipments)
                    .setSourceName("cases IT")
                    .setSourceKind(SourceKind.OBSERVED)
                    .setEventTime(Instant.parse("2024-03-0" + shipments + "T00:00:00Z"))
                    .setOrigin("PRK")
                    .setDestination("RUS")
                    .setReferences(List.of("seed:000"))
                    .build())
            .setContainers(100)
            .setCargoCategory(CargoCategory.MUNITIONS)
            .setTransportMode(TransportMode.SEA)
            .build();
    try (EventProducer producer =
        EventProducer.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
            .topics(topics)
            .build()) {
      producer.send(shipment);
      producer.flush();
    }
  }

  private CliRun cli(String... caseArgs) {
    CliRun run = CliRun.of(args(caseArgs));
    assertThat(run.exit()).as("cases %s: %s", List.of(caseArgs), run.err()).isZero();
    return run;
  }

  private String[] args(String... caseArgs) {
    List<String> args = new ArrayList<>(List.of("cases", caseArgs[0]));
    args.addAll(
        List.of(
            "-b",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl(),
            "--config",
            settings.toString()));
    args.addAll(List.of(caseArgs).subList(1, caseArgs.length));
    return args.toArray(String[]::new);
  }

  /** The case as {@code cases show --json} prints it, or an empty object before it exists. */
  private JsonNode caseJson() {
    CliRun run = CliRun.of(args("show", CASE, "--json"));
    if (run.exit() != 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(run.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private double totalContainers() {
    return StreamSupport.stream(caseJson().path("totals").spliterator(), false)
        .filter(t -> t.path("unit").asText().equals("CONTAINERS"))
        .mapToDouble(t -> t.path("amount").asDouble())
        .sum();
  }

  private void assertNoNewNotificationFor(Duration quiet, int expected) {
    await()
        .during(quiet)
        .atMost(quiet.plusSeconds(10))
        .until(() -> readAll(topics.notifications(), CaseNotification.class).size() == expected);
  }

  private <V extends SpecificRecord> List<V> readAll(String topic, Class<V> type) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false",
            "schema.registry.url",
            stack.schemaRegistryUrl(),
            AvroDeserializer.VALUE_CLASS,
            type);
    AvroDeserializer<V> values = new AvroDeserializer<>();
    values.configure(props, false);
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<V> all = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> all.add(r.value()));
      }
      return all;
    }
  }
}
