package io.transfermonitor.streams.dashboard;

import io.transfermonitor.model.Severity;
import io.transfermonitor.streams.ais.Gazetteer;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.query.AlertRow;
import io.transfermonitor.streams.query.CaseRow;
import io.transfermonitor.streams.query.ClusterState;
import io.transfermonitor.streams.query.ComponentRow;
import io.transfermonitor.streams.query.GapRow;
import io.transfermonitor.streams.query.MonitorViews;
import io.transfermonitor.streams.query.RuleRow;
import io.transfermonitor.streams.query.StoreView;
import io.transfermonitor.streams.query.VesselFindings;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;

/**
 * What the dashboard and {@code /api/...} show, assembled from the whole monitor's state ({@link
 * ClusterState}), the AIS findings every instance reads whole ({@link VesselFindings}) and the
 * gazetteer: any instance gives the same answer.
 */
final class DashboardViews {

  private final ClusterState state;
  private final VesselFindings findings;
  private final MapPlaces places;

  DashboardViews(ClusterState state, VesselFindings findings, Gazetteer gazetteer) {
    this.state = state;
    this.findings = findings;
    this.places = MapPlaces.of(gazetteer);
  }

  /** Every cap's bar per period and basis, in rule, period and basis order. */
  List<CapBar> caps() {
    return bars(state.all(MonitorViews.LEDGERS));
  }

  /** The bars of one cap rule, from the instance that holds its ledgers. */
  List<CapBar> caps(String ruleId) {
    return bars(state.byKey(MonitorViews.LEDGERS, ruleId));
  }

  List<PeriodComparison> reportedObserved() {
    return PeriodComparison.of(caps());
  }

  /**
   * The reporting-gap stage's own comparisons, as its alerts and {@code
   * tm.aggregates.reporting-gaps} have them: by rule, period, and scope ({@code ALL} first).
   */
  List<GapRow> reportingGaps() {
    return state.all(MonitorViews.REPORTING_GAPS).stream()
        .sorted(
            Comparator.comparing(GapRow::ruleId)
                .thenComparing(GapRow::periodStart)
                .thenComparing((GapRow g) -> !g.scope().equals("ALL"))
                .thenComparing(GapRow::scope))
        .toList();
  }

  /**
   * The components found in weapons, per maker, maker's country, year made and weapon type: by
   * dimension, the most findings first.
   */
  List<ComponentRow> components() {
    return state.all(MonitorViews.COMPONENTS).stream()
        .sorted(
            Comparator.comparing(ComponentRow::dimension)
                .thenComparing(ComponentRow::findings, Comparator.reverseOrder())
                .thenComparing(ComponentRow::value))
        .toList();
  }

  /** Activity per week and the yearly totals, of every kind or of {@code kind} only. */
  ActivitySummary activity(String kind) {
    return ActivitySummary.of(state.all(MonitorViews.ACTIVITY), kind);
  }

  /**
   * The alerts, all of them or one rule's (alert ids start with the rule id; a rule's cases, and so
   * its alerts, may lie on any instance).
   */
  AlertSummary alerts(String ruleId, int limit) {
    List<AlertRow> rows =
        ruleId == null
            ? state.all(MonitorViews.ALERTS)
            : state.allUnder(MonitorViews.ALERTS, ruleId);
    return AlertSummary.of(rows, limit);
  }

  /**
   * The cases still to act on (not RESOLVED), the most severe and the latest first, each with the
   * names of the sources its alerts cite (the case itself keeps their references only).
   */
  List<CaseRow> openCases() {
    return withSourceNames(openCasesAsStored());
  }

  private List<CaseRow> openCasesAsStored() {
    return state.all(MonitorViews.CASES).stream()
        .filter(CaseRow::open)
        .sorted(
            Comparator.comparing((CaseRow c) -> Severity.valueOf(c.severity()))
                .reversed()
                .thenComparing(CaseRow::lastEventTime, Comparator.reverseOrder())
                .thenComparing(CaseRow::caseId))
        .toList();
  }

