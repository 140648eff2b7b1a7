package io.transfermonitor.streams;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.ledger.LedgerProcessor;
import io.transfermonitor.streams.rules.BanAlertProcessor;
import io.transfermonitor.streams.rules.LedgerRouter;
import io.transfermonitor.streams.rules.RuleStoreUpdater;
import io.transfermonitor.streams.validation.ValidationProcessor;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The monitoring topology, built by a pure function of {@link MonitorConfig} and a schema registry.
 *
 * <pre>
 * tm.events.&lt;kind&gt; (6) -> validate-&lt;kind&gt; -> [rejected] -> tm.events.rejected
 *                                    -> [facts] -> facts-by-event-id (repartition, key event id)
 *   -> drop-resends (store event-ids) -> normalize-units
 *   -> raise-ban-alerts -> tm.alerts
 *   -> route-to-ledgers -> facts-by-rule (repartition, key rule id)
 *      -> count-in-ledgers (store ledgers) -> [alerts] -> tm.alerts
 *                                          -> [usage]  -> tm.aggregates.cap-usage
 * tm.reference.rules -> global store rules (read by every processor above)
 * </pre>
 *
 * Every processor, store and internal topic has a name; undecodable records are routed by {@link
 * io.transfermonitor.streams.errors.RejectedRecordHandler}.
 */
public final class MonitorTopology {

  /** Global store of the rules, key = rule id. */
  public static final String RULES_STORE = "rules";

  /** Event ids seen within the retention, key = event id. */
  public static final String EVENT_IDS_STORE = "event-ids";

  /** Ledgers, key = ruleId/periodStart/basis. */
  public static final String LEDGERS_STORE = "ledgers";

  /** Repartition by event id, before the re-send check. */
  public static final String FACTS_BY_EVENT_ID = "facts-by-event-id";

  /** Repartition by rule id, before the ledgers. */
  public static final String FACTS_BY_RULE = "facts-by-rule";

  private MonitorTopology() {}

  public static Topology build(MonitorConfig config, SchemaRegistryClient registry) {
    return build(config, registry, MonitorMetrics.inMemory());
  }

  public static Topology build(
      MonitorConfig config, SchemaRegistryClient registry, MonitorMetrics metrics) {
    Topics topics = config.topics();
    StreamsBuilder builder = new StreamsBuilder();
    Serde<String> keys = Serdes.String();
    Serde<Fact> facts = new JsonSerde<>(Fact.class);

    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(RULES_STORE),
                keys,
                AvroSerde.forValue(registry, Rule.class))
            .withLoggingDisabled(),
        topics.rules(),
        Consumed.with(keys, AvroSerde.forValue(registry, Rule.class)).withName("read-rules"),
        () -> new RuleStoreUpdater(RULES_STORE));

    EventValidator validator = new EventValidator(config.knownProducts(), config.maxFutureSkew());
    KStream<String, Object> checked = null;
    for (EventKind kind : EventKind.values()) {
      KStream<String, Object> one =
          validate(
              builder, topics, kind, EventTypes.recordClass(kind), validator, registry, metrics);
      checked = checked == null ? one : checked.merge(one, Named.as("merge-" + Topics.slug(kind)));
    }

    Map<String, KStream<String, Object>> outcome =
        checked
            .split(Named.as("validated-"))
            .branch((id, value) -> value instanceof Fact, Branched.as("facts"))
            .defaultBranch(Branched.as("rejected"));
    outcome
        .get("validated-rejected")
        .mapValues(value -> (RejectedEvent) value, Named.as("as-rejected-event"))
        .to(
            topics.rejected(),
            Produced.with(keys, AvroSerde.forValue(registry, RejectedEvent.class))
                .withName("write-rejected"));

    builder.addStateStore(
        Stores.windowStoreBuilder(
            Stores.persistentWindowStore(
                EVENT_IDS_STORE, config.dedupRetention(), Duration.ofMillis(1), false),
            keys,
            Serdes.Long()));
    BarrelConverter converter = BarrelConverter.from(config);
    KStream<String, Fact> fresh =
        outcome
            .get("validated-facts")
            .mapValues(value -> (Fact) value, Named.as("as-fact"))
            .repartition(
                Repartitioned.<String, Fact>as(FACTS_BY_EVENT_ID)
                    .withKeySerde(keys)
                    .withValueSerde(facts))
            .process(
                () -> new ResendFilter(EVENT_IDS_STORE, config.dedupRetention(), metrics),
                Named.as("drop-resends"),
                EVENT_IDS_STORE)
            .mapValues(fact -> normalize(fact, converter), Named.as("normalize-units"));

    fresh
        .process(() -> new BanAlertProcessor(RULES_STORE), Named.as("raise-ban-alerts"))
        .peek((id, alert) -> metrics.alert(alert), Named.as("count-ban-alerts"))
        .to(
            topics.alerts(),
            Produced.with(keys, AvroSerde.forValue(registry, Alert.class))
                .withStreamPartitioner(new AlertsByRule())
                .withName("write-ban-alerts"));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(LEDGERS_STORE), keys, new JsonSerde<>(Ledger.class)));
    KStream<String, SpecificRecord> counted =
        fresh
            .process(() -> new LedgerRouter(RULES_STORE), Named.as("route-to-ledgers"))
            .repartition(
                Repartitioned.<String, Fact>as(FACTS_BY_RULE)
                    .withKeySerde(keys)
                    .withValueSerde(facts))
            .process(
                () -> new LedgerProcessor(LEDGERS_STORE, RULES_STORE, config.ruleRecheckInterval()),
                Named.as("count-in-ledgers"),
                LEDGERS_STORE);
    Map<String, KStream<String, SpecificRecord>> ledgerOutput =
        counted
            .split(Named.as("ledger-output-"))
            .branch((key, value) -> value instanceof Alert, Branched.as("alerts"))
            .defaultBranch(Branched.as("usage"));
    ledgerOutput
        .get("ledger-output-usage")
        .mapValues(value -> (CapUsage) value, Named.as("as-cap-usage"))
        .to(
            topics.capUsage(),
            Produced.with(keys, AvroSerde.forValue(registry, CapUsage.class))
                .withName("write-cap-usage"));

    ledgerOutput
        .get("ledger-output-alerts")
        .mapValues(value -> (Alert) value, Named.as("as-alert"))
        .peek((id, alert) -> metrics.alert(alert), Named.as("count-level-alerts"))
        .to(
            topics.alerts(),
            Produced.with(keys, AvroSerde.forValue(registry, Alert.class))
                .withStreamPartitioner(new AlertsByRule())
                .withName("write-level-alerts"));
    return builder.build();
  }

  private static <T extends SpecificRecord> KStream<String, Object> validate(
      StreamsBuilder builder,
      Topics topics,
      EventKind kind,
      Class<T> type,
      EventValidator validator,
      SchemaRegistryClient registry,
      MonitorMetrics metrics) {
    String slug = Topics.slug(kind);
    return builder.stream(
            topics.eventTopic(kind),
            Consumed.with(Serdes.String(), AvroSerde.forValue(registry, type))
                .withName("read-" + slug))
        .process(
            () -> new ValidationProcessor<T>(kind, validator, registry, metrics),
            Named.as("validate-" + slug));
  }

  private static Fact normalize(Fact fact, BarrelConverter converter) {
    if (fact.kind() != EventKind.TANKER_DELIVERY) {
      return fact;
    }
    return fact.withAmount(
        converter.toBarrels(fact.amount(), fact.amountUnit(), fact.product()),
        BarrelConverter.BARREL);
  }
}
