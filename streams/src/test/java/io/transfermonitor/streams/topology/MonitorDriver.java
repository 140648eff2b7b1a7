package io.transfermonitor.streams.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.Activity;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.ComponentTotal;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.ReportingGap;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.VesselActivity;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.model.VesselVoyage;
import io.transfermonitor.producers.components.PriorityListCsv;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import io.transfermonitor.streams.app.StreamsProperties;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.errors.RecordBudget;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The monitoring topology in a {@link TopologyTestDriver}, with its own in-memory schema registry,
 * built by the production factory on the production streams properties ({@link StreamsProperties}):
 * no default serdes, the same handlers, so a node without its serde fails here as it would in
 * production.
 */
final class MonitorDriver implements AutoCloseable {

  /** Wall clock of the driver: mid-2025, after every event the tests send. */
  static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

  final MonitorConfig config;
  final String scope = "topology-test-" + UUID.randomUUID();
  final SchemaRegistryClient registry = InMemorySchemaRegistry.scope(scope);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final MonitorMetrics metrics = new MonitorMetrics(meters);
  final TopologyTestDriver driver;
  // a state dir of its own: the default one is shared by every build on the machine
  private final Path stateDir = createStateDir();
  final TestOutputTopic<String, Alert> alerts;
  final TestOutputTopic<String, RejectedEvent> rejected;
  final TestOutputTopic<String, CapUsage> capUsage;
  final TestOutputTopic<String, Case> cases;
  final TestOutputTopic<String, CaseNotification> notifications;
  final TestOutputTopic<String, CaseHistoryEntry> casesAudit;
  final TestOutputTopic<String, ReportingGap> reportingGaps;
  final TestOutputTopic<String, Activity> activity;
  final TestOutputTopic<String, ComponentTotal> components;
  final TestOutputTopic<String, VesselFinding> aisFindings;
  final TestOutputTopic<String, TankerDelivery> tankerDeliveries;
  final TestOutputTopic<String, VesselActivity> vesselActivities;
  private final TestInputTopic<String, Rule> rules;
  private final TestInputTopic<String, Designation> designations;
  private final TestInputTopic<String, CaseAction> caseActions;
  private final TestInputTopic<String, RuleRecount> recountRequests;
  final TestOutputTopic<String, RuleRecount> recounts;
  private final Map<String, Case> latestCases = new HashMap<>();
  private final List<CaseNotification> allNotifications = new ArrayList<>();

  MonitorDriver() {
    this(MonitorConfig.defaults());
  }

  MonitorDriver(MonitorConfig config) {
    this(config, RecordBudget.DEFAULT);
  }

  /**
   * The topology writing no record over {@code budget}, its stores' values included: a budget of a
   * few kilobytes reaches the guards with records of that size instead of a megabyte.
   */
  MonitorDriver(MonitorConfig config, RecordBudget budget) {
    this.config = config;
    try {
      driver =
          new TopologyTestDriver(
              MonitorTopology.build(config, registry, metrics, budget), properties(), NOW);
    } catch (RuntimeException e) {
      deleteStateDir(); // close() is never called on a driver that failed to start
      throw e;
    }
    rules =
        driver.createInputTopic(
            config.topics().rules(),
            new StringSerializer(),
            AvroSerde.forValue(registry, Rule.class).serializer());
    designations =
        driver.createInputTopic(
            config.topics().designations(),
            new StringSerializer(),
            AvroSerde.forValue(registry, Designation.class).serializer());
    alerts =
        driver.createOutputTopic(
            config.topics().alerts(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, Alert.class).deserializer());
    rejected =
        driver.createOutputTopic(
            config.topics().rejected(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, RejectedEvent.class).deserializer());
    capUsage =
        driver.createOutputTopic(
            config.topics().capUsage(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, CapUsage.class).deserializer());
    cases =
        driver.createOutputTopic(
            config.topics().cases(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, Case.class).deserializer());
    notifications =
        driver.createOutputTopic(
            config.topics().notifications(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, CaseNotification.class).deserializer());
    casesAudit =
        driver.createOutputTopic(
            config.topics().casesAudit(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, CaseHistoryEntry.class).deserializer());
    recountRequests =
        driver.createInputTopic(
            config.topics().ruleRecounts(),
            new StringSerializer(),
            AvroSerde.forValue(registry, RuleRecount.class).serializer());
    recounts =
        driver.createOutputTopic(
            config.topics().ruleRecounts(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, RuleRecount.class).deserializer());
    caseActions =
        driver.createInputTopic(
            config.topics().caseActions(),
            new StringSerializer(),
            AvroSerde.forValue(registry, CaseAction.class).serializer());
    reportingGaps =
        driver.createOutputTopic(
            config.topics().reportingGaps(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, ReportingGap.class).deserializer());
    activity =
        driver.createOutputTopic(
            config.topics().activity(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, Activity.class).deserializer());
    components =
        driver.createOutputTopic(
            config.topics().components(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, ComponentTotal.class).deserializer());
    aisFindings =
        driver.createOutputTopic(
            config.topics().aisFindings(),
            new StringDeserializer(),
            AvroSerde.forValue(registry, VesselFinding.class).deserializer());
    tankerDeliveries =
        driver.createOutputTopic(
            config.topics().eventTopic(EventKind.TANKER_DELIVERY),
            new StringDeserializer(),
            AvroSerde.forValue(registry, TankerDelivery.class).deserializer());
    vesselActivities =
        driver.createOutputTopic(
            config.topics().eventTopic(EventKind.VESSEL_ACTIVITY),
            new StringDeserializer(),
            AvroSerde.forValue(registry, VesselActivity.class).deserializer());
  }

