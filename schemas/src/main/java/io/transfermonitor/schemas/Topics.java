package io.transfermonitor.schemas;

import io.transfermonitor.model.EventKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every topic transfer-monitor reads or writes, in one immutable, per-instance object. The defaults
 * follow the {@code tm.} naming of the design; a prefix or individual names can be overridden (e.g.
 * per test, or per deployment).
 *
 * @param events input topic per event kind ({@code tm.events.<kind>})
 * @param rules compacted rules topic, key = rule id
 * @param designations compacted designations topic, key = designation id, tombstone = delisted
 * @param alerts alert topic for ops, key = alert id
 * @param rejected records that could not be used, with the reason
 * @param capUsage compacted cap totals per rule/period/basis
 * @param reportingGaps compacted reported-vs-observed totals per rule/period/scope
 * @param activity compacted activity rows: weekly cells per kind, week, origin, destination, mode
 *     and route; yearly troop and worker totals
 * @param cases compacted cases for ops tools and the dashboard, key = case id
 * @param caseActions append-only operator actions on cases (who, when, why), key = case id
 * @param notifications what should page someone (a case opened, escalated, reopened), key = case id
 * @param casesAudit append-only, every step of every case with its full text (the cases keep their
 *     latest steps only), key = case id
 * @param aisPositions AIS positions, key = MMSI ({@code VesselPosition})
 * @param aisVoyages AIS static and voyage data, key = MMSI ({@code VesselVoyage}); as many
 *     partitions as the positions, so one vessel's both land in one task
 * @param vessels compacted vessel register, key = {@code IMO:<number>} or {@code MMSI:<number>}
 * @param aisFindings compacted port calls, encounters, dark periods and identity anomalies found in
 *     the AIS positions, for the dashboard's map, key = finding id
 * @param components compacted totals of the components found in weapons, per maker, maker's
 *     country, year made and weapon type, key = dimension/value
 * @param ruleRecounts compacted requests to count a rule's kept events it did not count (key =
 *     request id) and each task's report of what it counted (key = request id@task)
 * @param chpl compacted priority list of HS codes with their tiers (the Common High Priority List),
 *     key = HS subheading ({@code 8542.31})
 * @param makers compacted makers table: canonical maker, country and aliases, key = canonical name
 */
public record Topics(
    Map<EventKind, String> events,
    String rules,
    String designations,
    String alerts,
    String rejected,
    String capUsage,
    String reportingGaps,
    String activity,
    String cases,
    String caseActions,
    String notifications,
    String casesAudit,
    String aisPositions,
    String aisVoyages,
    String vessels,
    String aisFindings,
    String components,
    String ruleRecounts,
    String chpl,
    String makers) {

  public static final String DEFAULT_PREFIX = "tm.";

  public Topics {
    Objects.requireNonNull(events, "events");
    for (EventKind kind : EventKind.values()) {
      if (!events.containsKey(kind)) {
        throw new IllegalArgumentException("no input topic for event kind " + kind);
      }
    }
    events = Map.copyOf(events);
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(designations, "designations");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(capUsage, "capUsage");
    Objects.requireNonNull(reportingGaps, "reportingGaps");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(caseActions, "caseActions");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(casesAudit, "casesAudit");
    Objects.requireNonNull(aisPositions, "aisPositions");
    Objects.requireNonNull(aisVoyages, "aisVoyages");
    Objects.requireNonNull(vessels, "vessels");
    Objects.requireNonNull(aisFindings, "aisFindings");
    Objects.requireNonNull(components, "components");
    Objects.requireNonNull(ruleRecounts, "ruleRecounts");
    Objects.requireNonNull(chpl, "chpl");
    Objects.requireNonNull(makers, "makers");
  }

  /** The default names: {@code tm.events.tanker-deliveries}, {@code tm.alerts} and so on. */
  public static Topics defaults() {
    return withPrefix(DEFAULT_PREFIX);
  }

  /** All names under {@code prefix} instead of {@code tm.} (e.g. {@code test-42.}). */
  public static Topics withPrefix(String prefix) {
    Map<EventKind, String> events = new EnumMap<>(EventKind.class);
    for (EventKind kind : EventKind.values()) {
      events.put(kind, prefix + "events." + slug(kind));
    }
    return new Topics(
        events,
        prefix + "reference.rules",
        prefix + "reference.designations",
        prefix + "alerts",
        prefix + "events.rejected",
        prefix + "aggregates.cap-usage",
        prefix + "aggregates.reporting-gaps",
        prefix + "aggregates.activity",
        prefix + "cases",
        prefix + "case-actions",
        prefix + "notifications",
        prefix + "cases.audit",
        prefix + "ais.positions",
        prefix + "ais.voyages",
        prefix + "reference.vessels",
        prefix + "ais.findings",
        prefix + "aggregates.components",
        prefix + "rule-recounts",
        prefix + "reference.chpl",
        prefix + "reference.makers");
  }

  /**
   * The same names but the notifications topic, which is {@code name}: for a replay whose
   * notifications were sent already (docs/upgrading.md).
   */
  public Topics withNotifications(String name) {
    return new Topics(
        events,
        rules,
        designations,
        alerts,
        rejected,
        capUsage,
        reportingGaps,
        activity,
        cases,
        caseActions,
        name,
        casesAudit,
        aisPositions,
        aisVoyages,
        vessels,
        aisFindings,
        components,
        ruleRecounts,
        chpl,
        makers);
  }

  /** The input topic of {@code kind}. */
  public String eventTopic(EventKind kind) {
    return events.get(kind);
  }

  /** Every input topic, in {@link EventKind} order. */
  public List<String> eventTopics() {
    return Arrays.stream(EventKind.values()).map(events::get).toList();
  }

  /**
   * The compacted aggregate topics dashboards read: cap usage, reporting gaps, activity, components
   * found in weapons.
   */
  public List<String> aggregateTopics() {
    return List.of(capUsage, reportingGaps, activity, components);
  }

  /** Kebab-case plural used in topic names: TANKER_DELIVERY becomes tanker-deliveries. */
  public static String slug(EventKind kind) {
    return switch (kind) {
      case TANKER_DELIVERY -> "tanker-deliveries";
      case CONTAINER_SHIPMENT -> "container-shipments";
      case ARMS_TRANSFER -> "arms-transfers";
      case TROOP_DEPLOYMENT -> "troop-deployments";
      case WORKER_DISPATCH -> "worker-dispatches";
      case FINANCIAL_TRANSFER -> "financial-transfers";
      case VESSEL_ACTIVITY -> "vessel-activities";
      case COMPONENT_FINDING -> "component-findings";
    };
  }
}
