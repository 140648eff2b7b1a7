package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.topology.TopologyNames.ACTIVITY_PARTIALS;
import static io.transfermonitor.streams.topology.TopologyNames.ACTIVITY_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.ALERTS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.CASES_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.CASES_UNPUBLISHED_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.CASE_ACTIONS_BY_CASE;
import static io.transfermonitor.streams.topology.TopologyNames.CASE_TIMERS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.CHPL_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.COMPONENT_ROWS;
import static io.transfermonitor.streams.topology.TopologyNames.COMPONENT_TOTALS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.COUNTED_SPANS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.DELIVERY_ACTIVITY_PARTIALS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.DELIVERY_COUNTED_SPANS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.DELIVERY_LEDGER_PARTIALS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.DESIGNATIONS_RESCREENED_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.DESIGNATIONS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.ENCOUNTER_CELLS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.ENCOUNTER_HELD_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.EVENTS_BY_ID;
import static io.transfermonitor.streams.topology.TopologyNames.EVENTS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.IMO_SIGHTINGS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.LEDGERS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.LEDGER_PARTIALS;
import static io.transfermonitor.streams.topology.TopologyNames.MAKERS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.OBSERVATIONS_BY_VESSEL;
import static io.transfermonitor.streams.topology.TopologyNames.PINGS_BY_CELL;
import static io.transfermonitor.streams.topology.TopologyNames.REPORTING_GAPS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.RULES_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.RULE_RECOUNTS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.SENT_TOTALS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.SIGHTINGS_BY_IMO;
import static io.transfermonitor.streams.topology.TopologyNames.VESSELS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.VESSEL_OBSERVATIONS_STORE;
import static io.transfermonitor.streams.topology.TopologyNames.VESSEL_TRACKS_STORE;

