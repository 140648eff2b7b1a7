package io.transfermonitor.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.CaseStatus;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.MatchMethod;
import io.transfermonitor.model.RejectionStage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The monitor's own meters, in a Micrometer registry:
 *
 * <ul>
 *   <li>{@code tm.events.in} (every record read from an event topic, decodable or not), {@code
 *       tm.events.valid}, {@code tm.events.duplicate} (tag {@code kind});
 *   <li>{@code tm.events.rejected} (tags {@code stage}, {@code kind}, {@code reason}: the offending
 *       field of a VALIDATION rejection, {@code undecodable} for DESERIALIZATION, the exception
 *       class for PROCESSING, {@code oversize} for a record set aside as too large to write (by the
 *       serializers' guard or by the case stage), {@code action} for a CASE_ACTION refused);
 *   <li>{@code tm.alerts} (tags {@code rule}, {@code severity}) and {@code tm.alert.latency}, the
 *       time from an event reaching the monitor to its alert, a timer with a percentile histogram
 *       (any percentile, across instances, by {@code histogram_quantile} in Prometheus);
 *   <li>{@code tm.notifications} (tags {@code rule}, {@code severity}, {@code kind}: OPENED,
 *       ESCALATED, REOPENED, UPDATED) and {@code tm.cases} (tag {@code status}), a gauge of the
 *       cases in each status;
 *   <li>{@code tm.cap.used} (tags {@code rule}, {@code period}, {@code basis}, {@code unit}) and
 *       {@code tm.cap.ratio}, gauges of every cap's total and share of its limit;
 *   <li>screening: {@code tm.screening.parties} (parties screened), {@code tm.screening.matches}
 *       (tags {@code method}, {@code retroactive}), {@code tm.screening.near.misses} (tag {@code
 *       method}: best matches below the threshold, never alerted) and {@code
 *       tm.screening.rescreened} (designations past events were rescreened against);
 *   <li>{@code tm.rules.switched.off} (tags {@code rule}, {@code how}: {@code removed} by a
 *       tombstone, {@code disabled} by {@code enabled: false}): rules that stopped counting.
 * </ul>
 */
public final class MonitorMetrics {

  /** Reason tag of a record whose bytes could not be decoded. */
  public static final String UNDECODABLE = "undecodable";

  /**
   * Reason tag of a record set aside because it would be too large to write: by the serializers'
   * guard, or by the case stage before it makes a case too large.
   */
  public static final String OVERSIZE = "oversize";

  /** Reason tag of an operator action the case stage refused (unknown case, illegal step). */
  public static final String REFUSED_ACTION = "action";

  /** Kind tag of a rejected record whose topic is no event topic. */
  public static final String UNKNOWN_KIND = "UNKNOWN";

  /** {@code how} tag of a rule removed by a tombstone on the rules topic. */
  public static final String RULE_REMOVED = "removed";

  /** {@code how} tag of a rule published again with {@code enabled: false}. */
  public static final String RULE_DISABLED = "disabled";

  private final MeterRegistry registry;
  private final Map<String, AtomicReference<CapUsage>> caps = new ConcurrentHashMap<>();
  private final Map<String, CaseStatus> caseStatus = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public MonitorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counters kept in memory only, for tests and tools that do not export them. */
  public static MonitorMetrics inMemory() {
    return new MonitorMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void eventIn(EventKind kind) {
    counter("tm.events.in", "kind", kind.name()).increment();
  }

  public void eventValid(EventKind kind) {
    counter("tm.events.valid", "kind", kind.name()).increment();
  }

  /**
   * One record rejected.
   *
   * @param kind the event kind, or {@link #UNKNOWN_KIND}
   * @param reason what was wrong, in a word: the offending field, {@code undecodable}, or the
   *     exception class; never free text, so the number of series stays bounded
   */
  public void rejected(RejectionStage stage, String kind, String reason) {
    Counter.builder("tm.events.rejected")
        .tag("stage", stage.name())
        .tag("kind", kind)
        .tag("reason", reason == null ? "unknown" : reason)
        .register(registry)
        .increment();
  }

  /**
   * A stream thread failed and was replaced ({@code tm.stream.thread.failures}): its tasks are
   * retried from their last commit, and the group rebalances (docs/reliability.md).
   */
  public void threadFailed() {
    registry.counter("tm.stream.thread.failures").increment();
  }

  /**
   * A stream thread failed again on the record it failed on before ({@code tm.stream.thread.stuck},
   * by task): the monitor is retrying a record it cannot get past (docs/reliability.md).
   */
  public void threadStuck(String task) {
    counter("tm.stream.thread.stuck", "task", task).increment();
  }

  /** One AIS position read ({@code tm.ais.positions}). */
  public void aisPosition() {
    counter("tm.ais.positions", "outcome", "read").increment();
  }

  /** One AIS position not taken into its track, by reason (duplicate, too old, jump). */
  public void aisPositionDropped(String reason) {
    counter("tm.ais.positions.dropped", "reason", reason).increment();
  }

  /** One AIS finding (port call, encounter, dark period, identity anomaly). */
  public void aisFinding(String kind) {
    counter("tm.ais.findings", "kind", kind).increment();
  }

  public void duplicate(EventKind kind) {
    counter("tm.events.duplicate", "kind", kind.name()).increment();
  }

  /** One alert raised, {@code sinceEvent} after its triggering event reached the monitor. */
  public void alert(Alert alert, Duration sinceEvent) {
    String rule = alert.getRuleId();
    String severity = alert.getSeverity().name();
    counters
        .computeIfAbsent(
            "tm.alerts\u0000" + rule + '\u0000' + severity,
            k ->
                Counter.builder("tm.alerts")
                    .tag("rule", rule)
                    .tag("severity", severity)
                    .register(registry))
        .increment();
    timers
        .computeIfAbsent(
            rule,
            k ->
                Timer.builder("tm.alert.latency")
                    .description("from an event reaching the monitor to the alert it raised")
                    .tag("rule", rule)
                    .publishPercentileHistogram()
                    .register(registry))
        .record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
  }

  /** One notification raised for a case. */
  public void notification(CaseNotification notice) {
    Counter.builder("tm.notifications")
        .tag("rule", notice.getRuleId())
        .tag("severity", notice.getSeverity().name())
        .tag("kind", notice.getKind().name())
        .register(registry)
        .increment();
  }

  /** The latest state of a case, for the {@code tm.cases} gauge of cases per status. */
  public void caseState(Case state) {
    if (caseStatus.isEmpty()) {
      for (CaseStatus status : CaseStatus.values()) {
        Gauge.builder("tm.cases", caseStatus, m -> count(m, status))
            .description("cases in a status")
            .tag("status", status.name())
            .register(registry);
      }
    }
    caseStatus.put(state.getCaseId(), state.getStatus());
  }

  private static double count(Map<String, CaseStatus> statuses, CaseStatus status) {
    return statuses.values().stream().filter(status::equals).count();
  }

  /** The latest usage of a cap, for the {@code tm.cap.used} and {@code tm.cap.ratio} gauges. */
  public void capUsage(CapUsage usage) {
    String key = usage.getRuleId() + "/" + usage.getPeriodStart() + "/" + usage.getBasis();
    caps.computeIfAbsent(key, k -> register(usage)).set(usage);
  }

  private AtomicReference<CapUsage> register(CapUsage first) {
    AtomicReference<CapUsage> latest = new AtomicReference<>(first);
    String period = first.getPeriodStart().toString().substring(0, 10);
    Gauge.builder("tm.cap.used", latest, u -> u.get().getTotal())
        .description("total of a cap for one period and basis, in its unit")
        .tag("rule", first.getRuleId())
        .tag("period", period)
        .tag("basis", first.getBasis().name())
        .tag("unit", first.getUnit())
        .register(registry);
    Gauge.builder("tm.cap.ratio", latest, u -> ratio(u.get()))
        .description("total of a cap over its limit (1 = the limit)")
        .tag("rule", first.getRuleId())
        .tag("period", period)
        .tag("basis", first.getBasis().name())
        .register(registry);
    return latest;
  }

  private static double ratio(CapUsage usage) {
    return usage.getRatio() == null ? Double.NaN : usage.getRatio();
  }

  public void partiesScreened(int parties) {
    counters
        .computeIfAbsent("tm.screening.parties", k -> Counter.builder(k).register(registry))
        .increment(parties);
  }

  public void screeningMatch(MatchMethod method, boolean retroactive) {
    Counter.builder("tm.screening.matches")
        .tag("method", method.name())
        .tag("retroactive", String.valueOf(retroactive))
        .register(registry)
        .increment();
  }

  public void nearMiss(MatchMethod method) {
    counter("tm.screening.near.misses", "method", method.name()).increment();
  }

  public void rescreened(int designations) {
    Counter.builder("tm.screening.rescreened").register(registry).increment(designations);
  }

  /** A rule stopped counting: {@code how} is {@link #RULE_REMOVED} or {@link #RULE_DISABLED}. */
  public void ruleSwitchedOff(String ruleId, String how) {
    Counter.builder("tm.rules.switched.off")
        .description("rules that stopped counting: removed by a tombstone or disabled")
        .tag("rule", ruleId)
        .tag("how", how)
        .register(registry)
        .increment();
  }

  /**
   * The counter of {@code name} with one tag, looked up in the registry once: the per-event
   * counters are counted several times for every event.
   */
  private Counter counter(String name, String tag, String value) {
    return counters.computeIfAbsent(
        name + '\u0000' + tag + '\u0000' + value,
        k -> Counter.builder(name).tag(tag, value).register(registry));
  }
}
