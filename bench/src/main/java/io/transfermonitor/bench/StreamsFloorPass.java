package io.transfermonitor.bench;

import io.transfermonitor.bench.BaselinePass.Route;
import io.transfermonitor.cli.kafka.GroupCommitProgress;
import io.transfermonitor.cli.kafka.TargetCluster;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.serde.AvroDeserializer;
import io.transfermonitor.schemas.serde.AvroSerializer;
import io.transfermonitor.streams.app.StreamsProperties;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The floor of Kafka Streams itself: the baseline's work (every input record decoded with our
 * {@link AvroDeserializer} into its generated class and written again with our {@link
 * AvroSerializer}, undecodable ones copied to {@code <out prefix>rejected}) done by a Kafka Streams
 * application of one processor per input topic, with the monitor's streams settings that bear on
 * cost: exactly_once_v2, the run's commit interval, one stream thread per instance, lz4 on the
 * producer, tasks that do not idle. No state, no rules. The distance from the baseline to this pass
 * is what Kafka Streams costs; the distance from this pass to the monitor is what the monitor's
 * stages cost.
 */
final class StreamsFloorPass implements AutoCloseable {

  private final TargetCluster cluster;
  private final SchemaRegistryClient registry;
  private final List<Route> routes;
  private final String outPrefix;
  private final Path stateRoot;
  private final long commitIntervalMs;
  private final List<KafkaStreams> instances = new ArrayList<>();

  StreamsFloorPass(
      TargetCluster cluster,
      SchemaRegistryClient registry,
      Topics topics,
      String outPrefix,
      Path stateRoot,
      long commitIntervalMs) {
    this.cluster = cluster;
    this.registry = registry;
    this.routes = BaselinePass.eventRoutes(topics, outPrefix);
    this.outPrefix = outPrefix;
    this.stateRoot = stateRoot;
    this.commitIntervalMs = commitIntervalMs;
  }

  /** The topology: per input topic a source, the re-encoding processor, and a sink per output. */
  Topology topology() {
    Topology topology = new Topology();
    String rejected = outPrefix + "rejected";
    List<String> processors = new ArrayList<>();
    for (Route route : routes) {
      String source = "read-" + route.input();
      String processor = "reencode-" + route.input();
      topology.addSource(
          source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), route.input());
      topology.addProcessor(processor, () -> new Reencode(route), source);
      topology.addSink(
          "write-" + route.output(),
          route.output(),
          Serdes.String().serializer(),
          Serdes.ByteArray().serializer(),
          processor);
      processors.add(processor);
    }
    topology.addSink(
        "write-rejected",
        rejected,
        Serdes.String().serializer(),
        Serdes.ByteArray().serializer(),
        processors.toArray(String[]::new));
    return topology;
  }

  /** Starts {@code count} instances in application id {@code appId}. */
  List<KafkaStreams> start(int count, String appId) {
    for (int i = 0; i < count; i++) {
      KafkaStreams streams = new KafkaStreams(topology(), props(appId, i));
      streams.start();
      instances.add(streams);
    }
    return List.copyOf(instances);
  }

  /** Whether no instance has failed. */
  boolean healthy() {
    return instances.stream()
        .map(KafkaStreams::state)
        .noneMatch(
            s ->
                s == KafkaStreams.State.ERROR
                    || s == KafkaStreams.State.PENDING_ERROR
                    || s == KafkaStreams.State.NOT_RUNNING);
  }

  /** What the instances' clients wrote and read so far. */
  ClientTraffic traffic() {
    return instances.stream()
        .map(s -> ClientTraffic.of(s.metrics()))
        .reduce(ClientTraffic.none(), ClientTraffic::plus);
  }

  private Properties props(String appId, int instance) {
    Properties props = cluster.streamsProperties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve("instance-" + instance).toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    props.putIfAbsent(
        StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG),
        (int) StreamsProperties.RETRY_BACKOFF.toMillis());
    return props;
  }

  @Override
  public void close() {
    instances.forEach(s -> s.close(Duration.ofSeconds(30)));
    instances.clear();
  }

  /** Decodes a record into its generated class and encodes it again, as the baseline does. */
  private final class Reencode implements Processor<String, byte[], String, byte[]> {
    private final Route route;
    private final AvroDeserializer<SpecificRecord> reader;
    private final AvroSerializer<SpecificRecord> writer;
    private ProcessorContext<String, byte[]> context;

    @SuppressWarnings("unchecked")
    Reencode(Route route) {
      this.route = route;
      this.reader = new AvroDeserializer<>(registry, (Class<SpecificRecord>) route.type());
      this.writer = new AvroSerializer<>(registry, true, false);
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
      try {
        SpecificRecord event = reader.deserialize(route.input(), record.value());
        byte[] out = writer.serialize(route.output(), event);
        context.forward(record.withValue(out), "write-" + route.output());
      } catch (SerializationException e) {
        context.forward(record, "write-rejected");
      }
    }
  }

  /** Runs the pass: starts, waits until {@code appId} has committed its input, measures. */
  static PassResult run(
      StreamsFloorPass pass,
      int count,
      String appId,
      GroupCommitProgress progress,
      CostMeter meter,
      PrintStream out)
      throws InterruptedException {
    out.printf(
        "streams floor: %d instance(s) of %s, exactly_once_v2, commit interval %d ms%n",
        count, appId, pass.commitIntervalMs);
    LogSnapshot before = meter.snapshot();
    try (HeapWatch heap = HeapWatch.start()) {
      long start = System.nanoTime();
      CommitWatch commits = CommitWatch.start(pass.start(count, appId));
      boolean done;
      long nanos;
      try (commits) {
        done = progress.awaitDone(appId, Duration.ofMinutes(30), pass::healthy, out);
        nanos = System.nanoTime() - start;
      }
      long liveAtEnd = heap.liveNowBytes();
      if (!done) {
        throw new IllegalStateException("the streams floor did not finish");
      }
      ClientTraffic traffic = pass.traffic();
      pass.close();
      CostMeter.Measured measured = meter.since(before, progress.inputRecords(), traffic);
      return PassResult.of(
          "streams",
          progress.inputRecords(),
          nanos,
          heap,
          liveAtEnd,
          0,
          measured,
          commits.cadence(traffic.commitNanos()));
    }
  }
}
