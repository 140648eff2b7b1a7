package io.transfermonitor.bench;

import io.transfermonitor.cli.kafka.GroupCommitProgress;
import io.transfermonitor.cli.kafka.TargetCluster;
import io.transfermonitor.model.Rule;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.app.MonitorApplication;
import io.transfermonitor.streams.config.MonitorConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The monitor over the benchmark's input: {@code instances} {@link MonitorApplication}s (one stream
 * thread each, exactly_once_v2, the benchmark's commit interval) in one application id, each with
 * its own state directory. Timed from start until the application id has committed every input
 * offset; the state on disk is measured then. The applications keep running until {@link #close} so
 * the latency probe can measure the caught-up monitor.
 */
public final class MonitorPass implements AutoCloseable {

  private final TargetCluster cluster;
  private final MonitorConfig base;
  private final Topics topics;
  private final Path stateRoot;
  private final long commitIntervalMs;
  private final List<MonitorApplication> apps = new ArrayList<>();

  /**
   * {@code base}: the monitor's configuration from the settings ({@code tm.*}); the pass replaces
   * its topics, application id and commit interval with the run's.
   */
  public MonitorPass(
      TargetCluster cluster,
      MonitorConfig base,
      Topics topics,
      Path stateRoot,
      long commitIntervalMs) {
    this.cluster = cluster;
    this.base = base;
    this.topics = topics;
    this.stateRoot = stateRoot;
    this.commitIntervalMs = commitIntervalMs;
  }

  /** The rules to publish: {@code base}, plus {@link SyntheticRules} up to {@code total}. */
  public static List<Rule> ruleSet(List<Rule> base, Integer total) {
    List<Rule> rules = new ArrayList<>(base);
    if (total != null && total > rules.size()) {
      rules.addAll(SyntheticRules.of(total - rules.size()));
    }
    return rules;
  }

  /**
   * Starts the instances and waits until every input record is committed; {@code recording} records
   * from just before the instances start until then.
   */
  public PassResult run(
      int instances,
      GroupCommitProgress progress,
      CostMeter meter,
      String appId,
      PassRecording recording,
      PrintStream out)
      throws InterruptedException {
    MonitorConfig config =
        base.toBuilder()
            .topics(topics)
            .applicationId(appId)
            .commitInterval(Duration.ofMillis(commitIntervalMs))
            .build();
    out.printf(
        "monitor: %d instance(s) of %s, exactly_once_v2, commit interval %d ms%n",
        instances, appId, commitIntervalMs);
    LogSnapshot before = meter.snapshot();
    try (HeapWatch heap = HeapWatch.start()) {
      recording.start();
      long start = System.nanoTime();
      for (int i = 0; i < instances; i++) {
        apps.add(MonitorApplication.start(kafkaProps(i), config));
      }
      CommitWatch commits =
          CommitWatch.start(apps.stream().map(MonitorApplication::streams).toList());
      boolean done;
      long nanos;
      try (commits) {
        done = progress.awaitDone(appId, Duration.ofMinutes(30), this::healthy, out);
        nanos = System.nanoTime() - start;
      } finally {
        recording.stop();
      }
      if (!done) {
        throw new IllegalStateException(
            "monitor did not finish: states "
                + apps.stream().map(a -> a.streams().state()).toList());
      }
      ClientTraffic traffic = traffic();
      CostMeter.Measured measured = meter.since(before, progress.inputRecords(), traffic);
      return PassResult.of(
          "monitor",
          progress.inputRecords(),
          nanos,
          heap,
          heap.liveNowBytes(),
          DiskUsage.bytesUnder(stateRoot),
          measured,
          commits.cadence(traffic.commitNanos()));
    }
  }

  private ClientTraffic traffic() {
    return apps.stream()
        .map(a -> ClientTraffic.of(a.streams().metrics()))
        .reduce(ClientTraffic.none(), ClientTraffic::plus);
  }

  private boolean healthy() {
    for (MonitorApplication app : apps) {
      KafkaStreams.State state = app.streams().state();
      if (state == KafkaStreams.State.ERROR
          || state == KafkaStreams.State.PENDING_ERROR
          || state == KafkaStreams.State.NOT_RUNNING) {
        return false;
      }
    }
    return true;
  }

  private Properties kafkaProps(int instance) {
    Properties props = cluster.streamsProperties();
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve("instance-" + instance).toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    return props;
  }

  /** Stops every instance. */
  @Override
  public void close() {
    apps.forEach(MonitorApplication::close);
    apps.clear();
  }
}
