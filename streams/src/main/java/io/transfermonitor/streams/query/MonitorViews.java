package io.transfermonitor.streams.query;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.Rule;
import io.transfermonitor.streams.activity.ActivityTally;
import io.transfermonitor.streams.components.ComponentTally;
import io.transfermonitor.streams.gap.GapState;
import io.transfermonitor.streams.ledger.Ledger;
import io.transfermonitor.streams.topology.TopologyNames;
import java.util.List;

/**
 * The monitor's stores the dashboard reads, each as a {@link StoreView}: the partitioned ones
 * (gathered across instances) and the global rules (the same everywhere). Ledgers are partitioned
 * by rule id and keyed {@code ruleId/...}, so one rule's are asked of one instance; alerts are
 * keyed {@code ruleId/...} too but lie with their cases, so one rule's are asked of every instance;
 * cases, activity rows (partitioned by row) and reporting gaps (keyed by the DISCREPANCY rule but
 * held with the ledgers of the cap it compares) are only read whole.
 */
public final class MonitorViews {

  /** Cap and cumulative ledgers, partitioned by rule id. */
  public static final StoreView<Ledger, Ledger> LEDGERS =
      new StoreView<>("ledgers", TopologyNames.LEDGERS_STORE, Ledger.class, l -> l);

  /** Alerts as written to the alert topic, partitioned by case id. */
  public static final StoreView<Alert, AlertRow> ALERTS =
      new StoreView<>("alerts", TopologyNames.ALERTS_STORE, AlertRow.class, AlertRow::of);

  /** Cases, partitioned by case id. */
  public static final StoreView<Case, CaseRow> CASES =
      new StoreView<>("cases", TopologyNames.CASES_STORE, CaseRow.class, CaseRow::of);

  /** Activity rows (weekly cells and yearly totals), partitioned by row key. */
  public static final StoreView<ActivityTally, ActivityRow> ACTIVITY =
      new StoreView<>("activity", TopologyNames.ACTIVITY_STORE, ActivityRow.class, ActivityRow::of);

  /** Components found in weapons, added up per maker, country, year made and weapon type. */
  public static final StoreView<ComponentTally, ComponentRow> COMPONENTS =
      new StoreView<>(
          "components", TopologyNames.COMPONENT_TOTALS_STORE, ComponentRow.class, ComponentRow::of);

  /**
   * Reporting gaps per DISCREPANCY rule, period and scope, held with the compared cap's ledgers.
   */
  public static final StoreView<GapState, GapRow> REPORTING_GAPS =
      new StoreView<>(
          "reporting-gaps", TopologyNames.REPORTING_GAPS_STORE, GapRow.class, GapRow::of);

  /** The rules in force (global store). */
  public static final StoreView<Rule, RuleRow> RULES =
      new StoreView<>("rules", TopologyNames.RULES_STORE, RuleRow.class, RuleRow::of);

  private MonitorViews() {}

  /** The partitioned views, each served to peers at {@code /api/local/<name>}. */
  public static List<StoreView<?, ?>> partitioned() {
    return List.of(LEDGERS, ALERTS, CASES, ACTIVITY, REPORTING_GAPS, COMPONENTS);
  }
}
