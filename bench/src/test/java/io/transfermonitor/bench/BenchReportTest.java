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
        0);
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
}
