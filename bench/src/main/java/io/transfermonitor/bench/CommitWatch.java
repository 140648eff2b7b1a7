package io.transfermonitor.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Samples, every {@value #SAMPLE_MILLIS} ms, how many commits each stream thread of some Kafka
 * Streams instances has made, as Kafka Streams counts them ({@code commit-total} of {@code
 * stream-thread-metrics}: one per commit of the thread's tasks, which under exactly_once_v2 is one
 * transaction), and keeps per thread the first and the last time its count changed. Those give the
 * mean interval between commits without the start-up before the first ({@link CommitCadence}); the
 * sampling puts each end off by at most one period.
 */
public final class CommitWatch implements AutoCloseable {

  static final long SAMPLE_MILLIS = 10;

  /**
   * When a committer's commit count was first and last seen to change.
   *
   * @param firstNanos {@code System.nanoTime()} of the first sample with a changed count
   * @param firstCount the count then
   * @param lastNanos {@code System.nanoTime()} of the last sample with a changed count
   * @param lastCount the count then
   */
  public record Span(long firstNanos, long firstCount, long lastNanos, long lastCount) {}

  private final List<KafkaStreams> instances;
  private final Map<MetricName, Metric> counters = new HashMap<>();
  private final Map<MetricName, Span> spans = new HashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private CommitWatch(List<KafkaStreams> instances) {
    this.instances = List.copyOf(instances);
    sampler = new Thread(this::sample, "bench-commit-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts watching the stream threads of {@code instances}. */
  public static CommitWatch start(List<KafkaStreams> instances) {
    return new CommitWatch(instances);
  }

  private void sample() {
    long lastLookup = 0;
    while (running) {
      long now = System.nanoTime();
      // threads register their metrics as they start; looking them up is the costly part
      if (now - lastLookup > 1_000_000_000L) {
        lookUp();
        lastLookup = now;
      }
      synchronized (this) {
        counters.forEach((name, metric) -> observe(name, count(metric), now));
      }
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void lookUp() {
    for (KafkaStreams streams : instances) {
      streams
          .metrics()
          .forEach(
              (name, metric) -> {
                if (name.group().equals("stream-thread-metrics")
                    && name.name().equals("commit-total")) {
                  synchronized (this) {
                    counters.putIfAbsent(name, metric);
                  }
                }
              });
    }
  }

  private void observe(MetricName name, long count, long now) {
    Span span = spans.get(name);
    if (span == null) {
      if (count > 0) {
        spans.put(name, new Span(now, count, now, count));
      }
    } else if (count != span.lastCount()) {
      spans.put(name, new Span(span.firstNanos(), span.firstCount(), now, count));
    }
  }

  /**
   * What the watched threads committed, as {@link CommitCadence} takes it from their {@code
   * commit-total}; {@code commitNanos}: their producers' time spent committing.
   */
  public CommitCadence cadence(long commitNanos) {
    return CommitCadence.ofSpans(
        commits(),
        spans(),
        commitNanos,
        "stream-thread-metrics commit-total, sampled every " + SAMPLE_MILLIS + " ms");
  }

  /** Commits counted by every thread so far. */
  public synchronized long commits() {
    lookUp();
    return counters.values().stream().mapToLong(CommitWatch::count).sum();
  }

  /** Per thread that committed, when its count first and last changed. */
  public synchronized List<Span> spans() {
    return new ArrayList<>(spans.values());
  }

  private static long count(Metric metric) {
    return metric.metricValue() instanceof Number n ? Math.round(n.doubleValue()) : 0;
  }

  /** Stops sampling. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.join();
  }
}
