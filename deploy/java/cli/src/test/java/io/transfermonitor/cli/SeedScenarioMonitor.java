package io.transfermonitor.cli;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.transfermonitor.cli.WatchedMonitor.DashboardAddress;
import io.transfermonitor.cli.kafka.GroupCommitProgress;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.producers.scenario.ScenarioReplayer;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.topology.MonitorTopology;
import io.transfermonitor.testkit.KafkaStack;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The seed scenario as users see it: a monitor with its dashboard and metrics endpoint on the
 * shared test stack (its own topics, three partitions each), the default rules, one undecodable
 * record and the seed scenario replayed, and every input record processed before the tests look.
 */
final class SeedScenarioMonitor implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final KafkaStack stack;
  private final Topics topics;
  private final WatchedMonitor monitor;
  private final MetricsEndpoint metrics;
  private long seedEvents;

  private SeedScenarioMonitor(
      KafkaStack stack, Topics topics, WatchedMonitor monitor, MetricsEndpoint metrics) {
    this.stack = stack;
    this.topics = topics;
    this.monitor = monitor;
    this.metrics = metrics;
  }

  static SeedScenarioMonitor start(KafkaStack stack, Path stateDir) throws Exception {
    Topics topics = stack.uniqueTopics(TopicLayout.defaults());
    MonitorConfig config =
        MonitorConfig.builder().topics(topics).applicationId(stack.uniqueName("dashboard")).build();
    Map<String, Object> client = stack.clientProperties();
    RulePublisher.publish(client, topics.rules(), DefaultRules.load(null));
    // the component findings' reference data, as the demo loads it
    DemoReferences.publish(client, topics);
    Properties props = new Properties();
    props.putAll(client);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    WatchedMonitor monitor =
        WatchedMonitor.start(
            client, props, config, Optional.of(DashboardAddress.of("127.0.0.1", 0, null)), meters);
    MetricsEndpoint metrics = MetricsEndpoint.serve("127.0.0.1", 0, meters);
    SeedScenarioMonitor running = new SeedScenarioMonitor(stack, topics, monitor, metrics);
    monitor.app().awaitRunning(Duration.ofMinutes(2));
    running.sendGarbage(EventKind.TANKER_DELIVERY);
    // twice: the second pass is all re-sends, which must change nothing but the duplicate count
    for (int pass = 0; pass < 2; pass++) {
      try (EventProducer producer = running.producer();
          InputStream seed = ScenarioReplayer.seed()) {
        running.seedEvents = ScenarioReplayer.replay(seed, producer).produced();
        producer.flush();
      }
    }
    running.awaitProcessed(config.applicationId());
    return running;
  }

  /** Events in the seed scenario (each was sent twice). */
  long seedEvents() {
    return seedEvents;
  }

  Topics topics() {
    return topics;
  }

  String dashboardUrl() {
    return monitor.dashboardUrl().orElseThrow();
  }

  String metricsUrl() {
    return metrics.url();
  }

  /** A producer of events onto this run's topics. */
  EventProducer producer() {
    return EventProducer.builder(stack.bootstrapServers(), stack.schemaRegistryUrl())
        .topics(topics)
        .build();
  }

  /** {@code GET} of the dashboard's {@code path} ({@code api/caps}) as JSON. */
  JsonNode api(String path) throws IOException, InterruptedException {
    return JSON.readTree(get(dashboardUrl() + path));
  }

  static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private void sendGarbage(EventKind kind) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(
          new ProducerRecord<>(topics.eventTopic(kind), "garbage".getBytes(), new byte[] {1, 2}));
    }
  }

  /** Until every input record is committed and the dashboard holds every alert written. */
  private void awaitProcessed(String applicationId) throws Exception {
    Map<String, Object> client = Map.of("bootstrap.servers", stack.bootstrapServers());
    try (Admin admin = Admin.create(client);
        GroupCommitProgress progress =
            GroupCommitProgress.ofMonitor(
                admin,
                client,
                topics,
                MonitorTopology.totalsSentWithin(MonitorConfig.defaults()))) {
      boolean done =
          progress.awaitDone(applicationId, Duration.ofMinutes(2), () -> true, System.err);
      if (!done) {
        throw new IllegalStateException("the monitor did not process the seed scenario");
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(
              () ->
                  api("api/alerts?limit=0").get("total").asLong()
                      == CommittedRecords.count(stack.bootstrapServers(), topics.alerts()));
    }
  }

  /** Sends {@code event} as producers do. */
  void send(SpecificRecord event) {
    try (EventProducer producer = producer()) {
      producer.send(event);
      producer.flush();
    }
  }

  /**
   * Publishes {@code finding} to this run's AIS findings topic, as the monitor's AIS stage does.
   */
  void sendFinding(VesselFinding finding) {
    Map<String, Object> client = stack.clientProperties();
    try (KafkaProducer<String, VesselFinding> producer =
        new KafkaProducer<>(
            client,
            new StringSerializer(),
            AvroSerde.forValue(client, VesselFinding.class).serializer())) {
      producer.send(new ProducerRecord<>(topics.aisFindings(), finding.getFindingId(), finding));
    }
  }

  @Override
  public void close() {
    metrics.close();
    monitor.close();
  }
}
