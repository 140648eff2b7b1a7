package io.transfermonitor.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's printed figures and the comparison with its targets. Targets are printed as
 * {@code PASS} or {@code MISS} lines, never asserted; the last line is always {@code ratio
 * monitor/baseline: X.XX}.
 */
public final class BenchReport {

  /** Monitor throughput must be at least this share of the baseline's. */
  public static final double MIN_RATIO = 0.70;

  /** Ingest must read at least this many CSV rows per second. */
  public static final double MIN_INGEST_ROWS_PER_SECOND = 100_000;

  /** The live heap must stay below this many bytes. */
  public static final long MAX_HEAP_BYTES = 256L * 1024 * 1024;

  /** Frames listed by self and by inclusive samples in the profile. */
  static final int PROFILE_FRAMES = 25;

  private final long commitIntervalMs;
  private PassResult baseline;
  private PassResult streamsFloor;
  private PassResult monitor;
  private Percentiles visible;
  private Percentiles raised;
  private long latencySent;
  private Double ingestRowsPerSecond;
  private final List<String> notes = new ArrayList<>();
  private PassRecording.Profile profile;

  public BenchReport(long commitIntervalMs) {
    this.commitIntervalMs = commitIntervalMs;
  }

  public void baseline(PassResult result) {
    this.baseline = result;
  }

  /** The baseline's work as a Kafka Streams application ({@link StreamsFloorPass}). */
  public void streamsFloor(PassResult result) {
    this.streamsFloor = result;
  }

  public void monitor(PassResult result) {
    this.monitor = result;
  }

  /** Latencies of alerts raised by the probe's events, in ms. */
  public void latency(long sent, long[] visibleMillis, long[] raisedMillis) {
    this.latencySent = sent;
    this.visible = Percentiles.of(visibleMillis);
    this.raised = Percentiles.of(raisedMillis);
  }

  public void ingest(double rowsPerSecond) {
    this.ingestRowsPerSecond = rowsPerSecond;
  }

  /** The profile of the monitor pass ({@code --profile}), printed before the targets. */
  public void profile(PassRecording.Profile profile) {
    this.profile = profile;
  }

  /** A line printed with the results (e.g. why a figure is missing). */
  public void note(String note) {
    notes.add(note);
  }

  /** Monitor throughput over baseline throughput; NaN when either is missing. */
  public double ratio() {
    if (baseline == null || monitor == null || baseline.recordsPerSecond() == 0) {
      return Double.NaN;
    }
    return monitor.recordsPerSecond() / baseline.recordsPerSecond();
  }

  /** The report's lines, the ratio last. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("results");
    List<PassResult> passes = passes();
    for (PassResult pass : passes) {
      out.add(
          f(
              "  %-8s %,12.0f events/s, %s  (%,d records in %.1f s)  heap: peak used %s, peak"
                  + " after GC %s, live at end %s; GC %,d ms; state on disk %s, changelogs %s",
              pass.name(),
              pass.recordsPerSecond(),
              CostTable.interval(pass.cadence()),
              pass.records(),
              pass.seconds(),
              mib(pass.peakUsedBytes()),
              mib(pass.peakLiveBytes()),
              mib(pass.liveAtEndBytes()),
              pass.gcMillis(),
              mib(pass.stateBytes()),
              mib(pass.changelogBytes())));
    }
    if (visible != null && visible.count() > 0) {
      out.add(
          f(
              "  latency  event-to-alert visible (read_committed) p50 %,d ms, p99 %,d ms, max %,d"
                  + " ms; raised (processedAt) p50 %,d ms, p99 %,d ms; %,d alerts from %,d events",
              visible.at(50),
              visible.at(99),
              visible.max(),
              raised.at(50),
              raised.at(99),
              visible.count(),
              latencySent));
    }
    if (ingestRowsPerSecond != null) {
      out.add(f("  ingest   %,12.0f CSV rows/s", ingestRowsPerSecond));
    }
    notes.forEach(n -> out.add("  note: " + n));
    if (!passes.isEmpty()) {
      out.addAll(CostTable.commitLines(passes, commitIntervalMs));
      out.addAll(CostTable.costLines(passes, "input event"));
    }
    if (monitor != null && !monitor.cost().topics().isEmpty()) {
      out.addAll(CostTable.stageLines(monitor, "input event"));
    }
    if (profile != null) {
      out.addAll(profile.lines(PROFILE_FRAMES));
    }
    out.add("targets");
    out.add(target("monitor >= 70 % of baseline", ratioVerdict(), f("%.0f %%", ratio() * 100)));
    out.add(latencyTarget());
    out.add(
        target(
            "ingest >= 100,000 rows/s",
            ingestRowsPerSecond == null ? null : ingestRowsPerSecond >= MIN_INGEST_ROWS_PER_SECOND,
            ingestRowsPerSecond == null ? "not run" : f("%,.0f rows/s", ingestRowsPerSecond)));
    out.add(
        target(
            "heap < 256 MB (live at end of monitor pass, whole JVM)",
            monitor == null ? null : monitor.liveAtEndBytes() < MAX_HEAP_BYTES,
            monitor == null
                ? "not run"
                : f(
                    "%s (peak after GC %s, -Xmx %s)",
                    mib(monitor.liveAtEndBytes()),
                    mib(monitor.peakLiveBytes()),
                    mib(Runtime.getRuntime().maxMemory()))));
    if (streamsFloor != null && baseline != null && monitor != null) {
      out.add(
          f(
              "ratios: streams floor/baseline %.2f, monitor/streams floor %.2f",
              streamsFloor.recordsPerSecond() / baseline.recordsPerSecond(),
              monitor.recordsPerSecond() / streamsFloor.recordsPerSecond()));
    }
    out.add(f("ratio monitor/baseline: %.2f", ratio()));
    return out;
  }

  private List<PassResult> passes() {
    List<PassResult> passes = new ArrayList<>();
    if (baseline != null) {
      passes.add(baseline);
    }
    if (streamsFloor != null) {
      passes.add(streamsFloor);
    }
    if (monitor != null) {
      passes.add(monitor);
    }
    return passes;
  }

  private Boolean ratioVerdict() {
    double r = ratio();
    return Double.isNaN(r) ? null : r >= MIN_RATIO;
  }

  private String latencyTarget() {
    String name = f("p99 event-to-alert <= 2 x commit interval (%,d ms)", 2 * commitIntervalMs);
    if (visible == null || visible.count() == 0) {
      return target(name, null, "no alerts measured");
    }
    return target(name, visible.at(99) <= 2 * commitIntervalMs, f("%,d ms", visible.at(99)));
  }

  private static String target(String name, Boolean met, String figure) {
    String verdict = met == null ? "SKIP" : met ? "PASS" : "MISS";
    return f("  %-4s %s: %s", verdict, name, figure);
  }

  /** Prints {@link #lines()}. */
  public void print(PrintStream out) {
    lines().forEach(out::println);
  }

  static String mib(long bytes) {
    return f("%.1f MiB", bytes / 1024.0 / 1024.0);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
