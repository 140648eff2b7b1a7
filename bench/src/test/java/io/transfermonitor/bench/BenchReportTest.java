package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {

  private static final long MIB = 1024 * 1024;

  private static PassResult pass(String name, long records, double seconds, long liveMib) {
    return new PassResult(
        name,
        records,
        (long) (seconds * 1e9),
        2 * liveMib * MIB,
        liveMib * MIB,
        liveMib * MIB,
        10,
        0,
        0,
        CommitCadence.ofCommitTimes(List.of(), 0, "nothing"),
        PassCost.none(records));
  }

  private static PassCost.TopicFlow topic(
      String name,
      TopicClass c,
      long records,
      long offsets,
      long bytes,
      long read,
      long bytesRead) {
    return new PassCost.TopicFlow(
        "bench-r." + name, name, c, new PassCost.Flow(records, offsets, bytes, read, bytesRead));
  }

  @Test
  void shouldEndWithTheRatioOfMonitorToBaselineThroughput() {
    // given baseline 100,000 events/s and monitor 80,000 events/s
    BenchReport report = new BenchReport(100);
    report.baseline(pass("baseline", 1_000_000, 10, 60));
    report.monitor(pass("monitor", 1_000_000, 12.5, 120));

    // when
    List<String> lines = report.lines();

    // then
    assertThat(lines.get(lines.size() - 1)).isEqualTo("ratio monitor/baseline: 0.80");
    assertThat(lines).anyMatch(l -> l.startsWith("  PASS monitor >= 70 % of baseline: 80 %"));
    assertThat(lines).anyMatch(l -> l.startsWith("  PASS heap < 256 MB"));
  }

  @Test
  void shouldSplitTheDistanceAtTheStreamsFloor() {
    // given baseline 100,000 events/s, Kafka Streams doing the same 50,000, the monitor 20,000
    BenchReport report = new BenchReport(100);
    report.baseline(pass("baseline", 1_000_000, 10, 60));
    report.streamsFloor(pass("streams", 1_000_000, 20, 60));
    report.monitor(pass("monitor", 1_000_000, 50, 120));

    // when
    List<String> lines = report.lines();

    // then the three passes are listed in order in the results, and the ratio of each step
    assertThat(
            lines.stream().filter(l -> l.matches("  (baseline|streams|monitor) .* events/s, .*")))
        .extracting(l -> l.trim().split(" ")[0])
        .containsExactly("baseline", "streams", "monitor");
    assertThat(lines).contains("ratios: streams floor/baseline 0.50, monitor/streams floor 0.40");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("ratio monitor/baseline: 0.20");
  }

  @Test
  void shouldMarkMissedTargetsAsMiss() {
    // given a slow monitor, slow alerts, a big heap and slow ingest
    BenchReport report = new BenchReport(100);
    report.baseline(pass("baseline", 1_000_000, 10, 60));
    report.monitor(pass("monitor", 1_000_000, 20, 300));
    report.latency(10, new long[] {150, 180, 250}, new long[] {5, 6, 7});
    report.ingest(50_000);

    // when
    List<String> lines = report.lines();

    // then
    assertThat(lines).anyMatch(l -> l.startsWith("  MISS monitor >= 70 % of baseline: 50 %"));
    assertThat(lines).anyMatch(l -> l.startsWith("  MISS p99 event-to-alert <= 2 x commit"));
    assertThat(lines).anyMatch(l -> l.startsWith("  MISS ingest >= 100,000 rows/s"));
    assertThat(lines).anyMatch(l -> l.startsWith("  MISS heap < 256 MB"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("ratio monitor/baseline: 0.50");
  }

  @Test
  void shouldSayWhatWasNotMeasuredRatherThanPassIt() {
    BenchReport report = new BenchReport(100);
    report.baseline(pass("baseline", 1_000_000, 10, 60));
    report.monitor(pass("monitor", 1_000_000, 10, 60));

    List<String> lines = report.lines();

    assertThat(lines).anyMatch(l -> l.startsWith("  SKIP p99 event-to-alert"));
    assertThat(lines).anyMatch(l -> l.startsWith("  SKIP ingest"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("ratio monitor/baseline: 1.00");
  }

  @Test
  void shouldShowTheCommitCadenceNextToEventsPerSecondAndTheCostPerEvent() {
    // given a monitor that committed 5 times 200 ms apart and wrote 3 records per event
    long ms = 1_000_000;
    CommitCadence cadence =
        CommitCadence.ofCommitTimes(
            List.of(new long[] {0, 200 * ms, 400 * ms, 600 * ms, 800 * ms}), 50 * ms, "timed");
    PassCost cost =
        new PassCost(
            1_000,
            List.of(
                topic("tm.events.payment", TopicClass.INPUT, 0, 0, 0, 1_000, 150_000),
                topic("facts-by-rule", TopicClass.REPARTITION, 1_000, 1_010, 90_000, 1_000, 80_000),
                topic("ledgers", TopicClass.CHANGELOG, 1_500, 1_505, 120_000, 0, 0),
                topic("tm.alerts", TopicClass.OUTPUT, 500, 505, 60_000, 0, 0)));
    PassResult monitor =
        new PassResult("monitor", 1_000, (long) 1e9, MIB, MIB, MIB, 1, 0, 0, cadence, cost);
    BenchReport report = new BenchReport(100);
    report.monitor(monitor);

    // when
    List<String> lines = report.lines();

    // then
    assertThat(lines)
        .anyMatch(l -> l.startsWith("  monitor         1,000 events/s, a commit every 200 ms  ("));
    assertThat(lines)
        .contains(
            "commits (commit interval 100 ms)",
            "  monitor        5 commits, a commit every 200 ms (p50 200 ms, p99 200 ms), 10.0 ms"
                + " producer time per commit; from timed",
            "cost per input event               input  repartition    changelog       output"
                + "        total",
            "  monitor  records written          0.00         1.00         1.50         0.50"
                + "         3.00",
            "           offsets written          0.00         1.01         1.51         0.51"
                + "         3.02",
            "           bytes written               0           90          120           60"
                + "          270",
            "           records read             1.00         1.00         0.00         0.00"
                + "         2.00",
            "           bytes read                150           80            0            0"
                + "          230");
  }

  @Test
  void shouldListTheMonitorsStagesByBytesWrittenWithTheTotalsOfTheCostSection() {
    // given a monitor pass whose changelog grew most, then a repartition topic and the alerts
    PassCost cost =
        new PassCost(
            1_000,
            List.of(
                topic("tm.events.payment", TopicClass.INPUT, 0, 0, 0, 1_000, 150_000),
                topic("tm.alerts", TopicClass.OUTPUT, 500, 505, 60_000, 0, 0),
                topic("screened-events", TopicClass.CHANGELOG, 1_500, 1_505, 120_000, 0, 0),
                topic(
                    "facts-by-rule", TopicClass.REPARTITION, 1_000, 1_010, 90_000, 1_000, 80_000)));
    BenchReport report = new BenchReport(100);
    report.baseline(pass("baseline", 1_000, 1, 60));
    report.monitor(
        new PassResult(
            "monitor",
            1_000,
            (long) 1e9,
            MIB,
            MIB,
            MIB,
            1,
            0,
            0,
            CommitCadence.ofCommitTimes(List.of(), 0, "nothing"),
            cost));

    // when
    List<String> lines = report.lines();

    // then one section, for the monitor only, before the targets
    int at =
        lines.indexOf("cost per stage (monitor pass, per input event, most bytes written first)");
    assertThat(at).isPositive().isLessThan(lines.indexOf("targets"));
    assertThat(lines.subList(at + 1, at + 7))
        .containsExactly(
            "  topic             class        records written   bytes written    records read"
                + "      bytes read",
            "  screened-events   changelog               1.50             120            0.00"
                + "               0",
            "  facts-by-rule     repartition             1.00              90            1.00"
                + "              80",
            "  tm.alerts         output                  0.50              60            0.00"
                + "               0",
            "  tm.events.payment input                   0.00               0            1.00"
                + "             150",
            "  total                                     3.00             270            2.00"
                + "             230");
    assertThat(lines).filteredOn(l -> l.startsWith("cost per stage")).hasSize(1);
  }
}