  private List<CaseRow> withSourceNames(List<CaseRow> cases) {
    Map<String, Set<String>> names = new HashMap<>();
    for (AlertRow alert : state.all(MonitorViews.ALERTS)) {
      if (alert.caseId() != null && alert.sources() != null) {
        names.computeIfAbsent(alert.caseId(), id -> new TreeSet<>()).addAll(alert.sources());
      }
    }
    return cases.stream()
        .map(c -> c.withSourceNames(List.copyOf(names.getOrDefault(c.caseId(), Set.of()))))
        .toList();
  }

  /** The latest {@code limit} AIS findings and the tracks of the vessels in open cases. */
  VesselMap vesselMap(int limit) {
    return VesselMap.of(findings.all(), openCasesAsStored(), limit);
  }

  /** The ports and areas of interest the AIS detectors know. */
  MapPlaces places() {
    return places;
  }

  /** The headline figures, pushed with every live update. */
  Overview overview() {
    List<CapBar> caps = caps();
    AlertSummary alerts = alerts(null, 0);
    long breached = caps.stream().filter(c -> c.ratio() != null && c.ratio() >= 1).count();
    List<CaseRow> open = openCasesAsStored();
    return new Overview(
        alerts.total(),
        alerts.bySeverity().getOrDefault("CRITICAL", 0L),
        open.stream().filter(c -> c.severity().equals("CRITICAL")).count(),
        alerts.byCaseChange().getOrDefault("UPDATED", 0L),
        open.size(),
        caps.size(),
        breached,
        state.hosts().instances().size());
  }

  /** This instance's own rows of {@code view}, all or under {@code partitionKey}: for peers. */
  <V, R> List<R> local(StoreView<V, R> view, String partitionKey) {
    return state.local(view, partitionKey);
  }

  /** This instance's Kafka Streams state. */
  KafkaStreams.State state() {
    return state.hosts().state();
  }

  List<InstanceRow> instances() {
    return state.hosts().instances().stream()
        .map(m -> InstanceRow.of(m, state.hosts().isSelf(m.hostInfo())))
        .sorted(Comparator.comparing(InstanceRow::address))
        .toList();
  }

  private List<CapBar> bars(List<Ledger> ledgers) {
    Map<String, RuleRow> rules =
        state.global(MonitorViews.RULES).stream()
            .collect(Collectors.toMap(RuleRow::ruleId, Function.identity()));
    // a ledger whose rule is gone stays, frozen; one with a limit was a cap's (a ban's has none)
    return ledgers.stream()
        .filter(
            l ->
                rules.containsKey(l.ruleId())
                    ? rules.get(l.ruleId()).kind().equals("CAP")
                    : l.limit() != null)
        .map(
            l ->
                rules.containsKey(l.ruleId())
                    ? CapBar.of(l, rules.get(l.ruleId()))
                    : CapBar.frozen(l))
        .sorted(
            Comparator.comparing(CapBar::ruleId)
                .thenComparing(CapBar::periodStart)
                .thenComparing(CapBar::basis))
        .toList();
  }

  /**
   * The headline figures.
   *
   * @param alerts alerts raised
   * @param critical of which CRITICAL
   * @param criticalCases open cases at CRITICAL
   * @param caseUpdates alerts that only added to a case already at their severity and level
   * @param openCases cases not resolved
   * @param caps cap ledgers (rule, period, basis)
   * @param capsAtLimit of which at or over their limit
   * @param instances monitor instances running
   */
  record Overview(
      long alerts,
      long critical,
      long criticalCases,
      long caseUpdates,
      long openCases,
      long caps,
      long capsAtLimit,
      long instances) {}

  /**
   * One monitor instance.
   *
   * @param address its {@code application.server}
   * @param self whether it is the one answering
   * @param stores the stores it holds active partitions of
   * @param partitions the input partitions it processes
   */
  record InstanceRow(String address, boolean self, List<String> stores, List<String> partitions) {
    static InstanceRow of(StreamsMetadata m, boolean self) {
      return new InstanceRow(
          m.host() + ":" + m.port(),
          self,
          m.stateStoreNames().stream().sorted().toList(),
          m.topicPartitions().stream().map(Object::toString).sorted().toList());
    }
  }
}
