package io.transfermonitor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The report's lines on what the passes' commits and writes cost: per pass how often it actually
 * committed ({@link CommitCadence}), per input event the records and bytes it wrote and read in
 * each {@link TopicClass} ({@link PassCost}), and for the monitor the same per topic (per stage).
 */
final class CostTable {

  private static final List<Row> ROWS =
      List.of(
          new Row("records written", PassCost.Flow::recordsWritten, "%.2f"),
          new Row("offsets written", PassCost.Flow::offsetsWritten, "%.2f"),
          new Row("bytes written", PassCost.Flow::bytesWritten, "%.0f"),
          new Row("records read", PassCost.Flow::recordsRead, "%.2f"),
          new Row("bytes read", PassCost.Flow::bytesRead, "%.0f"));

  /** The cost-per-stage columns: what the issue asked for, without the transaction markers. */
  private static final List<Row> STAGE_ROWS =
      List.of(ROWS.get(0), ROWS.get(2), ROWS.get(3), ROWS.get(4));

  private record Row(String label, ToLongFunction<PassCost.Flow> figure, String format) {}

  private CostTable() {}

  /** The mean interval between commits, short, for the pass's results line. */
  static String interval(CommitCadence cadence) {
    double mean = cadence.meanIntervalMillis();
    return Double.isNaN(mean) ? "fewer than 2 commits" : f("a commit every %,.0f ms", mean);
  }

  /** The commits section: one line per pass. */
  static List<String> commitLines(List<PassResult> passes, long commitIntervalMs) {
    List<String> out = new ArrayList<>();
    out.add(f("commits (commit interval %,d ms)", commitIntervalMs));
    for (PassResult pass : passes) {
      CommitCadence c = pass.cadence();
      String spread =
          c.timed() == null || c.timed().count() == 0
              ? ""
              : f(" (p50 %,d ms, p99 %,d ms)", c.timed().at(50), c.timed().at(99));
      out.add(
          f(
              "  %-8s %,7d commits, %s%s, %.1f ms producer time per commit; from %s",
              pass.name(), c.commits(), interval(c), spread, c.commitMillis(), c.source()));
    }
    return out;
  }

  /**
   * The cost section: per pass, one row per figure, one column per class of topic and the total;
   * {@code per} names what the figures are divided by ("input event", "AIS record").
   */
  static List<String> costLines(List<PassResult> passes, String per) {
    List<String> out = new ArrayList<>();
    StringBuilder head = new StringBuilder(f("%-27s", "cost per " + per));
    for (TopicClass c : TopicClass.values()) {
      head.append(f(" %12s", c.label()));
    }
    out.add(head.append(f(" %12s", "total")).toString());
    for (PassResult pass : passes) {
      PassCost cost = pass.cost();
      for (int i = 0; i < ROWS.size(); i++) {
        Row row = ROWS.get(i);
        StringBuilder line =
            new StringBuilder(f("  %-8s %-16s", i == 0 ? pass.name() : "", row.label));
        for (TopicClass c : TopicClass.values()) {
          line.append(cell(cost, row, cost.flow(c)));
        }
        out.add(line.append(cell(cost, row, cost.total())).toString());
      }
    }
    return out;
  }

  /**
   * The cost per stage of one pass: one row per topic it wrote or read, the most bytes written
   * first, with its short name (an internal topic's stage) and class, then the totals, which are
   * those of the cost section; {@code per} as for {@link #costLines}.
   */
  static List<String> stageLines(PassResult pass, String per) {
    PassCost cost = pass.cost();
    int width = "total".length();
    for (PassCost.TopicFlow topic : cost.topics()) {
      width = Math.max(width, topic.name().length());
    }
    String nameColumn = "  %-" + width + "s";
    List<String> out = new ArrayList<>();
    out.add(f("cost per stage (%s pass, per %s, most bytes written first)", pass.name(), per));
    out.add(
        f(nameColumn, "topic")
            + f(" %-12s", "class")
            + STAGE_ROWS.stream().map(r -> f(" %15s", r.label)).reduce("", String::concat));
    for (PassCost.TopicFlow topic : cost.topics()) {
      out.add(
          f(nameColumn, topic.name())
              + f(" %-12s", topic.topicClass().label())
              + stageCells(cost, topic.flow()));
    }
    out.add(f(nameColumn, "total") + f(" %-12s", "") + stageCells(cost, cost.total()));
    return out;
  }

  private static String stageCells(PassCost cost, PassCost.Flow flow) {
    StringBuilder cells = new StringBuilder();
    for (Row row : STAGE_ROWS) {
      cells.append(f(" %15s", f(row.format, cost.perEvent(row.figure.applyAsLong(flow)))));
    }
    return cells.toString();
  }

  private static String cell(PassCost cost, Row row, PassCost.Flow flow) {
    return f(" %12s", f(row.format, cost.perEvent(row.figure.applyAsLong(flow))));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
