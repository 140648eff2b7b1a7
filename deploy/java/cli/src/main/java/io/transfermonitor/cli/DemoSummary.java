package io.transfermonitor.cli;

import io.transfermonitor.cli.format.CaseFormat;
import io.transfermonitor.cli.format.ComponentTable;
import io.transfermonitor.cli.format.GapSummary;
import io.transfermonitor.cli.kafka.AggregateSnapshot;
import io.transfermonitor.cli.kafka.TopicEnds;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.ReportingGap;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.producers.ais.AisSummary;
import io.transfermonitor.producers.scenario.ReplayResult;
import io.transfermonitor.schemas.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@code demo --once} prints at the end: the cases as they stand, then a summary of what went
 * in (events, rejections) and what came out (alerts by rule and severity, cases, notifications, AIS
 * findings, the reporting gaps' cap totals).
 */
final class DemoSummary {

  private final PrintWriter out;
  private final Map<String, Object> client;
  private final Topics topics;
  private final Duration timeout;

  DemoSummary(PrintWriter out, Map<String, Object> client, Topics topics, Duration timeout) {
    this.out = out;
    this.client = client;
    this.topics = topics;
    this.timeout = timeout;
  }

  /**
   * Prints the cases and the summary; {@code caseStates} are every case record read, the latest of
   * each case id counting.
   */
  void print(
      ReplayResult replay,
      List<Alert> alerts,
      List<Case> caseStates,
      int notifications,
      AisSummary ais,
      long nanos) {
    long rejected;
    try (TopicEnds ends = new TopicEnds(client)) {
      rejected = ends.recordCount(topics.rejected());
    }
    Collection<Case> latest = latestById(caseStates);
    printCases(latest);
    printSummary(
        replay,
        rejected,
        alerts,
        latest.size(),
        notifications,
        DemoAis.summary(
            ais.positions(),
            AggregateSnapshot.read(client, topics.aisFindings(), VesselFinding.class, timeout)
                .values()),
        nanos);
    ComponentTable.lines(alerts).forEach(out::println);
    printGaps(
        topics.reportingGaps(),
        AggregateSnapshot.read(client, topics.reportingGaps(), ReportingGap.class, timeout));
  }

  /** The latest state of each case, by case id. */
  private static Collection<Case> latestById(List<Case> states) {
    Map<String, Case> latest = new TreeMap<>();
    states.forEach(c -> latest.put(c.getCaseId(), c));
    return latest.values();
  }

  private void printCases(Collection<Case> cases) {
    out.println();
    out.println(CaseFormat.tableHeader());
    cases.forEach(c -> out.println(CaseFormat.tableRow(c)));
  }

  private void printSummary(
      ReplayResult replay,
      long rejected,
      List<Alert> alerts,
      int cases,
      int notifications,
      String aisLine,
      long nanos) {
    out.println();
    out.printf("Summary (%.1f s)%n", nanos / 1e9);
    out.printf("  events in      %d%n", replay.produced());
    out.printf("  rejected       %d%n", rejected + replay.rejected());
    out.printf("  alerts         %d%n", alerts.size());
    Map<String, Map<String, Long>> byRule =
        alerts.stream()
            .collect(
                Collectors.groupingBy(
                    Alert::getRuleId,
                    TreeMap::new,
                    Collectors.groupingBy(
                        a -> a.getSeverity().toString(), TreeMap::new, Collectors.counting())));
    byRule.forEach((rule, bySeverity) -> out.printf("    %-40s %s%n", rule, bySeverity));
    out.printf("  cases          %d%n", cases);
    out.printf("  notifications  %d%n", notifications);
    out.printf("  ais            %s%n", aisLine);
    out.flush();
  }

  /** The cap totals each reporting gap compares, as the aggregate topic ends. */
  private void printGaps(String topic, Map<String, ReportingGap> gaps) {
    out.printf("  reporting gaps (%s)%n", topic);
    gaps.values().forEach(gap -> out.printf("    %s%n", GapSummary.line(gap)));
    out.flush();
  }
}