  /** Sends AIS positions, keyed by MMSI, in order; then lets the clock run like {@link #send}. */
  void positions(List<VesselPosition> positions) {
    TestInputTopic<String, VesselPosition> topic =
        driver.createInputTopic(
            config.topics().aisPositions(),
            new StringSerializer(),
            AvroSerde.forValue(registry, VesselPosition.class).serializer());
    positions.forEach(p -> topic.pipeInput(p.getMmsi(), p));
    settle();
  }

  /** Sends a vessel's static and voyage data, keyed by MMSI. */
  void voyage(VesselVoyage voyage) {
    driver
        .createInputTopic(
            config.topics().aisVoyages(),
            new StringSerializer(),
            AvroSerde.forValue(registry, VesselVoyage.class).serializer())
        .pipeInput(voyage.getMmsi(), voyage);
  }

  /** Publishes a vessel to the register, keyed as {@code vessels load} keys it. */
  void register(VesselRecord vessel) {
    driver
        .createInputTopic(
            config.topics().vessels(),
            new StringSerializer(),
            AvroSerde.forValue(registry, VesselRecord.class).serializer())
        .pipeInput(
            vessel.getImo() != null ? "IMO:" + vessel.getImo() : "MMSI:" + vessel.getMmsi(),
            vessel);
  }

  /** Publishes an HS code of the priority list, keyed as {@code chpl load} keys it. */
  void priorityList(PriorityListEntry entry) {
    driver
        .createInputTopic(
            config.topics().chpl(),
            new StringSerializer(),
            AvroSerde.forValue(registry, PriorityListEntry.class).serializer())
        .pipeInput(entry.getHsCode(), entry);
  }