import io.transfermonitor.model.Activity;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.ComponentTotal;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.MakerRecord;
import io.transfermonitor.model.PriorityListEntry;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.VesselActivity;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.model.VesselVoyage;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.streams.activity.ActivityCounter;
import io.transfermonitor.streams.activity.ActivityPartial;
import io.transfermonitor.streams.activity.ActivityTally;
import io.transfermonitor.streams.ais.AisInput;
import io.transfermonitor.streams.ais.AisOutput;
import io.transfermonitor.streams.ais.AisSettings;
import io.transfermonitor.streams.ais.AisStage;
import io.transfermonitor.streams.ais.CellPingSerde;
import io.transfermonitor.streams.ais.EncounterProcessor;
import io.transfermonitor.streams.ais.EncountersSerde;
import io.transfermonitor.streams.ais.HeldChunk;
import io.transfermonitor.streams.ais.ImoCloneProcessor;
import io.transfermonitor.streams.ais.ImoCloneState;
import io.transfermonitor.streams.ais.SightingSerde;
import io.transfermonitor.streams.ais.TickPartitioner;
import io.transfermonitor.streams.ais.TrackProcessor;
import io.transfermonitor.streams.ais.VesselRegisterUpdater;
import io.transfermonitor.streams.ais.VesselTrackSerde;
import io.transfermonitor.streams.alert.AlertComposer;
import io.transfermonitor.streams.alert.AlertMeter;
import io.transfermonitor.streams.alert.BanAlertComposer;
import io.transfermonitor.streams.cases.AlertsByCase;
import io.transfermonitor.streams.cases.CaseActionIntake;
import io.transfermonitor.streams.cases.CaseInput;
import io.transfermonitor.streams.cases.CaseOutcome;
import io.transfermonitor.streams.cases.CaseProcessor;
import io.transfermonitor.streams.cases.CaseRouter;
import io.transfermonitor.streams.cases.Pager;
import io.transfermonitor.streams.components.ComponentCounter;
import io.transfermonitor.streams.components.ComponentRows;
import io.transfermonitor.streams.components.ComponentTally;
import io.transfermonitor.streams.components.MakerResolver;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.corroborate.CorroborationRule;
import io.transfermonitor.streams.corroborate.ObservationBatch;
import io.transfermonitor.streams.corroborate.ObservationBatchSerde;
import io.transfermonitor.streams.corroborate.VesselLog;
import io.transfermonitor.streams.dedupe.EventSources;
import io.transfermonitor.streams.dedupe.ResendFilter;
import io.transfermonitor.streams.dedupe.SeenEventSerde;
import io.transfermonitor.streams.errors.RecordBudget;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.fact.FactSerde;
import io.transfermonitor.streams.gap.GapState;
import io.transfermonitor.streams.gap.GapUpdate;
import io.transfermonitor.streams.gap.ReportingGapProcessor;
import io.transfermonitor.streams.ledger.JsonSerde;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.LedgerBatch;
import io.transfermonitor.streams.ledger.LedgerPartial;
import io.transfermonitor.streams.ledger.LedgerProcessor;
import io.transfermonitor.streams.ledger.LedgerUpdate;
import io.transfermonitor.streams.local.CountedSpans;
import io.transfermonitor.streams.local.DeliveryTotals;
import io.transfermonitor.streams.local.LocalTotals;
import io.transfermonitor.streams.local.PartialTotal;
import io.transfermonitor.streams.local.RecountRequests;
import io.transfermonitor.streams.local.SentUpTo;
import io.transfermonitor.streams.match.BanMatch;
import io.transfermonitor.streams.match.BanMatcher;
import io.transfermonitor.streams.match.RuleChanges;
import io.transfermonitor.streams.match.RuleDecoder;
import io.transfermonitor.streams.match.RuleStoreUpdater;
import io.transfermonitor.streams.match.ScreenMatch;
import io.transfermonitor.streams.match.ScreenRuleMatcher;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import io.transfermonitor.streams.normalize.BarrelConverter;
import io.transfermonitor.streams.normalize.UnitNormalizer;
import io.transfermonitor.streams.reference.ComponentReferences;
import io.transfermonitor.streams.reference.ReferenceChanges;
import io.transfermonitor.streams.reference.ReferenceStoreUpdater;
import io.transfermonitor.streams.screen.DesignationChanges;
import io.transfermonitor.streams.screen.DesignationStoreUpdater;
import io.transfermonitor.streams.screen.ScreeningHit;
import io.transfermonitor.streams.screen.ScreeningProcessor;
import io.transfermonitor.streams.validate.Validated;
import io.transfermonitor.streams.validate.ValidationProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The monitoring topology, built by a pure function of {@link MonitorConfig} and a schema registry.
 * {@link #wire()} reads like the data path; each stage is one method, and stages hand each other
 * typed values.
 *
 * <p>The data path, processor by processor with its stores and internal topics, is drawn once, in
 * {@code streams/README.md} ("Stages"); the methods below come in the order {@code wire()} calls
 * them. Store and internal topic names are in {@link TopologyNames}.
 *
 * <p>Every processor, store and internal topic has a name; store and internal topic names are part
 * of the upgrade contract (a golden test pins {@code describe()}). Undecodable records are routed
 * by the rejected-record handler of the application's streams properties.
 */
public final class MonitorTopology {

  private final StreamsBuilder builder;
  private final MonitorConfig config;
  private final MonitorMetrics metrics;
  private final MonitorTopics topics;
  private final RecordBudget budget;

  /** The activity rows' partial sums go out once per this many commit intervals. */
  private static final int ACTIVITY_SENDS_PER_COMMIT = 10;

  /** The validated component findings, counted last ({@link #countComponents}). */
  private KStream<String, Validated> componentFindings;

  private final Serde<String> keys = Serdes.String();
  private final Serde<Fact> facts = new FactSerde();
  private final DesignationChanges designationChanges = new DesignationChanges();
  private final RuleChanges ruleChanges = new RuleChanges();
  private final ReferenceChanges registerChanges = new ReferenceChanges();
  private final ReferenceChanges priorityListChanges = new ReferenceChanges();
  private final ReferenceChanges makerChanges = new ReferenceChanges();

  private MonitorTopology(
      MonitorConfig config,
      SchemaRegistryClient registry,
      MonitorMetrics metrics,
      RecordBudget budget) {
    this.config = config;
    this.metrics = metrics;
    this.budget = budget;
    this.topics = new MonitorTopics(config.topics(), registry);
    this.builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(builderSettings())));
  }

  /**
   * The optimizations the topology is built with: a source table's store (the alerts read back)
   * restores from its source topic instead of a changelog of its own. The application sets the same
   * ({@code StreamsProperties}).
   */
  private static Properties optimizations() {
    Properties props = new Properties();
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
    return props;
  }

  /**
   * What the builder validates its own config with. Without it, {@code new StreamsBuilder()} builds
   * a placeholder config that warns the global thread's processing exception handler is off; the
   * application does enable it ({@code StreamsProperties}). No connection is made.
   */
  private Map<String, Object> builderSettings() {
    return Map.of(
        StreamsConfig.APPLICATION_ID_CONFIG,
        config.applicationId(),
        StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
        "builder-only:9092",
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG,
        true,
        StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG,
        StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
  }

  public static Topology build(MonitorConfig config, SchemaRegistryClient registry) {
    return build(config, registry, MonitorMetrics.inMemory());
  }

  public static Topology build(
      MonitorConfig config, SchemaRegistryClient registry, MonitorMetrics metrics) {
    return build(config, registry, metrics, RecordBudget.DEFAULT);
  }

  /**
   * The topology writing no record over {@code budget}: one that would be is set aside on the
   * rejected topic by the production exception handler (the application's {@link RecordBudget} is
   * the producer's {@code max.request.size} less headroom).
   */
  public static Topology build(
      MonitorConfig config,
      SchemaRegistryClient registry,
      MonitorMetrics metrics,
      RecordBudget budget) {
    return new MonitorTopology(config, registry, metrics, budget).wire();
  }

  private Topology wire() {
    holdRules();
    KStream<String, Validated> validated = validate();
    writeRejected(validated);
    KStream<String, Fact> fresh = dropResends(normalizeUnits(byEventId(validated)));
    raiseAlerts(banAlerts(matchBans(fresh)), "ban");
    KStream<String, PartialTotal> partials = sumLocally(fresh);
    KStream<String, LedgerUpdate> ledgers = countInLedgers(partials);
    writeCapUsage(ledgers);
    KStream<String, GapUpdate> gaps = compareReportedAndObserved(ledgers);
    writeReportingGaps(gaps);
    raiseAlerts(levelAlerts(ledgers), "level");
    raiseAlerts(screenAlerts(matchScreenRules(screenParties(fresh))), "screen");
    raiseAlerts(gapAlerts(gaps), "gap");
    KStream<String, CaseOutcome> cases =
        trackCases(actionsToCases().merge(alertsToCases(), Named.as("merge-alerts")));
    writeCases(cases);
    holdDesignations();
    writeActivity(countActivity(partials));
    if (config.ais().enabled()) {
      holdVesselRegister();
      writeAisFindings(findEncounters(trackVessels()));
    }
    // last: its repartition makes a sub-topology of its own, numbered after the others, so the
    // task ids of the sub-topologies that were there before it stay what they were
    writeComponents(countComponents(componentFindings));
    // after every other sub-topology, so their numbers (and task ids) stay what they were
    holdRecountRequests();
    // global stores are sub-topologies too, numbered in the order they are added: after all
    holdComponentReferences();
    return builder.build(optimizations());
  }

  /**
   * The reference data of component findings: the priority list ({@code chpl load}) and the makers
   * table ({@code makers load}), each a global store fed by its compacted topic, so every task sees
   * all of it ({@link ComponentReferences}).
   */
  private void holdComponentReferences() {
    Topic<String, PriorityListEntry> chpl = topics.chpl();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CHPL_STORE), keys, chpl.valueSerde())
            .withLoggingDisabled(),
        chpl.name(),
        chpl.consumed("read-chpl"),
        () -> new ReferenceStoreUpdater<PriorityListEntry>(CHPL_STORE, priorityListChanges));
    Topic<String, MakerRecord> makers = topics.makers();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MAKERS_STORE), keys, makers.valueSerde())
            .withLoggingDisabled(),
        makers.name(),
        makers.consumed("read-makers"),
        () -> new ReferenceStoreUpdater<MakerRecord>(MAKERS_STORE, makerChanges));
  }

  /** A processor's own view of the component reference data (each task keeps its own). */
  private ComponentReferences componentReferences() {
    return new ComponentReferences(CHPL_STORE, priorityListChanges, MAKERS_STORE, makerChanges);
  }

  /** Rules: a global store fed by the compacted rules topic, so every task sees every rule. */
  private void holdRules() {
    Topic<String, Rule> rules = topics.rules();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RULES_STORE),
                keys,
                RuleDecoder.storeSerde(rules.valueSerde()))
            .withLoggingDisabled(),
        rules.name(),
        rules.consumed("read-rules"),
        () -> new RuleStoreUpdater(RULES_STORE, ruleChanges, metrics));
  }

  /**
   * Recount requests: a global store fed by the compacted recounts topic, so every task that reads
   * events sees every request (stage 4a carries them out, {@link LocalTotals}).
   */
  private void holdRecountRequests() {
    Topic<String, RuleRecount> recounts = topics.ruleRecounts();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RULE_RECOUNTS_STORE), keys, recounts.valueSerde())
            .withLoggingDisabled(),
        recounts.name(),
        recounts.consumed("read-recount-requests"),
        () -> new RecountRequests(RULE_RECOUNTS_STORE));
  }

  /** Stage 1: every event topic, checked; one stream of accepted facts and rejected events. */
  private KStream<String, Validated> validate() {
    EventValidator validator =
        new EventValidator(config.knownProducts(), config.validationLimits());
    KStream<String, Validated> all = null;
    for (EventKind kind : EventKind.values()) {
      KStream<String, Validated> one = validate(kind, topics.events(kind), validator);
      if (kind == EventKind.COMPONENT_FINDING) {
        componentFindings = one;
      }
      all = all == null ? one : all.merge(one, Named.as("merge-" + Topics.slug(kind)));
    }
    return all;
  }

  private <T extends SpecificRecord> KStream<String, Validated> validate(
      EventKind kind, Topic<String, T> topic, EventValidator validator) {
    String slug = Topics.slug(kind);
    return builder.stream(topic.name(), topic.consumedAsBytes("read-" + slug))
        .process(
            () ->
                new ValidationProcessor<>(
                    kind,
                    validator,
                    topic.keySerde().deserializer(),
                    topic.valueSerde().deserializer(),
                    metrics),
            Named.as("validate-" + slug));
  }

  /**
   * Components found in weapons, added up per maker, maker's country, year made and weapon type:
   * the accepted findings, straight from their own topic's validation (no other kind of event comes
   * this way), filed under their maker and country as the makers table has them, through the {@code
   * component-rows} repartition (key = row), counted once per event id in the {@code
   * component-totals} store.
   */
  private KStream<String, ComponentTotal> countComponents(KStream<String, Validated> findings) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(COMPONENT_TOTALS_STORE),
                keys,
                new JsonSerde<>(ComponentTally.class))
            .withCachingEnabled());
    return findings
        .flatMapValues(Validated::acceptedFacts, Named.as("as-component-finding"))
        .processValues(
            () -> new MakerResolver(componentReferences()), Named.as("resolve-component-makers"))
        .flatMap((id, fact) -> ComponentRows.of(fact), Named.as("as-component-rows"))
        .repartition(
            Repartitioned.<String, Fact>as(COMPONENT_ROWS)
                .withKeySerde(keys)
                .withValueSerde(budget.guard(facts)))
        .process(
            () -> new ComponentCounter(COMPONENT_TOTALS_STORE, componentReferences()),
            Named.as("count-components"),
            COMPONENT_TOTALS_STORE);
  }

  private void writeComponents(KStream<String, ComponentTotal> totals) {
    totals.to(topics.components().name(), written(topics.components(), "write-components"));
  }

  private void writeRejected(KStream<String, Validated> validated) {
    validated
        .flatMapValues(Validated::rejectedEvents, Named.as("as-rejected-event"))
        .to(topics.rejected().name(), written(topics.rejected(), "write-rejected"));
  }

  /**
   * Accepted facts on the partition of their event id: as read when the producer keyed them by it
   * (no repartition), else through the {@value #EVENTS_BY_ID} repartition topic.
   */
  private KStream<String, Fact> byEventId(KStream<String, Validated> validated) {
    Map<String, KStream<String, Validated>> byKey =
        validated
            .split(Named.as("split-by-key"))
            .branch((id, v) -> v.keyedOtherwise(), Branched.as("-otherwise"))
            .defaultBranch(Branched.as("-event-id"));
    KStream<String, Fact> rekeyed =
        byKey
            .get("split-by-key-otherwise")
            .flatMapValues(Validated::acceptedFacts, Named.as("as-rekeyed-fact"))
            .repartition(
                Repartitioned.<String, Fact>as(EVENTS_BY_ID)
                    .withKeySerde(keys)
                    .withValueSerde(budget.guard(facts)));
    return byKey
        .get("split-by-key-event-id")
        .flatMapValues(Validated::acceptedFacts, Named.as("as-fact"))
        .merge(rekeyed, Named.as("merge-rekeyed"));
  }

  /** Stage 3: petroleum quantities in barrels. */
  private KStream<String, Fact> normalizeUnits(KStream<String, Fact> fresh) {
    BarrelConverter converter =
        new BarrelConverter(config.barrelsPerTon(), config.barrelsPerKilolitre());
    return fresh.mapValues(new UnitNormalizer(converter), Named.as("normalize-units"));
  }

  /** Stage 2: each event id once within the retention, remembered in the events store. */
  private KStream<String, Fact> dropResends(KStream<String, Fact> facts) {
    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                EVENTS_STORE, eventsRetention(), Duration.ofMillis(1), false),
            keys,
            budget.guardStore(new SeenEventSerde())));
    return facts.process(
        () -> new ResendFilter(EVENTS_STORE, config.dedupRetention(), eventSources(), metrics),
        Named.as("drop-resends"),
        EVENTS_STORE);
  }

  /** Entries serve the re-send check and the screening look-back: kept for the longer. */
  private Duration eventsRetention() {
    Duration dedup = config.dedupRetention();
    Duration lookBack = config.screeningLookBack();
    return dedup.compareTo(lookBack) >= 0 ? dedup : lookBack;
  }

  private EventSources eventSources() {
    List<String> inputs = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      inputs.add(topics.events(kind).name());
    }
    inputs.add(EVENTS_BY_ID + "-repartition");
    return new EventSources(inputs);
  }

  /** Stage 4, bans: every BAN rule each fact breaks. */
  private KStream<String, BanMatch> matchBans(KStream<String, Fact> facts) {
    return facts.process(() -> new BanMatcher(RULES_STORE, ruleChanges), Named.as("match-bans"));
  }

  /** Stage 6, alerts for bans, keyed by alert id. */
  private KStream<String, Alert> banAlerts(KStream<String, BanMatch> bans) {
    return bans.process(
        () -> new BanAlertComposer(componentReferences()), Named.as("compose-ban-alerts"));
  }

  /**
   * Stage 6, an alert raised: filed under its case id ({@link CaseRouter}), counted and written to
   * the alert topic by the task that raised it, on its case's partition ({@link AlertsByCase}); so
   * it is visible to ops when this task commits, and the case stage reads it from there. {@code
   * origin} names the nodes ({@code key-<origin>-alerts-by-case}, {@code write-<origin>-alerts}).
   */
  private void raiseAlerts(KStream<String, Alert> alerts, String origin) {
    alerts
        .process(
            () -> new CaseRouter(RULES_STORE, ruleChanges),
            Named.as("key-" + origin + "-alerts-by-case"))
        .process(() -> new AlertMeter(metrics), Named.as("count-" + origin + "-alerts"))
        .selectKey(
            (caseId, alert) -> alert.getAlertId(), Named.as("key-" + origin + "-alerts-by-id"))
        .to(
            topics.alerts().name(),
            written(topics.alerts(), "write-" + origin + "-alerts")
                .withStreamPartitioner(new AlertsByCase()));
  }

  /**
   * Stages 3b and 4a, the partial sums: every fact is summed where it was read ({@link
   * LocalTotals}); OBSERVED tanker deliveries with an IMO number are sent from there, in batches
   * per bucket of vessels, to meet the other observations of their vessel and count once per
   * delivery ({@link DeliveryTotals} sums what they change). Both send their partial sums per rule
   * and per activity row, once per interval.
   */
  private KStream<String, PartialTotal> sumLocally(KStream<String, Fact> facts) {
    CorroborationRule rule = config.corroborationRule();
    builder.addStateStore(VesselLog.storeBuilder(VESSEL_OBSERVATIONS_STORE, budget::guardStore));
    builder.addStateStore(cached(DELIVERY_LEDGER_PARTIALS_STORE, LedgerPartial.class));
    builder.addStateStore(cached(DELIVERY_ACTIVITY_PARTIALS_STORE, ActivityPartial.class));
    builder.addStateStore(cached(SENT_TOTALS_STORE, SentUpTo.class));
    builder.addStateStore(cached(COUNTED_SPANS_STORE, CountedSpans.class));
    builder.addStateStore(cached(DELIVERY_COUNTED_SPANS_STORE, CountedSpans.class));
    KStream<String, PartialTotal> local =
        facts.process(
            () ->
                new LocalTotals(
                    RULES_STORE,
                    ruleChanges,
                    EVENTS_STORE,
                    eventSources(),
                    SENT_TOTALS_STORE,
                    COUNTED_SPANS_STORE,
                    RULE_RECOUNTS_STORE,
                    rule::applies,
                    ledgerSendInterval(),
                    activitySendInterval()),
            Named.as("sum-locally"),
            EVENTS_STORE,
            SENT_TOTALS_STORE,
            COUNTED_SPANS_STORE);
    KStream<String, PartialTotal> deliveries =
        local
            .flatMapValues(PartialTotal::observationBatches, Named.as("as-observation-batch"))
            .repartition(
                Repartitioned.<String, ObservationBatch>as(OBSERVATIONS_BY_VESSEL)
                    .withKeySerde(keys)
                    .withValueSerde(budget.guard(new ObservationBatchSerde()))
                    .withStreamPartitioner(new ByBucket()))
            .process(
                () ->
                    new DeliveryTotals(
                        RULES_STORE,
                        ruleChanges,
                        VESSEL_OBSERVATIONS_STORE,
                        rule,
                        config.dedupRetention(),
                        DELIVERY_LEDGER_PARTIALS_STORE,
                        DELIVERY_ACTIVITY_PARTIALS_STORE,
                        DELIVERY_COUNTED_SPANS_STORE,
                        RULE_RECOUNTS_STORE,
                        ledgerSendInterval(),
                        activitySendInterval()),
                Named.as("corroborate-and-sum-deliveries"),
                VESSEL_OBSERVATIONS_STORE,
                DELIVERY_LEDGER_PARTIALS_STORE,
                DELIVERY_ACTIVITY_PARTIALS_STORE,
                DELIVERY_COUNTED_SPANS_STORE);
    KStream<String, PartialTotal> partials = local.merge(deliveries, Named.as("merge-partials"));
    // both write a report per recount request: of the events read, and of the observations
    partials
        .flatMapValues(PartialTotal::recountReports, Named.as("as-recount-report"))
        .to(topics.ruleRecounts().name(), written(topics.ruleRecounts(), "write-recount-reports"));
    return partials;
  }

  /**
   * Puts a batch of observations on the partition of its bucket, so each vessel's observations
   * reach one task whatever the number of partitions.
   */
  private static final class ByBucket implements StreamPartitioner<String, ObservationBatch> {

    @Override
    public Optional<Set<Integer>> partitions(
        String topic, String bucket, ObservationBatch batch, Headers headers, int partitions) {
      return Optional.of(Set.of(Integer.parseInt(bucket) % partitions));
    }

    @Override
    @SuppressWarnings("removal")
    public Optional<Set<Integer>> partitions(
        String topic, String bucket, ObservationBatch batch, int partitions) {
      return partitions(topic, bucket, batch, new RecordHeaders(), partitions);
    }
  }

  /** The ledgers' partial sums go out once per commit interval: the caps' levels wait no longer. */
  private Duration ledgerSendInterval() {
    return config.commitInterval();
  }

  /**
   * The activity rows' go out every ten commit intervals (a second by default): enough for a weekly
   * chart, and each row changes once a second at most on the tasks that keep them.
   */
  private Duration activitySendInterval() {
    return totalsSentWithin(config);
  }

  /** How long after a fact is read every partial sum it is in has been sent, at the latest. */
  public static Duration totalsSentWithin(MonitorConfig config) {
    return config.commitInterval().multipliedBy(ACTIVITY_SENDS_PER_COMMIT);
  }

  private <V> StoreBuilder<KeyValueStore<String, V>> cached(String name, Class<V> type) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), keys, budget.guardStore(new JsonSerde<>(type)))
        .withCachingEnabled();
  }

  /** Stage 5: ledgers per rule, period and basis, adding the tasks' partial sums; levels out. */
  private KStream<String, LedgerUpdate> countInLedgers(KStream<String, PartialTotal> partials) {
    // cached, like every store whose keys many events update (ledgers, gaps, activity rows,
    // vessels): a key updated many times within a commit writes its changelog once per commit
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LEDGERS_STORE),
                keys,
                budget.guardStore(new JsonSerde<>(Ledger.class)))
            .withCachingEnabled());
    return partials
        .flatMapValues(PartialTotal::ledgerBatches, Named.as("as-ledger-batch"))
        .repartition(
            Repartitioned.<String, LedgerBatch>as(LEDGER_PARTIALS)
                .withKeySerde(keys)
                .withValueSerde(budget.guard(new JsonSerde<>(LedgerBatch.class))))
        .process(
            () -> new LedgerProcessor(LEDGERS_STORE, RULES_STORE, config.ruleRecheckInterval()),
            Named.as("count-in-ledgers"),
            LEDGERS_STORE);
  }

  private void writeCapUsage(KStream<String, LedgerUpdate> ledgers) {
    ledgers
        .flatMapValues(LedgerUpdate::usages, Named.as("as-cap-usage"))
        .to(topics.capUsage().name(), written(topics.capUsage(), "write-cap-usage"));
  }

  /** Stage 5b: each cap's REPORTED and OBSERVED totals compared, in total and per state. */
  private KStream<String, GapUpdate> compareReportedAndObserved(
      KStream<String, LedgerUpdate> ledgers) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REPORTING_GAPS_STORE),
                keys,
                budget.guardStore(new JsonSerde<>(GapState.class)))
            .withCachingEnabled());
    return ledgers.process(
        () ->
            new ReportingGapProcessor(
                REPORTING_GAPS_STORE, LEDGERS_STORE, RULES_STORE, config.ruleRecheckInterval()),
        Named.as("compare-reported-observed"),
        REPORTING_GAPS_STORE,
        LEDGERS_STORE);
  }

  private void writeReportingGaps(KStream<String, GapUpdate> gaps) {
    gaps.flatMapValues(GapUpdate::gaps, Named.as("as-reporting-gap"))
        .to(topics.reportingGaps().name(), written(topics.reportingGaps(), "write-reporting-gaps"));
  }

  /** Stage 6, alerts for levels reached, keyed by alert id. */
  private KStream<String, Alert> levelAlerts(KStream<String, LedgerUpdate> ledgers) {
    return ledgers
        .flatMapValues(LedgerUpdate::levelsReached, Named.as("as-level-reached"))
        .map(
            (ledger, reached) -> byId(AlertComposer.levelReached(reached)),
            Named.as("compose-level-alerts"));
  }

  /** Screening: every party of every event against the designations; past events rescreened. */
  private KStream<String, ScreeningHit> screenParties(KStream<String, Fact> facts) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DESIGNATIONS_RESCREENED_STORE),
                keys,
                budget.guardStore(Serdes.Long()))
            .withCachingEnabled());
    return facts.process(
        () ->
            new ScreeningProcessor(
                DESIGNATIONS_STORE,
                EVENTS_STORE,
                DESIGNATIONS_RESCREENED_STORE,
                designationChanges,
                config.screening(),
                metrics),
        Named.as("screen-parties"),
        EVENTS_STORE,
        DESIGNATIONS_RESCREENED_STORE);
  }

  /** Stage 4, screening: each hit once per SCREEN rule that covers its designation's list. */
  private KStream<String, ScreenMatch> matchScreenRules(KStream<String, ScreeningHit> hits) {
    return hits.process(
        () -> new ScreenRuleMatcher(RULES_STORE, ruleChanges), Named.as("match-screen-rules"));
  }

  /** Stage 6, alerts for designated parties, keyed by alert id. */
  private KStream<String, Alert> screenAlerts(KStream<String, ScreenMatch> matches) {
    return matches.map(
        (eventId, match) -> byId(AlertComposer.screened(match)), Named.as("compose-screen-alerts"));
  }

  /** Stage 6, alerts for reporting gaps, keyed by alert id. */
  private KStream<String, Alert> gapAlerts(KStream<String, GapUpdate> gaps) {
    return gaps.flatMapValues(GapUpdate::levelsReached, Named.as("as-gap-reached"))
        .map(
            (gap, reached) -> byId(AlertComposer.gapReached(reached)),
            Named.as("compose-gap-alerts"));
  }

  /**
   * Stage 7, operator actions keyed by the case they name, their free text within the limits a case
   * keeps ({@link CaseActionIntake}), repartitioned like the alerts.
   */
  private KStream<String, CaseInput> actionsToCases() {
    Topic<String, CaseAction> actions = topics.caseActions();
    return builder.stream(actions.name(), actions.consumed("read-case-actions"))
        .process(CaseActionIntake::new, Named.as("key-case-actions-by-case"))
        .repartition(byCaseId(CASE_ACTIONS_BY_CASE, actions))
        .mapValues(CaseInput::taken, Named.as("as-action-taken"));
  }

  /**
   * Stage 7, the alerts as written, read back on the partitions of their cases: held in the {@value
   * #ALERTS_STORE} store for the dashboard (restored from the alert topic itself, no changelog),
   * and filed in their cases.
   */
  private KStream<String, CaseInput> alertsToCases() {
    Topic<String, Alert> alerts = topics.alerts();
    return builder
        .table(
            alerts.name(),
            alerts.consumed("read-alerts"),
            Materialized.<String, Alert, KeyValueStore<Bytes, byte[]>>as(ALERTS_STORE)
                .withKeySerde(alerts.keySerde())
                .withValueSerde(alerts.valueSerde())
                .withCachingDisabled())
        .toStream(Named.as("alerts-to-cases"))
        .process(() -> new CaseRouter(RULES_STORE, ruleChanges), Named.as("key-alerts-by-case"))
        .mapValues(CaseInput::raised, Named.as("as-alert-raised"));
  }

  /**
   * One case's alerts and actions must meet in one task: the alerts are on the partition of their
   * case id in the alert topic ({@link AlertsByCase}), so the actions' repartition topic gets the
   * alert topic's partition count ({@code casePartitions}, which the application reads from the
   * cluster) and the same default partitioner on the same string key.
   */
  private <V> Repartitioned<String, V> byCaseId(String name, Topic<String, V> carried) {
    return Repartitioned.<String, V>as(name)
        .withKeySerde(keys)
        .withValueSerde(budget.guard(carried.valueSerdeAsOnThisTopic()))
        .withNumberOfPartitions(config.casePartitions());
  }

  /** Stage 7: alerts filed in cases, actions applied, notifications raised. */
  private KStream<String, CaseOutcome> trackCases(KStream<String, CaseInput> inputs) {
    // cached: a case that takes many alerts within a commit writes its changelog once per commit
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CASES_STORE),
                keys,
                budget.guardStore(topics.cases().valueSerdeAsOnThisTopic()))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CASE_TIMERS_STORE),
                keys,
                budget.guardStore(Serdes.Long()))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CASES_UNPUBLISHED_STORE),
                keys,
                budget.guardStore(Serdes.Long()))
            .withCachingEnabled());
    Pager pager = new Pager(config.caseQuietInterval());
    Topic<String, CaseAction> actionTopic = topics.caseActions();
    return inputs.process(
        () ->
            new CaseProcessor(
                CASES_STORE,
                CASE_TIMERS_STORE,
                CASES_UNPUBLISHED_STORE,
                config.commitInterval(),
                RULES_STORE,
                pager,
                actionTopic.name(),
                actionTopic.valueSerde().serializer(),
                metrics),
        Named.as("track-cases"),
        CASES_STORE,
        CASE_TIMERS_STORE,
        CASES_UNPUBLISHED_STORE);
  }

  /**
   * Cases (compacted), every step of their history (the audit trail), notifications, and refused
   * actions with the rejected records.
   */
  private void writeCases(KStream<String, CaseOutcome> cases) {
    cases
        .flatMapValues(CaseOutcome::cases, Named.as("as-case"))
        .to(topics.cases().name(), written(topics.cases(), "write-cases"));
    cases
        .flatMapValues(CaseOutcome::steps, Named.as("as-case-step"))
        .to(topics.casesAudit().name(), topics.casesAudit().produced("write-case-steps"));
    cases
        .flatMapValues(CaseOutcome::notifications, Named.as("as-notification"))
        .peek((caseId, notice) -> metrics.notification(notice), Named.as("count-notifications"))
        .to(topics.notifications().name(), written(topics.notifications(), "write-notifications"));
    cases
        .flatMapValues(CaseOutcome::refusals, Named.as("as-refused-action"))
        .to(topics.rejected().name(), written(topics.rejected(), "write-refused-actions"));
  }

  /** Designations: a global store fed by the compacted designations topic, for every task. */
  private void holdDesignations() {
    Topic<String, Designation> designations = topics.designations();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DESIGNATIONS_STORE), keys, designations.valueSerde())
            .withLoggingDisabled(),
        designations.name(),
        designations.consumed("read-designations"),
        () -> new DesignationStoreUpdater(DESIGNATIONS_STORE, designationChanges));
  }

  /** Stage 8: activity rows for dashboards, each kept by one task, adding the partial sums. */
  private KStream<String, Activity> countActivity(KStream<String, PartialTotal> partials) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ACTIVITY_STORE),
                keys,
                budget.guardStore(new JsonSerde<>(ActivityTally.class)))
            .withCachingEnabled());
    return partials
        .flatMapValues(PartialTotal::activityPartials, Named.as("as-activity-partial"))
        .repartition(
            Repartitioned.<String, ActivityPartial>as(ACTIVITY_PARTIALS)
                .withKeySerde(keys)
                .withValueSerde(budget.guard(new JsonSerde<>(ActivityPartial.class))))
        .process(
            () -> new ActivityCounter(ACTIVITY_STORE), Named.as("count-activity"), ACTIVITY_STORE);
  }

  private void writeActivity(KStream<String, Activity> activity) {
    activity.to(topics.activity().name(), written(topics.activity(), "write-activity"));
  }

  /** The vessel register: a global store fed by the compacted register topic. */
  private void holdVesselRegister() {
    Topic<String, VesselRecord> vessels = topics.vessels();
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(VESSELS_STORE), keys, vessels.valueSerde())
            .withLoggingDisabled(),
        vessels.name(),
        vessels.consumed("read-vessel-register"),
        () -> new VesselRegisterUpdater(VESSELS_STORE, registerChanges));
  }

  /**
   * AIS, the track stage: positions and voyage data of one vessel in one task (both keyed by MMSI),
   * its track in the {@value #VESSEL_TRACKS_STORE} store; out, findings with their events, and the
   * positions the encounter search needs, keyed by cell.
   */
  private KStream<String, AisOutput> trackVessels() {
    Topic<String, VesselPosition> positions = topics.aisPositions();
    Topic<String, VesselVoyage> voyages = topics.aisVoyages();
    AisSettings ais = config.ais();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(VESSEL_TRACKS_STORE),
                keys,
                budget.guardStore(new VesselTrackSerde(ais.detectors())))
            .withCachingEnabled());
    KStream<String, AisInput> in =
        builder.stream(positions.name(), positions.consumed("read-ais-positions"))
            .mapValues(AisInput::position, Named.as("as-track-position"))
            .merge(
                builder.stream(voyages.name(), voyages.consumed("read-ais-voyages"))
                    .mapValues(AisInput::voyage, Named.as("as-track-voyage")),
                Named.as("merge-ais"));
    return in.process(
        () -> new TrackProcessor(VESSEL_TRACKS_STORE, aisStage()),
        Named.as("track-vessels"),
        VESSEL_TRACKS_STORE);
  }

  /** What the AIS processors share: the global stores they read, the settings, the metrics. */
  private AisStage aisStage() {
    return new AisStage(
        VESSELS_STORE,
        DESIGNATIONS_STORE,
        config.ais(),
        registerChanges,
        designationChanges,
        metrics);
  }

  /**
   * AIS, the encounter search: the slow positions away from ports, through the {@value
   * #PINGS_BY_CELL} repartition (key = cell: pairs are found among neighbours, never on one
   * constant key), each cell's contacts in the {@value #ENCOUNTER_CELLS_STORE} store. Out, the
   * track stage's findings and the encounters.
   */
  private KStream<String, AisOutput> findEncounters(KStream<String, AisOutput> tracked) {
    AisSettings ais = config.ais();
    Map<String, KStream<String, AisOutput>> split =
        tracked
            .split(Named.as("split-ais"))
            .branch(
                (k, v) -> v instanceof AisOutput.CellPing || v instanceof AisOutput.Tick,
                Branched.as("-cell-pings"))
            .branch((k, v) -> v instanceof AisOutput.Sighting, Branched.as("-imo-sightings"))
            .defaultBranch(Branched.as("-findings"));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ENCOUNTER_CELLS_STORE),
                keys,
                budget.guardStore(new EncountersSerde(ais.cells(), ais.encounters())))
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                // in memory (its changelog keeps it): chunks of held pings and the mark of what
                // has been paired, a few entries written once per commit (EncounterProcessor)
                Stores.inMemoryKeyValueStore(ENCOUNTER_HELD_STORE),
                keys,
                budget.guardStore(new HeldChunk.Form()))
            .withCachingEnabled());
    KStream<String, AisOutput> encounters =
        split
            .get("split-ais-cell-pings")
            .repartition(
                Repartitioned.<String, AisOutput>as(PINGS_BY_CELL)
                    .withKeySerde(keys)
                    .withValueSerde(budget.guard(new CellPingSerde()))
                    .withStreamPartitioner(new TickPartitioner()))
            .process(
                () ->
                    new EncounterProcessor(ENCOUNTER_CELLS_STORE, ENCOUNTER_HELD_STORE, aisStage()),
                Named.as("find-encounters"),
                ENCOUNTER_CELLS_STORE,
                ENCOUNTER_HELD_STORE);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IMO_SIGHTINGS_STORE),
                keys,
                budget.guardStore(new ImoCloneState.Form()))
            .withCachingEnabled());
    KStream<String, AisOutput> clones =
        split
            .get("split-ais-imo-sightings")
            .repartition(
                Repartitioned.<String, AisOutput>as(SIGHTINGS_BY_IMO)
                    .withKeySerde(keys)
                    .withValueSerde(budget.guard(new SightingSerde())))
            .process(
                () -> new ImoCloneProcessor(IMO_SIGHTINGS_STORE, aisStage()),
                Named.as("find-imo-clones"),
                IMO_SIGHTINGS_STORE);
    return split
        .get("split-ais-findings")
        .merge(encounters, Named.as("merge-ais-findings"))
        .merge(clones, Named.as("merge-ais-clones"));
  }

  /**
   * AIS out: every finding to {@code tm.ais.findings} (key = finding id), and the events a rule is
   * about to their event topics (key = event id), read back there like any other event.
   */
  @SuppressWarnings("unchecked")
  private void writeAisFindings(KStream<String, AisOutput> found) {
    Topic<String, VesselFinding> findings = topics.aisFindings();
    found
        .flatMap(
            (k, v) ->
                v instanceof AisOutput.Found f
                    ? List.of(KeyValue.pair(f.made().finding().getFindingId(), f.made().finding()))
                    : List.<KeyValue<String, VesselFinding>>of(),
            Named.as("as-vessel-finding"))
        .to(findings.name(), written(findings, "write-ais-findings"));
    KStream<String, SpecificRecord> events =
        found.flatMap(
            (k, v) -> {
              if (v instanceof AisOutput.Found f && f.made().event().isPresent()) {
                return List.of(
                    KeyValue.pair(f.made().finding().getEventId(), f.made().event().get()));
              }
              if (v instanceof AisOutput.Event e) {
                return List.of(KeyValue.pair(e.eventId(), e.event()));
              }
              return List.<KeyValue<String, SpecificRecord>>of();
            },
            Named.as("as-ais-event"));
    Topic<String, TankerDelivery> tankers =
        (Topic<String, TankerDelivery>) topics.events(EventKind.TANKER_DELIVERY);
    Topic<String, VesselActivity> activities =
        (Topic<String, VesselActivity>) topics.events(EventKind.VESSEL_ACTIVITY);
    events
        .filter((k, v) -> v instanceof TankerDelivery, Named.as("ais-tanker-deliveries"))
        .mapValues(v -> (TankerDelivery) v, Named.as("as-ais-tanker-delivery"))
        .to(tankers.name(), written(tankers, "write-ais-tanker-deliveries"));
    events
        .filter((k, v) -> v instanceof VesselActivity, Named.as("ais-vessel-activities"))
        .mapValues(v -> (VesselActivity) v, Named.as("as-ais-vessel-activity"))
        .to(activities.name(), written(activities, "write-ais-vessel-activities"));
  }

  /**
   * How a sink node named {@code processorName} writes {@code topic}: a record over the budget is
   * refused by its serializer and set aside rather than failing the transaction.
   */
  private <V> Produced<String, V> written(Topic<String, V> topic, String processorName) {
    return Produced.with(topic.keySerde(), budget.guard(topic.valueSerde()))
        .withName(processorName);
  }

  private static KeyValue<String, Alert> byId(Alert alert) {
    return KeyValue.pair(alert.getAlertId(), alert);
  }
}
