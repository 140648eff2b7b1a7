package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.cli.kafka.GroupCommitProgress;
import io.transfermonitor.cli.kafka.TopicEnds;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.app.MonitorApplication;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.topology.MonitorTopology;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code demo --once} and the benchmark wait for: once the monitor's group is "done" with
 * input that was acknowledged, the alerts of that input are already readable. Tried in a loop on
 * one-event inputs, the smallest and so the likeliest to be declared done before they are.
 */
@ExtendWith(KafkaStackExtension.class)
class GroupCommitProgressIT {

  private static final int ROUNDS = 8;

  @TempDir Path stateDir;

  @Test
  void shouldNotCallOneEventProcessedBeforeItsAlertIsReadable(KafkaStack stack) throws Exception {
    // given: three partitions per topic, the default rules, a running monitor
    Topics topics =
        stack.uniqueTopics(
            TopicLayout.defaults().withPartitions(3).withReplicationFactor((short) 1));
    MonitorConfig config =
        MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName("done")).build();
    Map<String, Object> client = stack.clientProperties();
    RulePublisher.publish(client, topics.rules(), DefaultRules.load(null));
    Properties props = new Properties();
    props.putAll(client);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

    try (MonitorApplication monitor = MonitorApplication.start(props, config);
        EventProducer producer =
            EventProducer.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
                .topics(topics)
                .build();
        Admin admin = Admin.create(client);
        TopicEnds ends = new TopicEnds(client)) {
      monitor.awaitRunning(Duration.ofSeconds(90));
      for (int round = 1; round <= ROUNDS; round++) {
        // when: one event, acknowledged, and the group declared done with it
        producer.send(
            round % 2 == 1 ? munitions("m-" + round) : notice("p-" + round, 2000 + round));
        producer.flush();
        boolean done;
        try (GroupCommitProgress progress =
            GroupCommitProgress.ofMonitor(
                admin,
                client,
                topics,
                MonitorTopology.totalsSentWithin(MonitorConfig.defaults()))) {
          done =
              progress.awaitDone(
                  config.applicationId(), Duration.ofSeconds(60), () -> true, System.err);
        }

        // then: its alert is already on the alert topic, at once
        assertThat(done).as("round %d done", round).isTrue();
        assertThat(ends.recordCount(topics.alerts()))
            .as("alerts after round %d", round)
            .isEqualTo(round);
      }
    }
  }

  /** Munitions shipped from the DPRK to Russia: one arms-embargo alert. */
  private static SpecificRecord munitions(String id) {
    return ContainerShipment.newBuilder()
        .setHeader(header(id, "PRK", "RUS", "2024-02-01T00:00:00Z"))
        .setContainers(10)
        .setCargoCategory(CargoCategory.MUNITIONS)
        .setTransportMode(TransportMode.SEA)
        .build();
  }

  /**
   * 400,000 bbl of refined petroleum to the DPRK, REPORTED and alone in its year: one NOTICE_75
   * alert (nothing observed, so no reporting gap either).
   */
  private static SpecificRecord notice(String id, int year) {
    EventHeader reported = header(id, "RUS", "PRK", year + "-03-01T00:00:00Z");
    reported.setSourceKind(SourceKind.REPORTED);
    return TankerDelivery.newBuilder()
        .setHeader(reported)
        .setVesselName("Test Tanker")
        .setVesselFlag("SLE")
        .setProductClass(ProductClass.REFINED)
        .setProduct("DIESEL")
        .setQuantity(400_000)
        .setUnit("BARREL")
        .build();
  }

  private static EventHeader header(String id, String from, String to, String time) {
    return EventHeader.newBuilder()
        .setEventId(id)
        .setSourceName("loop test")
        .setSourceKind(SourceKind.OBSERVED)
        .setEventTime(Instant.parse(time))
        .setOrigin(from)
        .setDestination(to)
        .build();
  }
}