  /** Publishes the committed copy of the Common High Priority List, as the demo loads it. */
  void priorityListBundled() {
    try {
      PriorityListCsv.bundled().records().forEach(this::priorityList);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes a maker of the makers table, keyed as {@code makers load} keys it. */
  void maker(MakerRecord maker) {
    driver
        .createInputTopic(
            config.topics().makers(),
            new StringSerializer(),
            AvroSerde.forValue(registry, MakerRecord.class).serializer())
        .pipeInput(maker.getMaker(), maker);
  }

  private Properties properties() {
    Properties kafka = new Properties();
    kafka.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    kafka.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    kafka.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
    return StreamsProperties.of(kafka, config, metrics);
  }

  void rule(Rule rule) {
    rules.pipeInput(rule.getRuleId(), rule);
  }

  void rules(List<Rule> all) {
    all.forEach(this::rule);
  }

  /** Publishes the tombstone of a rule: it is removed. */
  void removeRule(String ruleId) {
    rules.pipeInput(ruleId, null);
  }

  /**
   * Publishes recount request {@code requestId} of {@code ruleId} as {@code rules recount} does,
   * then lets the clock run until the tasks have carried it out and their sums are counted.
   */
  void recount(String requestId, String ruleId) {
    recount(requestId, ruleId, null);
  }

  /** {@link #recount(String, String)} of the events first seen at or after {@code since}. */
  void recount(String requestId, String ruleId, Instant since) {
    recountRequests.pipeInput(
        requestId,
        RuleRecount.newBuilder()
            .setRequestId(requestId)
            .setRuleId(ruleId)
            .setSince(since)
            .setRequestedAt(NOW)
            .build());
    settle();
  }

  /** Publishes a designation, keyed by its reference number. */
  void designate(Designation designation) {
    designations.pipeInput(designation.getDesignationId(), designation);
  }

  void designate(List<Designation> all) {
    all.forEach(this::designate);
  }

  /** Publishes raw bytes to the designations topic. */
  void designateRaw(String key, byte[] value) {
    driver
        .createInputTopic(
            config.topics().designations(), new StringSerializer(), new ByteArraySerializer())
        .pipeInput(key, value);
  }

  /** Publishes the tombstone of a designation: it is delisted. */
  void delist(String designationId) {
    designations.pipeInput(designationId, null);
  }

  /** Sends an event to the input topic of its kind, keyed by its event id. */
  void send(SpecificRecord event) {
    EventKind kind = EventTypes.kindOf(event);
    @SuppressWarnings("unchecked")
    Class<SpecificRecord> type = (Class<SpecificRecord>) EventTypes.recordClass(kind);
    TestInputTopic<String, SpecificRecord> topic =
        driver.createInputTopic(
            config.topics().eventTopic(kind),
            new StringSerializer(),
            AvroSerde.forValue(registry, type).serializer());
    topic.pipeInput(EventTypes.headerOf(event).getEventId(), event);
    settle();
  }

  /** Sends an event without letting the clock run: the tasks hold its sums, not sent yet. */
  void sendUnsent(SpecificRecord event) {
    EventKind kind = EventTypes.kindOf(event);
    @SuppressWarnings("unchecked")
    Class<SpecificRecord> type = (Class<SpecificRecord>) EventTypes.recordClass(kind);
    driver
        .createInputTopic(
            config.topics().eventTopic(kind),
            new StringSerializer(),
            AvroSerde.forValue(registry, type).serializer())
        .pipeInput(EventTypes.headerOf(event).getEventId(), event);
  }

  /**
   * Sends events in order without letting the clock run between them, so the tasks sum them in one
   * interval; then lets it run like {@link #send}.
   */
  void sendAll(List<? extends SpecificRecord> events) {
    for (SpecificRecord event : events) {
      EventKind kind = EventTypes.kindOf(event);
      @SuppressWarnings("unchecked")
      Class<SpecificRecord> type = (Class<SpecificRecord>) EventTypes.recordClass(kind);
      driver
          .createInputTopic(
              config.topics().eventTopic(kind),
              new StringSerializer(),
              AvroSerde.forValue(registry, type).serializer())
          .pipeInput(EventTypes.headerOf(event).getEventId(), event);
    }
    settle();
  }

  /**
   * Lets the wall clock run until the tasks have sent the partial sums of what they read to the
   * tasks that keep the ledgers and activity rows, as they do on a timer.
   */
  private void settle() {
    driver.advanceWallClockTime(MonitorTopology.totalsSentWithin(config));
    // corroborated observations are summed on another task, which sends them a step later
    driver.advanceWallClockTime(MonitorTopology.totalsSentWithin(config));
    // and the cases their alerts changed are written out
    driver.advanceWallClockTime(config.commitInterval());
  }

  /** Writes an operator action to the case-actions topic, keyed by its case. */
  void act(CaseAction action) {
    caseActions.pipeInput(action.getCaseId(), action);
    settle();
  }

  /** Sends raw bytes to the input topic of {@code kind}. */
  void sendRaw(EventKind kind, String key, byte[] value) {
    driver
        .createInputTopic(
            config.topics().eventTopic(kind), new StringSerializer(), new ByteArraySerializer())
        .pipeInput(key, value);
    settle();
  }

  /** Lets the wall clock run, firing the rule re-check and case timer punctuations. */
  void advanceClock(Duration by) {
    driver.advanceWallClockTime(by);
  }

  /** The value of counter {@code name} summed over its tags, 0 if never counted. */
  double count(String name) {
    return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** The value of counter {@code name} with tag {@code tag=value}, 0 if never counted. */
  double count(String name, String tag, String value) {
    var counter = meters.find(name).tag(tag, value).counter();
    return counter == null ? 0 : counter.count();
  }

  List<Alert> alerts() {
    return alerts.readValuesToList();
  }

  /** The alerts raised since the last read by rules of {@code kind}; the others are read too. */
  List<Alert> alerts(RuleKind kind) {
    return alerts().stream().filter(a -> a.getRuleKind() == kind).toList();
  }

  /** The latest state of every case written so far, by case id. */
  Map<String, Case> cases() {
    latestCases.putAll(cases.readKeyValuesToMap());
    return Map.copyOf(latestCases);
  }

  /** The latest state of case {@code caseId}. */
  Case caseOf(String caseId) {
    Case found = cases().get(caseId);
    if (found == null) {
      throw new AssertionError("no case " + caseId + " among " + latestCases.keySet());
    }
    return found;
  }

  /** Every notification raised so far, in order. */
  List<CaseNotification> notifications() {
    allNotifications.addAll(notifications.readValuesToList());
    return List.copyOf(allNotifications);
  }

  /**
   * The size of every record written to a store's changelog since the last call (they are read), by
   * changelog topic: what the broker would have to take at the tasks' commits.
   */
  Map<String, List<Integer>> changelogRecordSizes() {
    Map<String, List<Integer>> sizes = new TreeMap<>();
    for (String topic : driver.producedTopicNames()) {
      if (!topic.endsWith("-changelog")) {
        continue;
      }
      List<Integer> bytes = new ArrayList<>();
      driver
          .createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
          .readValuesToList()
          .forEach(v -> bytes.add(v == null ? 0 : v.length));
      sizes.put(topic, bytes);
    }
    return sizes;
  }

  @Override
  public void close() {
    driver.close();
    InMemorySchemaRegistry.dropScope(scope);
    deleteStateDir();
  }

  private void deleteStateDir() {
    try {
      Utils.delete(stateDir.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createStateDir() {
    try {
      return Files.createTempDirectory("tm-topology-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
