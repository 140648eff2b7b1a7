package io.transfermonitor.streams.app;

import io.transfermonitor.schemas.serde.AvroSerdeConfig;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.errors.RejectedRecordHandler;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties the monitor runs with, the same for the application and for the
 * topology tests: the user's Kafka properties, then what the monitor always sets itself
 * (exactly-once, application id, the rejected-record handler for undecodable and unprocessable
 * records, its topics and metrics), and the static membership id when {@code tm.instance.id} names
 * one. No default serdes: every node names its own.
 */
public final class StreamsProperties {

  /** The codec of the monitor's producer unless the Kafka properties name one. */
  static final String COMPRESSION = "lz4";

  /** The producers' transaction timeout unless a setting names one. */
  static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(30);

  /** The producers' first retry backoff unless a setting names one. */
  public static final Duration RETRY_BACKOFF = Duration.ofMillis(20);

  /**
   * How long the global and restore consumers' fetches wait for data unless a setting says
   * otherwise (Kafka's 500 ms by default).
   */
  static final Duration CATCH_UP_FETCH_WAIT = Duration.ofMillis(100);

  /** State directory used when the Kafka properties name none. */
  public static final Path DEFAULT_STATE_DIR = Path.of("tm-data", "streams");

  private StreamsProperties() {}

  /**
   * The monitor's streams properties.
   *
   * @param kafkaProps {@code bootstrap.servers}, {@code schema.registry.url}, optionally {@code
   *     state.dir} and any Kafka client or Streams override
   * @param config the monitor's configuration
   * @param metrics where the rejected-record handler counts what it rejects
   * @throws ConfigException when bootstrap servers or the registry URL are missing
   */
  public static Properties of(Properties kafkaProps, MonitorConfig config, MonitorMetrics metrics) {
    require(kafkaProps, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    require(kafkaProps, AvroSerdeConfig.SCHEMA_REGISTRY_URL);
    Properties p = new Properties();
    p.put(StreamsConfig.STATE_DIR_CONFIG, DEFAULT_STATE_DIR.toAbsolutePath().toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    // no stage depends on the order of records across partitions (totals add up, ids decide), so
    // a task processes what it has instead of waiting to fetch its other inputs first: the
    // partial sums and observation batches arrive on a timer and would hold the events up
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    // KIP-892's transactional state stores stay off (Kafka's default): on 4.4.0 they did not
    // shorten a restart after kill -9 (the start-up pass over the state directory ignores them),
    // and a monitor died in native code when a metrics reader asked a closed store for its
    // uncommitted bytes (docs/reliability.md); a kafka.* setting can still turn them on
    p.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, false);
    p.putAll(kafkaProps);
    String compression = StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG);
    if (!p.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG) && !p.containsKey(compression)) {
      // batches of one task's changelog and repartition records look alike: compressed, they cost
      // a fraction of their bytes on the brokers' disks and the network
      p.put(compression, COMPRESSION);
    }
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // the alerts store restores from the alert topic itself rather than a changelog of its own
    p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        RejectedRecordHandler.class.getName());
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        RejectedRecordHandler.class.getName());
    // records over the budget (RecordBudget) are refused by their serializer and set aside here
    p.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        RejectedRecordHandler.class.getName());
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // the partition assignor validates a streams config built from the main consumer's settings,
    // and warns the handler is off unless it is there too
    p.put(
        StreamsConfig.mainConsumerPrefix(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
        true);
    p.put(RejectedRecordHandler.REJECTED_TOPIC_CONFIG, config.topics().rejected());
    p.put(
        RejectedRecordHandler.GLOBAL_TOPICS_CONFIG,
        config.topics().rules() + "," + config.topics().designations());
    p.put(RejectedRecordHandler.METRICS_CONFIG, metrics);
    String txTimeout = StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
    if (!p.containsKey(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG) && !p.containsKey(txTimeout)) {
      // Kafka Streams' 10 s under exactly-once fences a live stream thread that cannot commit for
      // 10 s (a starved machine, a slow rebalance, a broker moving leaders): it then throws away
      // the state of every task it holds and restores it, and the group rebalances. A restarted
      // instance fences its predecessor's transactions at once whatever this is (StableProcessId),
      // so the longer bound costs only when an instance goes for good (docs/reliability.md).
      p.put(txTimeout, (int) TRANSACTION_TIMEOUT.toMillis());
    }
    String retryBackoff = StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG);
    if (!p.containsKey(ProducerConfig.RETRY_BACKOFF_MS_CONFIG) && !p.containsKey(retryBackoff)) {
      // with transactions version 2 the first batch of a transaction to a partition whose last
      // transaction's markers are still being written comes back CONCURRENT_TRANSACTIONS, often
      // at every commit; the client waits its retry backoff, 100 ms by default, before sending it
      // again, and the commit waits for the batch. 20 ms, as the client itself waits on the same
      // error from the coordinator (KAFKA-5477), growing to the usual 1 s maximum when it repeats
      p.put(retryBackoff, (int) RETRY_BACKOFF.toMillis());
    }
    for (String prefix :
        List.of(
            StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG),
            StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG))) {
      if (!p.containsKey(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG) && !p.containsKey(prefix)) {
        // a start reads every global store and every changelog it restores to its end; a fetch
        // that finds a partition at its end waits this long before it comes back empty, and the
        // global thread reads its stores' partitions one after the other: about 1 s of every
        // restart went to such waits (docs/reliability.md, "What a restart spends")
        p.put(prefix, (int) CATCH_UP_FETCH_WAIT.toMillis());
      }
    }
    if (!config.instanceId().isEmpty()) {
      // Kafka Streams appends each stream thread's index to it
      p.put(
          StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
          config.instanceId());
    }
    return p;
  }

  private static void require(Properties props, String key) {
    Object value = props.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new ConfigException(key, value, "required to start the monitor");
    }
  }
}
