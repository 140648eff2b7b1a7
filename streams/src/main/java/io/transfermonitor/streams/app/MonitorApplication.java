package io.transfermonitor.streams.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.errors.RecordBudget;
import io.transfermonitor.streams.errors.RejectedRecordHandler;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import io.transfermonitor.streams.topology.MonitorTopology;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link MonitorTopology} with Kafka Streams on the {@link StreamsProperties}:
 * exactly-once ({@code exactly_once_v2}), undecodable and unprocessable records routed to the
 * rejected topic by {@link RejectedRecordHandler}, an explicit state directory, stage counters and
 * Kafka Streams' own metrics in a Micrometer registry (Prometheus unless one is passed in).
 *
 * <p>{@code kafkaProps} carries {@code bootstrap.servers}, {@code schema.registry.url}, optionally
 * {@code state.dir} (default {@code ./tm-data/streams}) and any Kafka client or Streams override;
 * the processing guarantee, the application id and the handlers are always the monitor's own.
 */
public final class MonitorApplication implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorApplication.class);

  private final KafkaStreams streams;
  private final MeterRegistry meters;
  private final MonitorMetrics metrics;
  private final KafkaStreamsMetrics streamsMetrics;
  private final CountDownLatch running = new CountDownLatch(1);
  private final AtomicReference<KafkaStreams.State> lastState = new AtomicReference<>();
  private final RepeatedFailures failures = new RepeatedFailures();
  private final StaticMembers staticMembers;
  private volatile long startedAt = System.nanoTime();

  private MonitorApplication(Properties kafkaProps, MonitorConfig config, MeterRegistry meters) {
    this.meters = meters;
    this.metrics = new MonitorMetrics(meters);
    config = PartitionCounts.fromTopics(kafkaProps, config);
    Properties props = StreamsProperties.of(kafkaProps, config, metrics);
    // the registry's credentials and TLS stores travel in the same properties
    Map<String, Object> configs = new HashMap<>();
    props.forEach((key, value) -> configs.put(key.toString(), value));
    Duration rideOut = registryRideOut(props);
    SchemaRegistryClient registry =
        SchemaRegistryClients.forUrl(
            props.getProperty(AvroSerdeConfig.SCHEMA_REGISTRY_URL),
            configs,
            endpoint -> endpoint.withRetriesFor(rideOut).withRequestTimeout(rideOut.dividedBy(4)));
    if (!Boolean.parseBoolean(
        String.valueOf(props.get(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG)))) {
      UncleanStopState.clear(
          Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG)), config.applicationId());
    }
    StableProcessId.ensure(
        Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG)),
        config.applicationId(),
        config.instanceId());
    this.staticMembers =
        config.instanceId().isEmpty()
            ? null
            : new StaticMembers(props, config.applicationId(), config.instanceId());
    if (staticMembers != null) {
      staticMembers.removeStale(
          Integer.parseInt(
              props.getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1").toString()));
    }
    this.streams =
        new KafkaStreams(
            MonitorTopology.build(config, registry, metrics, RecordBudget.of(configs)), props);
    streams.setGlobalStateRestoreListener(new RestoreProgress(Duration.ofSeconds(5)));
    streams.setStateListener(
        (now, before) -> {
          lastState.set(now);
          if (now == KafkaStreams.State.RUNNING && running.getCount() > 0) {
            // the first time: how long a start (or a restart after a crash) took, all included
            long sinceStart =
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info(
                "monitor {} -> {}, {} s after the process started ({} s in Kafka Streams' start:"
                    + " joining the group, restoring state)",
                before,
                now,
                String.format(Locale.ROOT, "%.1f", sinceStart / 1000.0),
                String.format(
                    Locale.ROOT, "%.1f", (System.nanoTime() - startedAt) / 1_000_000_000.0));
          } else {
            LOG.info("monitor {} -> {}", before, now);
          }
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    StuckRecordReport stuck =
        new StuckRecordReport(props, config.topics().rejected(), registry, metrics);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("stream thread failed; replacing it", e);
          metrics.threadFailed();
          if (staticMembers != null) {
            staticMembers.removeWhenEnded(Thread.currentThread());
          }
          failures.failed(e).ifPresent(where -> stuck.report(where, failures.times(), e));
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(meters);
  }

  /**
   * How long a stream thread keeps retrying a registry call (a record of a schema it has not seen
   * yet while the registry restarts) before it fails: two thirds of the producer's transaction
   * timeout, so that the open transaction is not aborted under it (20 s by default). A thread that
   * fails instead is replaced, which costs the group a rebalance.
   */
  static Duration registryRideOut(Properties props) {
    Object timeout =
        props.get(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG));
    if (timeout == null) {
      timeout = props.get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
    }
    long millis =
        timeout == null
            ? StreamsProperties.TRANSACTION_TIMEOUT.toMillis()
            : Long.parseLong(timeout.toString().strip());
    return Duration.ofMillis(Math.max(1_000, millis * 2 / 3));
  }

  /** Starts the monitor, with its metrics in a new Prometheus registry. */
  public static MonitorApplication start(Properties kafkaProps, MonitorConfig config) {
    return start(kafkaProps, config, MonitorMeters.prometheus());
  }

  /** Starts the monitor, with its metrics in {@code meters}. */
  public static MonitorApplication start(
      Properties kafkaProps, MonitorConfig config, MeterRegistry meters) {
    MonitorApplication app = new MonitorApplication(kafkaProps, config, meters);
    app.startedAt = System.nanoTime();
    app.streams.start();
    return app;
  }

  /**
   * Waits until the monitor is RUNNING.
   *
   * @throws IllegalStateException when it is not running within {@code timeout}, naming its state
   */
  public void awaitRunning(Duration timeout) {
    try {
      if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "monitor not RUNNING after " + timeout + " (state " + streams.state() + ")");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the monitor", e);
    }
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** The registry holding the stage counters and Kafka Streams metrics. */
  public MeterRegistry meters() {
    return meters;
  }

  /** The monitor's own meters (stage counters, alert latency, cap gauges), in {@link #meters()}. */
  public MonitorMetrics metrics() {
    return metrics;
  }

  /** Stops processing, commits, and releases the state directory. */
  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    streamsMetrics.close();
    if (staticMembers != null) {
      staticMembers.close();
    }
  }
}
