package io.transfermonitor.bench;

import io.transfermonitor.cli.ais.PlantedKind;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.VesselFindingKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The printed figures of the AIS workload ({@code bench --ais}): positions per second of the floor
 * and of the monitor with every stage on, what each wrote and read per AIS record by class of topic
 * and, for the monitor, per stage ({@link CostTable}), the findings against what was planted, and
 * the targets as PASS/MISS lines; the last line is always {@code ratio monitor/floor:
 * X.XX}.
 */
public final class AisBenchReport {

  /** The monitor must take at least this many positions per second (issue 23). */
  public static final double MIN_POSITIONS_PER_SECOND = 20_000;

  /** The monitor's positions per second must be at least this share of the floor's. */
  public static final double MIN_RATIO = 0.5;

  private final long commitIntervalMs;
  private final long positions;
  private final long voyages;
  private final Map<PlantedKind, Long> planted;
  private PassResult floor;
  private PassResult monitor;
  private AisOutcome outcome;

  /**
   * A report on a feed of {@code positions} positions and {@code voyages} voyage reports holding
   * {@code planted} truths.
   */
  public AisBenchReport(
      long commitIntervalMs, long positions, long voyages, Map<PlantedKind, Long> planted) {
    this.commitIntervalMs = commitIntervalMs;
    this.positions = positions;
    this.voyages = voyages;
    this.planted = Map.copyOf(planted);
  }

  public void floor(PassResult result) {
    this.floor = result;
  }

  public void monitor(PassResult result, AisOutcome found) {
    this.monitor = result;
    this.outcome = found;
  }

  /** Positions per second of {@code pass}: the positions of the feed over its wall time. */
  public double positionsPerSecond(PassResult pass) {
    return pass == null || pass.nanos() == 0 ? 0 : positions / pass.seconds();
  }

  /** The monitor's positions per second over the floor's; NaN when either is missing. */
  public double ratio() {
    if (floor == null || monitor == null || floor.nanos() == 0) {
      return Double.NaN;
    }
    return positionsPerSecond(monitor) / positionsPerSecond(floor);
  }

  /** The report's lines, the ratio last. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("results (AIS workload)");
    List<PassResult> passes = new ArrayList<>();
    for (PassResult pass : new PassResult[] {floor, monitor}) {
      if (pass == null) {
        continue;
      }
      passes.add(pass);
      out.add(
          f(
              "  %-8s %,12.0f positions/s, %s  (%,d positions and %,d voyage reports in %.1f s)"
                  + "  heap: peak used %s, peak after GC %s, live at end %s; GC %,d ms; state on"
                  + " disk %s, changelogs %s",
              pass.name(),
              positionsPerSecond(pass),
              CostTable.interval(pass.cadence()),
              positions,
              voyages,
              pass.seconds(),
              BenchReport.mib(pass.peakUsedBytes()),
              BenchReport.mib(pass.peakLiveBytes()),
              BenchReport.mib(pass.liveAtEndBytes()),
              pass.gcMillis(),
              BenchReport.mib(pass.stateBytes()),
              BenchReport.mib(pass.changelogBytes())));
    }
    if (outcome != null) {
      out.add(
          f(
              "  findings %,d encounters, %,d port calls, %,d dark periods, %,d identity anomalies"
                  + " (planted and complete in the feed: %,d encounters, %,d port calls, %,d dark"
                  + " gaps, %,d cloned MMSIs; background vessels add their own)",
              outcome.findings(VesselFindingKind.ENCOUNTER),
              outcome.findings(VesselFindingKind.PORT_CALL),
              outcome.findings(VesselFindingKind.DARK_PERIOD),
              outcome.findings(VesselFindingKind.IDENTITY_ANOMALY),
              planted(PlantedKind.ENCOUNTER),
              planted(PlantedKind.PORT_CALL),
              planted(PlantedKind.DARK_GAP),
              planted(PlantedKind.CLONED_MMSI)));
      out.add(
          f(
              "  events   %,d tanker deliveries and %,d vessel activities from the findings, read"
                  + " back by the monitor; %,d alerts",
              outcome.events(EventKind.TANKER_DELIVERY),
              outcome.events(EventKind.VESSEL_ACTIVITY),
              outcome.alerts()));
    }
    if (!passes.isEmpty()) {
      out.addAll(CostTable.commitLines(passes, commitIntervalMs));
      out.addAll(CostTable.costLines(passes, "AIS record"));
    }
    if (monitor != null && !monitor.cost().topics().isEmpty()) {
      out.addAll(CostTable.stageLines(monitor, "AIS record"));
    }
    out.add("targets");
    out.add(
        target(
            "monitor >= 20,000 positions/s",
            monitor == null ? null : positionsPerSecond(monitor) >= MIN_POSITIONS_PER_SECOND,
            monitor == null ? "not run" : f("%,.0f positions/s", positionsPerSecond(monitor))));
    double r = ratio();
    out.add(
        target(
            "monitor >= 50 % of the floor",
            Double.isNaN(r) ? null : r >= MIN_RATIO, f("%.0f %%", r * 100)));
    out.add(f("ratio monitor/floor: %.2f", r));
    return out;
  }

  /** Prints {@link #lines()}. */
  public void print(PrintStream out) {
    lines().forEach(out::println);
  }

  private long planted(PlantedKind kind) {
    return planted.getOrDefault(kind, 0L);
  }

  private static String target(String name, Boolean met, String figure) {
    String verdict = met == null ? "SKIP" : met ? "PASS" : "MISS";
    return f("  %-4s %s: %s", verdict, name, figure);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
