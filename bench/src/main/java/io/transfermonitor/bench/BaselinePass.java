package io.transfermonitor.bench;

import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.app.StreamsProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor any exactly-once Kafka processor pays: per instance, one consumer (read_committed, no
 * auto-commit) and one transactional producer. Every input record is decoded with our {@link
 * AvroDeserializer} into its generated class and written again with our {@link AvroSerializer} to
 * its output topic ({@code <out prefix><kind>} for the event topics, {@code <out
 * prefix>ais-positions} and {@code ais-voyages} for the AIS ones); undecodable ones are copied raw
 * to {@code <out prefix>rejected}. Every commit interval the consumed offsets go into the
 * producer's transaction ({@code sendOffsetsToTransaction}) and the transaction commits, as Kafka
 * Streams does with exactly_once_v2. No state, no rules: only the reading, decoding, encoding and
 * transactional writing the monitor cannot avoid either.
 */
public final class BaselinePass implements AutoCloseable {

  private final Map<String, Object> clientProps;
  private final SchemaRegistryClient registry;
  private final List<Route> routes;
  private final String outPrefix;
  private final String group;
  private final long commitIntervalMs;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong processed = new AtomicLong();
  private final List<CommitLog> commitLogs = new ArrayList<>();
  private final List<ClientTraffic> traffic = new ArrayList<>();
  private volatile boolean stopping;

  /** An input topic, the class its records decode to, and the topic they are written to. */
  record Route(String input, Class<? extends SpecificRecord> type, String output) {}

  /**
   * The floor over the event topics. {@code clientProps}: the cluster's client properties, the base
   * of the consumers' and producers'.
   */
  public BaselinePass(
      Map<String, Object> clientProps,
      SchemaRegistryClient registry,
      Topics topics,
      String outPrefix,
      String group,
      long commitIntervalMs) {
    this(clientProps, registry, eventRoutes(topics, outPrefix), outPrefix, group, commitIntervalMs);
  }

  private BaselinePass(
      Map<String, Object> clientProps,
      SchemaRegistryClient registry,
      List<Route> routes,
      String outPrefix,
      String group,
      long commitIntervalMs) {
    this.clientProps = Map.copyOf(clientProps);
    this.registry = registry;
    this.routes = List.copyOf(routes);
    this.outPrefix = outPrefix;
    this.group = group;
    this.commitIntervalMs = commitIntervalMs;
  }

  /**
   * The floor over the AIS topics: positions ({@code VesselPosition}) and voyage data ({@code
   * VesselVoyage}), as the monitor's AIS stage reads them.
   */
  public static BaselinePass ais(
      Map<String, Object> clientProps,
      SchemaRegistryClient registry,
      Topics topics,
      String outPrefix,
      String group,
      long commitIntervalMs) {
    return new BaselinePass(
        clientProps, registry, aisRoutes(topics, outPrefix), outPrefix, group, commitIntervalMs);
  }

