package io.transfermonitor.streams.topology;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseAction;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroSerde;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the monitor with its serdes, built once from the typed topic names and a schema
 * registry: the six event topics, the rules, alerts, rejected and cap-usage topics, the cases, the
 * operator actions on cases and the notifications. Keys are strings; values are Avro in the
 * Confluent wire format.
 */
public final class MonitorTopics {

  private final Map<EventKind, Topic<String, ? extends SpecificRecord>> events =
      new EnumMap<>(EventKind.class);
  private final Topic<String, Rule> rules;
  private final Topic<String, Alert> alerts;
  private final Topic<String, RejectedEvent> rejected;
  private final Topic<String, CapUsage> capUsage;
  private final Topic<String, Case> cases;
  private final Topic<String, CaseAction> caseActions;
  private final Topic<String, CaseNotification> notifications;

  public MonitorTopics(Topics names, SchemaRegistryClient registry) {
    for (EventKind kind : EventKind.values()) {
      events.put(kind, avro(names.eventTopic(kind), EventTypes.recordClass(kind), registry));
    }
    rules = avro(names.rules(), Rule.class, registry);
    alerts = avro(names.alerts(), Alert.class, registry);
    rejected = avro(names.rejected(), RejectedEvent.class, registry);
    capUsage = avro(names.capUsage(), CapUsage.class, registry);
    cases = avro(names.cases(), Case.class, registry);
    caseActions = avro(names.caseActions(), CaseAction.class, registry);
    notifications = avro(names.notifications(), CaseNotification.class, registry);
  }

  /** The input topic of {@code kind}. */
  public Topic<String, ? extends SpecificRecord> events(EventKind kind) {
    return events.get(kind);
  }

  public Topic<String, Rule> rules() {
    return rules;
  }

  public Topic<String, Alert> alerts() {
    return alerts;
  }

  public Topic<String, RejectedEvent> rejected() {
    return rejected;
  }

  public Topic<String, CapUsage> capUsage() {
    return capUsage;
  }

  public Topic<String, Case> cases() {
    return cases;
  }

  public Topic<String, CaseAction> caseActions() {
    return caseActions;
  }

  public Topic<String, CaseNotification> notifications() {
    return notifications;
  }

  private static <V extends SpecificRecord> Topic<String, V> avro(
      String name, Class<V> type, SchemaRegistryClient registry) {
    Serde<V> values = AvroSerde.forValue(registry, type);
    return new Topic<>(name, Serdes.String(), values);
  }
}
