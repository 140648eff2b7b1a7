package io.transfermonitor.streams.topology;

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
import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.model.VesselVoyage;
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
 * registry: the six event topics, the rules, designations, alerts, rejected and aggregate topics
 * (cap usage, reporting gaps, activity), the cases, the operator actions on cases and the
 * notifications, the AIS topics (positions, voyage data, the vessel register, findings), and the
 * rule recounts. Keys are strings; values are Avro in the Confluent wire format.
 */
public final class MonitorTopics {

  private final Map<EventKind, Topic<String, ? extends SpecificRecord>> events =
      new EnumMap<>(EventKind.class);
  private final Topic<String, Rule> rules;
  private final Topic<String, Designation> designations;
  private final Topic<String, Alert> alerts;
  private final Topic<String, RejectedEvent> rejected;
  private final Topic<String, CapUsage> capUsage;
  private final Topic<String, Case> cases;
  private final Topic<String, CaseAction> caseActions;
  private final Topic<String, CaseNotification> notifications;
  private final Topic<String, CaseHistoryEntry> casesAudit;
  private final Topic<String, ReportingGap> reportingGaps;
  private final Topic<String, Activity> activity;
  private final Topic<String, ComponentTotal> components;
  private final Topic<String, VesselPosition> aisPositions;
  private final Topic<String, VesselVoyage> aisVoyages;
  private final Topic<String, VesselRecord> vessels;
  private final Topic<String, VesselFinding> aisFindings;
  private final Topic<String, RuleRecount> ruleRecounts;
  private final Topic<String, PriorityListEntry> chpl;
  private final Topic<String, MakerRecord> makers;

  public MonitorTopics(Topics names, SchemaRegistryClient registry) {
    for (EventKind kind : EventKind.values()) {
      events.put(kind, avro(names.eventTopic(kind), EventTypes.recordClass(kind), registry));
    }
    rules = avro(names.rules(), Rule.class, registry);
    designations = avro(names.designations(), Designation.class, registry);
    alerts = avro(names.alerts(), Alert.class, registry);
    rejected = avro(names.rejected(), RejectedEvent.class, registry);
    capUsage = avro(names.capUsage(), CapUsage.class, registry);
    cases = avro(names.cases(), Case.class, registry);
    caseActions = avro(names.caseActions(), CaseAction.class, registry);
    notifications = avro(names.notifications(), CaseNotification.class, registry);
    casesAudit = avro(names.casesAudit(), CaseHistoryEntry.class, registry);
    reportingGaps = avro(names.reportingGaps(), ReportingGap.class, registry);
    activity = avro(names.activity(), Activity.class, registry);
    components = avro(names.components(), ComponentTotal.class, registry);
    aisPositions = avro(names.aisPositions(), VesselPosition.class, registry);
    aisVoyages = avro(names.aisVoyages(), VesselVoyage.class, registry);
    vessels = avro(names.vessels(), VesselRecord.class, registry);
    aisFindings = avro(names.aisFindings(), VesselFinding.class, registry);
    ruleRecounts = avro(names.ruleRecounts(), RuleRecount.class, registry);
    chpl = avro(names.chpl(), PriorityListEntry.class, registry);
    makers = avro(names.makers(), MakerRecord.class, registry);
  }

  /** The priority list of HS codes with their tiers, key = HS code ({@code 8542.31}). */
  public Topic<String, PriorityListEntry> chpl() {
    return chpl;
  }

  /** The makers table, key = canonical maker. */
  public Topic<String, MakerRecord> makers() {
    return makers;
  }

  /** AIS positions, key = MMSI. */
  public Topic<String, VesselPosition> aisPositions() {
    return aisPositions;
  }

  /** AIS static and voyage data, key = MMSI. */
  public Topic<String, VesselVoyage> aisVoyages() {
    return aisVoyages;
  }

  /** The vessel register, key = IMO:number or MMSI:number. */
  public Topic<String, VesselRecord> vessels() {
    return vessels;
  }

  /** What the AIS detectors found, key = finding id. */
  public Topic<String, VesselFinding> aisFindings() {
    return aisFindings;
  }

  /** Recount requests, key = request id, and the tasks' reports, key = request id@task. */
  public Topic<String, RuleRecount> ruleRecounts() {
    return ruleRecounts;
  }

  /** The input topic of {@code kind}. */
  public Topic<String, ? extends SpecificRecord> events(EventKind kind) {
    return events.get(kind);
  }

  public Topic<String, Rule> rules() {
    return rules;
  }

  public Topic<String, Designation> designations() {
    return designations;
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

  /** Every step of every case, key = case id. */
  public Topic<String, CaseHistoryEntry> casesAudit() {
    return casesAudit;
  }

  public Topic<String, ReportingGap> reportingGaps() {
    return reportingGaps;
  }

  public Topic<String, Activity> activity() {
    return activity;
  }

  public Topic<String, ComponentTotal> components() {
    return components;
  }

  private static <V extends SpecificRecord> Topic<String, V> avro(
      String name, Class<V> type, SchemaRegistryClient registry) {
    Serde<V> values = AvroSerde.forValue(registry, type);
    return new Topic<>(name, Serdes.String(), values);
  }
}