  static List<Route> eventRoutes(Topics topics, String outPrefix) {
    List<Route> routes = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      routes.add(
          new Route(
              topics.eventTopic(kind),
              EventTypes.recordClass(kind),
              outPrefix + Topics.slug(kind)));
    }
    return routes;
  }

  private static List<Route> aisRoutes(Topics topics, String outPrefix) {
    return List.of(
        new Route(topics.aisPositions(), VesselPosition.class, outPrefix + "ais-positions"),
        new Route(topics.aisVoyages(), VesselVoyage.class, outPrefix + "ais-voyages"));
  }

  /** The output topics this pass writes to: one per event kind, plus one for undecodable input. */
  public static List<String> outputTopics(String outPrefix) {
    List<String> out = new ArrayList<>();
    for (EventKind kind : EventKind.values()) {
      out.add(outPrefix + Topics.slug(kind));
    }
    out.add(outPrefix + "rejected");
    return out;
  }

  /** The output topics of the AIS floor: positions, voyage data, undecodable input. */
  public static List<String> aisOutputTopics(String outPrefix) {
    return List.of(outPrefix + "ais-positions", outPrefix + "ais-voyages", outPrefix + "rejected");
  }

  /** Starts {@code instances} consumer-producer loops in the same consumer group. */
  public void start(int instances) {
    for (int i = 0; i < instances; i++) {
      KafkaConsumer<String, byte[]> consumer =
          new KafkaConsumer<>(
              consumerProps(i), new StringDeserializer(), new ByteArrayDeserializer());
      int instance = i;
      CommitLog commits = new CommitLog();
      commitLogs.add(commits);
      Thread t =
          new Thread(
              () -> {
                try {
                  loop(consumer, instance, commits);
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "bench-baseline-" + i);
      threads.add(t);
      t.start();
    }
  }

  /** Whether every loop is still running (none failed). */
  public boolean isHealthy() {
    return failure.get() == null;
  }

  /** The first failure of any loop, or null. */
  public Throwable failure() {
    return failure.get();
  }

  /** Records processed so far by all loops. */
  public long processed() {
    return processed.get();
  }

  /**
   * When each loop's transactions committed ({@code System.nanoTime()}, in order), with the time
   * its producer spent committing, as {@link CommitCadence} takes them.
   */
  public CommitCadence cadence() {
    List<long[]> times = commitLogs.stream().map(CommitLog::times).toList();
    return CommitCadence.ofCommitTimes(
        times, traffic().commitNanos(), "each commitTransaction timed in the loop");
  }

  /**
   * What the loops' clients wrote and read, as their metrics say when each loop stopped; complete
   * after {@link #close}.
   */
  public synchronized ClientTraffic traffic() {
    return traffic.stream().reduce(ClientTraffic.none(), ClientTraffic::plus);
  }

  private synchronized void addTraffic(ClientTraffic loopTraffic) {
    traffic.add(loopTraffic);
  }

  private void loop(KafkaConsumer<String, byte[]> consumer, int instance, CommitLog commits) {
    Map<String, AvroDeserializer<SpecificRecord>> readers = new HashMap<>();
    Map<String, String> outTopicByInput = new HashMap<>();
    for (Route route : routes) {
      @SuppressWarnings("unchecked")
      Class<SpecificRecord> type = (Class<SpecificRecord>) route.type();
      readers.put(route.input(), new AvroDeserializer<>(registry, type));
      outTopicByInput.put(route.input(), route.output());
    }
    String rejected = outPrefix + "rejected";
    AvroSerializer<SpecificRecord> writer = new AvroSerializer<>(registry, true, false);
    Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            producerProps(instance), new StringSerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      consumer.subscribe(
          routes.stream().map(Route::input).toList(),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              commit(producer, consumer, pending, commits);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
          });
      long lastCommit = System.currentTimeMillis();
      while (!stopping) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          byte[] out;
          String outTopic = outTopicByInput.get(r.topic());
          try {
            SpecificRecord event = readers.get(r.topic()).deserialize(r.topic(), r.value());
            out = writer.serialize(outTopic, event);
          } catch (SerializationException e) {
            outTopic = rejected;
            out = r.value();
          }
          producer.send(new ProducerRecord<>(outTopic, r.key(), out));
          pending.put(
              new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
          processed.incrementAndGet();
        }
        if (System.currentTimeMillis() - lastCommit >= commitIntervalMs) {
          commit(producer, consumer, pending, commits);
          lastCommit = System.currentTimeMillis();
        }
      }
      commit(producer, consumer, pending, commits);
      producer.abortTransaction();
      addTraffic(ClientTraffic.of(producer.metrics()).plus(ClientTraffic.of(consumer.metrics())));
    } catch (WakeupException e) {
      if (!stopping) {
        throw e;
      }
    } finally {
      consumer.close();
    }
  }

  private static void commit(
      KafkaProducer<String, byte[]> producer,
      KafkaConsumer<String, byte[]> consumer,
      Map<TopicPartition, OffsetAndMetadata> pending,
      CommitLog commits) {
    if (pending.isEmpty()) {
      return;
    }
    producer.sendOffsetsToTransaction(new HashMap<>(pending), consumer.groupMetadata());
    producer.commitTransaction();
    commits.committed(System.nanoTime());
    pending.clear();
    producer.beginTransaction();
  }

  private Properties consumerProps(int instance) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-consumer-" + instance);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // the same as Kafka Streams' consumer default, so both read in the same batch sizes
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    return props;
  }

  private Properties producerProps(int instance) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, group + "-producer-" + instance);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-" + instance);
    // Kafka Streams' producer default; the monitor's producers linger the same
    props.put(ProducerConfig.LINGER_MS_CONFIG, 100);
    // the monitor's producers' retry backoff (StreamsProperties), so the same retries cost the same
    props.putIfAbsent(
        ProducerConfig.RETRY_BACKOFF_MS_CONFIG, (int) StreamsProperties.RETRY_BACKOFF.toMillis());
    return props;
  }

  /** The completion times of one loop's commits, written by the loop, read by others. */
  private static final class CommitLog {
    private final List<Long> times = new ArrayList<>();

    synchronized void committed(long nanos) {
      times.add(nanos);
    }

    synchronized long[] times() {
      return times.stream().mapToLong(Long::longValue).toArray();
    }
  }

  /** Stops every loop (committing what each consumed) and waits for them. */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(30).toMillis());
    }
  }
}
