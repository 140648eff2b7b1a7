package io.transfermonitor.streams.topology;

/**
 * The names of the monitor's state stores and internal (repartition) topics. They are part of the
 * upgrade contract: a running monitor's changelogs and repartition topics are named after them, so
 * renaming one loses its state (the golden {@code TopologyDescriptionTest} pins them). The query
 * layer and the dashboard read the stores by these names.
 */
public final class TopologyNames {

  /** Global store of the rules, key = rule id. */
  public static final String RULES_STORE = "rules";

  /**
   * Every alert raised, key = alert id, partitioned by rule like the alert topic it is read from.
   */
  public static final String ALERTS_STORE = "alerts";

  /**
   * Every event seen within the retention, key = event id: the re-send check, the parties to
   * rescreen and what recovery needs, one entry per event.
   */
  public static final String EVENTS_STORE = "events";

  /** Ledgers, key = ruleId/periodStart/basis. */
  public static final String LEDGERS_STORE = "ledgers";

  /** Global store of the designations, key = reference number. */
  public static final String DESIGNATIONS_STORE = "designations";

  /** Version of each designation a task has rescreened its events against. */
  public static final String DESIGNATIONS_RESCREENED_STORE = "designations-rescreened";

  /**
   * Repartition by event id, before the re-send check, of the events a producer keyed otherwise;
   * events keyed by their id are checked on the partition they were read from.
   */
  public static final String EVENTS_BY_ID = "events-by-id";

  /** The ledgers' partial sums each task sends, keyed (and partitioned) by rule id. */
  public static final String LEDGER_PARTIALS = "ledger-partials";

  /** How far each task had read its inputs when it last sent its partial sums. */
  public static final String SENT_TOTALS_STORE = "sent-totals";

  /**
   * Per rule, the stretches of a task's reading whose events the rule counted, and the recount
   * requests the task carried out, key = rule id.
   */
  public static final String COUNTED_SPANS_STORE = "counted-spans";

  /**
   * Per rule, the stretches of a task's reading of {@code observations-by-vessel} whose
   * observations the rule counted once corroborated, and the recount requests done for them; key =
   * rule id.
   */
  public static final String DELIVERY_COUNTED_SPANS_STORE = "delivery-counted-spans";

  /** Global store of the recount requests (and the tasks' reports), key = request id(@task). */
  public static final String RULE_RECOUNTS_STORE = "rule-recounts";

  /** Partial sums of corroborated deliveries not sent yet, key = ledger key. */
  public static final String DELIVERY_LEDGER_PARTIALS_STORE = "delivery-ledger-partials";

  /** What corroborated deliveries added to activity rows, not sent yet, key = row. */
  public static final String DELIVERY_ACTIVITY_PARTIALS_STORE = "delivery-activity-partials";

  /** Observations of the vessels, one entry each, key = IMO number/identity/event time/event id. */
  public static final String VESSEL_OBSERVATIONS_STORE = "vessel-observations";

  /**
   * Observations of vessels in batches per bucket of IMO numbers, before corroboration (observed
   * tanker deliveries only).
   */
  public static final String OBSERVATIONS_BY_VESSEL = "observations-by-vessel";

  /** Reporting gaps, key = ruleId/periodStart/scope. */
  public static final String REPORTING_GAPS_STORE = "reporting-gaps";

  /** Activity rows, key = the row key (kind/week/... or kind/period/...). */
  public static final String ACTIVITY_STORE = "activity";

  /** Components found in weapons, added up, key = dimension/value (MAKER/..., COUNTRY/...). */
  public static final String COMPONENT_TOTALS_STORE = "component-totals";

  /** Component findings repartitioned by the row of the totals they add to. */
  public static final String COMPONENT_ROWS = "component-rows";

  /** What each task's facts added to activity rows, keyed (and partitioned) by row. */
  public static final String ACTIVITY_PARTIALS = "activity-partials";

  /** Cases, key = case id. */
  public static final String CASES_STORE = "cases";

  /** When something about a case falls due by the clock, key = case id, value = epoch millis. */
  public static final String CASE_TIMERS_STORE = "case-timers";

  /** Cases changed and not written out yet, key = case id, value = when (epoch millis). */
  public static final String CASES_UNPUBLISHED_STORE = "cases-unpublished";

  /** Repartition of operator actions by case id, before the cases. */
  public static final String CASE_ACTIONS_BY_CASE = "case-actions-by-case";

  /** The vessel register, a global store, key = IMO:number or MMSI:number. */
  public static final String VESSELS_STORE = "vessels";

  /** Each vessel's AIS track and what it said of itself, key = MMSI. */
  public static final String VESSEL_TRACKS_STORE = "vessel-tracks";

  /** Repartition of slow positions away from ports by cell of the encounter search. */
  public static final String PINGS_BY_CELL = "pings-by-cell";

  /** Each cell's contacts of the encounter search, key = cell id. */
  public static final String ENCOUNTER_CELLS_STORE = "encounter-cells";

  /**
   * Cell pings that wait for the slowest track task to read as far, in chunks of up to 64 with the
   * mark of what has been paired (empty unless partitions of positions are read at different paces,
   * as in a backlog).
   */
  public static final String ENCOUNTER_HELD_STORE = "encounter-held";

  /** Repartition of the IMO numbers vessels send, with their positions, by IMO number. */
  public static final String SIGHTINGS_BY_IMO = "sightings-by-imo";

  /** Each IMO number's newest sighting per MMSI and the clones reported, key = IMO number. */
  public static final String IMO_SIGHTINGS_STORE = "imo-sightings";

  private TopologyNames() {}

  /** Global store: the priority list's HS codes and tiers (tm.reference.chpl), key = HS code. */
  public static final String CHPL_STORE = "chpl";

  /** Global store: the makers table (tm.reference.makers), key = canonical maker. */
  public static final String MAKERS_STORE = "makers";
}
