package io.transfermonitor.bench;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one pass wrote and read, per topic of the run and per {@link TopicClass}, in total and per
 * input event: the difference of two {@link LogSnapshot}s of the run's topics (before and after the
 * pass) for offsets and bytes written, and the clients' own counts ({@link ClientTraffic}) for data
 * records written and for records and bytes read. A class's figures are the sums over its topics,
 * so the cost per stage and the cost per class of topic always add up to the same totals.
 *
 * <p>Offsets written count every record and every transaction marker (one control record per
 * partition a transaction wrote to, at each commit or abort); records written count data records
 * only, so offsets less records are the markers. Bytes written are what the brokers' logs grew by
 * (record batches with their headers, compressed, and the markers).
 *
 * @param inputEvents input records of the pass (the divisor of every per-event figure)
 * @param topics every topic the pass wrote or read, the most bytes written first
 */
public record PassCost(long inputEvents, List<TopicFlow> topics) {

  /**
   * Totals of one topic or of one class of topics.
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

  /**
   * One topic of the run and what the pass wrote to and read from it.
   *
   * @param topic the topic's full name
   * @param name its short name ({@link RunTopics#shortName}): for an internal topic, the stage
   * @param topicClass what it is for
   * @param flow what the pass wrote and read
   */
  public record TopicFlow(String topic, String name, TopicClass topicClass, Flow flow) {}

  /** Most bytes written first; then most records read, so the inputs lead the topics only read. */
  private static final Comparator<TopicFlow> LARGEST_FIRST =
      Comparator.comparingLong((TopicFlow t) -> t.flow().bytesWritten())
          .thenComparingLong(t -> t.flow().recordsWritten())
          .thenComparingLong(t -> t.flow().recordsRead())
          .reversed()
          .thenComparing(TopicFlow::topic);

  public PassCost {
    topics = topics.stream().sorted(LARGEST_FIRST).toList();
  }

  /**
   * The cost of a pass over {@code inputEvents} records that started at {@code before} and ended at
   * {@code after}, whose clients report {@code traffic}. A topic missing from {@code before} was
   * created during the pass (the monitor's internal topics) and counts from zero. Topics the pass
   * neither wrote nor read are left out.
   */
  public static PassCost of(
      long inputEvents,
      LogSnapshot before,
      LogSnapshot after,
      ClientTraffic traffic,
      RunTopics run) {
    Set<String> names = new HashSet<>(after.endOffsets().keySet());
    names.addAll(after.bytes().keySet());
    ClientTraffic named = traffic.named(names);
    names.addAll(named.recordsWritten().keySet());
    names.addAll(named.recordsRead().keySet());
    names.addAll(named.bytesRead().keySet());
    List<TopicFlow> topics =
        names.stream()
            .map(
                topic ->
                    new TopicFlow(
                        topic,
                        run.shortName(topic),
                        run.classOf(topic),
                        new Flow(
                            named.recordsWritten().getOrDefault(topic, 0L),
                            delta(before.endOffsets(), after.endOffsets(), topic),
                            delta(before.bytes(), after.bytes(), topic),
                            named.recordsRead().getOrDefault(topic, 0L),
                            named.bytesRead().getOrDefault(topic, 0L))))
            .filter(t -> !t.flow().equals(Flow.NONE))
            .toList();
    return new PassCost(inputEvents, topics);
  }

  /** A pass that measured no traffic (used where a figure is not available). */
  public static PassCost none(long inputEvents) {
    return new PassCost(inputEvents, List.of());
  }

  /** The totals of one class: the sums over its topics. */
  public Flow flow(TopicClass c) {
    return topics.stream()
        .filter(t -> t.topicClass() == c)
        .map(TopicFlow::flow)
        .reduce(Flow.NONE, Flow::plus);
  }

  /** The totals over every topic. */
  public Flow total() {
    return topics.stream().map(TopicFlow::flow).reduce(Flow.NONE, Flow::plus);
  }

  /** {@code figure} divided by the input events; 0 when there were none. */
  public double perEvent(long figure) {
    return inputEvents == 0 ? 0 : (double) figure / inputEvents;
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String topic) {
    return after.getOrDefault(topic, 0L) - before.getOrDefault(topic, 0L);
  }
}
