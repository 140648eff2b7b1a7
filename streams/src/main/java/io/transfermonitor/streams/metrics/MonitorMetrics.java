package io.transfermonitor.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.MatchMethod;
import io.transfermonitor.model.RejectionStage;

/**
 * Counters of each stage, in a Micrometer registry: {@code tm.events.in}, {@code tm.events.valid},
 * {@code tm.events.rejected} (tag {@code stage}), {@code tm.events.duplicate} (tag {@code kind}),
 * {@code tm.alerts} (tags {@code rule}, {@code severity}), and for screening {@code
 * tm.screening.parties} (parties screened), {@code tm.screening.matches} (tags {@code method},
 * {@code retroactive}), {@code tm.screening.near.misses} (tag {@code method}: best matches below
 * the threshold, never alerted) and {@code tm.screening.rescreened} (designations past events were
 * rescreened against).
 */
public final class MonitorMetrics {

  private final MeterRegistry registry;

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

  public void rejected(RejectionStage stage) {
    counter("tm.events.rejected", "stage", stage.name()).increment();
  }

  public void duplicate(EventKind kind) {
    counter("tm.events.duplicate", "kind", kind.name()).increment();
  }

  public void alert(Alert alert) {
    Counter.builder("tm.alerts")
        .tag("rule", alert.getRuleId())
        .tag("severity", alert.getSeverity().name())
        .register(registry)
        .increment();
  }

  public void partiesScreened(int parties) {
    Counter.builder("tm.screening.parties").register(registry).increment(parties);
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

  private Counter counter(String name, String tag, String value) {
    return Counter.builder(name).tag(tag, value).register(registry);
  }
}
