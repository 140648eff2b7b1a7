package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.cli.TransferMonitor;
import io.transfermonitor.testkit.KafkaStack;
import io.transfermonitor.testkit.KafkaStackExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A small benchmark run on the real broker: both passes print how often they committed and what
 * they wrote and read per input event, with figures Kafka itself counted.
 */
@ExtendWith(KafkaStackExtension.class)
class BenchCommandIT {

  @Test
  void shouldPrintTheCommitCadenceAndTheCostPerEventOfBothPasses(
      KafkaStack stack, @TempDir Path work) {
    // given a cluster and a small workload
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    CommandLine cli =
        TransferMonitor.commandLine(
            new BenchCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)));

    // when
    int exit =
        cli.execute(
            "-b",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl(),
            "--events",
            "3000",
            "--skip-ingest",
            "--latency-seconds",
            "0",
            "--work-dir",
            work.toString());

    // then
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exit).isZero();
    assertThat(lines).contains("commits (commit interval 100 ms)");
    assertThat(lines)
        .anyMatch(l -> l.matches("  baseline +[\\d,]+ events/s, a commit every \\d+ ms .*"));
    assertThat(lines)
        .anyMatch(l -> l.matches("  monitor +[1-9][\\d,]* commits, a commit every \\d+ ms, .*"));
    // the baseline reads each input record once and writes it once, to its outputs
    assertThat(row(lines, "  baseline records written")).containsExactly(0, 0, 0, 1, 1);
    assertThat(row(lines, "           records read")).startsWith(1.0);
    double[] baselineBytes = row(lines, "           bytes written");
    assertThat(baselineBytes[3]).isGreaterThan(50);
    // the monitor writes to repartition and changelog topics too, and markers take offsets
    double[] monitorWrites = row(lines, "  monitor  records written");
    assertThat(monitorWrites[0]).isZero();
    assertThat(monitorWrites[1]).isGreaterThan(0.5);
    assertThat(monitorWrites[2]).isGreaterThan(0.5);
    // the rows of each pass in order: baseline, streams floor, monitor
    double[] monitorOffsets = rows(lines, "           offsets written").get(2);
    assertThat(monitorOffsets[4]).isGreaterThan(monitorWrites[4]);
    assertThat(rows(lines, "           records read").get(2)[0]).isEqualTo(1.0);
    // Kafka Streams doing the baseline's work reads and writes each input record once too
    assertThat(row(lines, "  streams  records written")).containsExactly(0, 0, 0, 1, 1);
    assertThat(rows(lines, "           records read").get(1)).containsExactly(1, 0, 0, 0, 1);
    // the monitor's stages: each internal topic by its stage name, adding up to the same totals
    int stages =
        lines.indexOf("cost per stage (monitor pass, per input event, most bytes written first)");
    assertThat(stages).isPositive();
    List<String> stageRows = lines.subList(stages + 2, lines.indexOf("targets"));
    assertThat(stageRows).anyMatch(l -> l.matches("  [a-z-]+ +repartition .*"));
    assertThat(stageRows).anyMatch(l -> l.matches("  [a-z-]+ +changelog .*"));
    assertThat(stageRows).noneMatch(l -> l.contains("bench-monitor-"));
    double[] stageTotal = row(stageRows, "  total");
    assertThat(stageTotal[0]).isEqualTo(monitorWrites[4]);
    assertThat(stageTotal[3]).isEqualTo(rows(lines, "           bytes read").get(2)[4]);
  }

  @Test
  void shouldMeasureTheAisWorkloadThroughTheFloorAndTheMonitorAndCountItsFindings(
      KafkaStack stack, @TempDir Path work) {
    // given a cluster and a short AIS feed
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    CommandLine cli =
        TransferMonitor.commandLine(
            new BenchCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)));

    // when
    int exit =
        cli.execute(
            "-b",
            stack.bootstrapServers(),
            "--schema-registry-url",
            stack.schemaRegistryUrl(),
            "--ais",
            "--positions",
            "20000",
            "--ais-vessels",
            "300",
            "--work-dir",
            work.toString());

    // then both passes read every position once, and the monitor found what was planted early on
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exit).isZero();
    assertThat(lines)
        .anyMatch(l -> l.matches("  floor +[\\d,]+ positions/s, .*\\(20,000 positions and .*"));
    assertThat(lines)
        .anyMatch(l -> l.matches("  monitor +[\\d,]+ positions/s, .*\\(20,000 positions and .*"));
    assertThat(row(lines, "  floor    records written")).containsExactly(0, 0, 0, 1, 1);
    assertThat(rows(lines, "           records read").get(1)[0]).isEqualTo(1.0);
    String findings =
        lines.stream().filter(l -> l.startsWith("  findings ")).findFirst().orElseThrow();
    assertThat(findings).doesNotStartWith("  findings 0 encounters, 0 port calls");
    assertThat(lines).anyMatch(l -> l.startsWith("cost per stage (monitor pass, per AIS record"));
    assertThat(lines).anyMatch(l -> l.matches("  (PASS|MISS) monitor >= 20,000 positions/s: .*"));
    assertThat(lines.get(lines.size() - 1)).matches("ratio monitor/floor: \\d+\\.\\d\\d");
  }

  private static double[] row(List<String> lines, String label) {
    return rows(lines, label).get(0);
  }

  /** The figures of every row starting with {@code label}: input .. output, total. */
  private static List<double[]> rows(List<String> lines, String label) {
    return lines.stream()
        .filter(l -> l.startsWith(label))
        .map(
            l ->
                Arrays.stream(l.substring(label.length()).trim().split(" +"))
                    .mapToDouble(Double::parseDouble)
                    .toArray())
        .toList();
  }
}
