package io.transfermonitor.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.transfermonitor.cli.WatchedMonitor.DashboardAddress;
import io.transfermonitor.cli.kafka.TargetCluster;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.config.MonitorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How {@code run} and {@code demo} start the monitor on a cluster: the topics, then the monitor
 * with its dashboard (its state kept under a directory of the command's choosing), stopped with
 * everything else the command started, in reverse order, and a wait until it runs.
 */
final class MonitorLaunch {

  /** How long a monitor may take to join its group and restore its stores. */
  static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  private final ShutdownSequence shutdown;
  private final TargetCluster cluster;

  private MonitorLaunch(ShutdownSequence shutdown, TargetCluster cluster) {
    this.shutdown = shutdown;
    this.cluster = cluster;
  }

  /** A launch on {@code cluster}, which the sequence stops last. */
  static MonitorLaunch on(ShutdownSequence shutdown, TargetCluster cluster) {
    return new MonitorLaunch(shutdown, cluster);
  }

  /** Creates the monitor's topics that are missing. */
  MonitorLaunch createTopics(Topics topics, TopicLayout layout) {
    cluster.createTopics(topics, layout);
    return this;
  }

  /**
   * Starts the monitor and, when an address is given, its dashboard; both stop with the sequence.
   * Returns at once: {@link #awaitRunning} waits for it.
   */
  WatchedMonitor start(
      MonitorConfig config,
      Path stateDir,
      Optional<DashboardAddress> dashboard,
      PrometheusMeterRegistry meters) {
    Properties props = cluster.streamsProperties();
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
    return shutdown.add(
        WatchedMonitor.start(cluster.clientProperties(), props, config, dashboard, meters));
  }

  /** Waits until the monitor runs (it has joined its group and restored its stores). */
  static void awaitRunning(WatchedMonitor monitor) {
    monitor.app().awaitRunning(START_TIMEOUT);
  }
}
