package io.transfermonitor.bench;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one pass wrote and read, per {@link TopicClass}, in total and per input event: the
 * difference of two {@link LogSnapshot}s of the run's topics (before and after the pass) for
 * offsets and bytes written, and the clients' own counts ({@link ClientTraffic}) for data records
 * written and for records and bytes read.
 *
 * <p>Offsets written count every record and every transaction marker (one control record per
 * partition a transaction wrote to, at each commit or abort); records written count data records
 * only, so offsets less records are the markers. Bytes written are what the brokers' logs grew by
 * (record batches with their headers, compressed, and the markers).
 *
 * @param inputEvents input records of the pass (the divisor of every per-event figure)
 * @param flows per class
 */
public record PassCost(long inputEvents, Map<TopicClass, Flow> flows) {

  /**
   * Totals of one class of topics.
   *
   * @param recordsWritten data records the producers wrote
   * @param offsetsWritten log end offsets advanced: records plus transaction markers
   * @param bytesWritten bytes the logs grew by
   * @param recordsRead records the consumers read
   * @param bytesRead bytes the consumers read
   */
  public record Flow(
      long recordsWritten,
      long offsetsWritten,
      long bytesWritten,
      long recordsRead,
      long bytesRead) {

    static final Flow NONE = new Flow(0, 0, 0, 0, 0);

    Flow plus(Flow o) {
      return new Flow(
          recordsWritten + o.recordsWritten,
          offsetsWritten + o.offsetsWritten,
          bytesWritten + o.bytesWritten,
          recordsRead + o.recordsRead,
          bytesRead + o.bytesRead);
    }

    /** Transaction markers (and records of aborted transactions) written. */
    public long markers() {
      return offsetsWritten - recordsWritten;
    }
  }

  public PassCost {
    Map<TopicClass, Flow> all = new EnumMap<>(TopicClass.class);
    for (TopicClass c : TopicClass.values()) {
      all.put(c, flows.getOrDefault(c, Flow.NONE));
    }
    flows = Map.copyOf(all);
  }

  /**
   * The cost of a pass over {@code inputEvents} records that started at {@code before} and ended at
   * {@code after}, whose clients report {@code traffic}. A topic missing from {@code before} was
   * created during the pass (the monitor's internal topics) and counts from zero.
   */
  public static PassCost of(
      long inputEvents,
      LogSnapshot before,
      LogSnapshot after,
      ClientTraffic traffic,
      Collection<String> inputTopics) {
    Set<String> topics = new HashSet<>(after.endOffsets().keySet());
    topics.addAll(after.bytes().keySet());
    ClientTraffic named = traffic.named(topics);
    topics.addAll(named.recordsWritten().keySet());
    topics.addAll(named.recordsRead().keySet());
    topics.addAll(named.bytesRead().keySet());
    Map<TopicClass, Flow> flows = new EnumMap<>(TopicClass.class);
    for (String topic : topics) {
      Flow flow =
          new Flow(
              named.recordsWritten().getOrDefault(topic, 0L),
              delta(before.endOffsets(), after.endOffsets(), topic),
              delta(before.bytes(), after.bytes(), topic),
              named.recordsRead().getOrDefault(topic, 0L),
              named.bytesRead().getOrDefault(topic, 0L));
      flows.merge(TopicClass.of(topic, inputTopics), flow, Flow::plus);
    }
    return new PassCost(inputEvents, flows);
  }

  /** A pass that measured no traffic (used where a figure is not available). */
  public static PassCost none(long inputEvents) {
    return new PassCost(inputEvents, Map.of());
  }

  /** The totals of one class. */
  public Flow flow(TopicClass c) {
    return flows.get(c);
  }

  /** The totals over every class. */
  public Flow total() {
    return List.of(TopicClass.values()).stream().map(flows::get).reduce(Flow.NONE, Flow::plus);
  }

  /** {@code figure} divided by the input events; 0 when there were none. */
  public double perEvent(long figure) {
    return inputEvents == 0 ? 0 : (double) figure / inputEvents;
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String topic) {
    return after.getOrDefault(topic, 0L) - before.getOrDefault(topic, 0L);
  }
}
