package io.transfermonitor.cli.bench;

import io.transfermonitor.cli.ConsumerProgress;
import io.transfermonitor.cli.DefaultRules;
import io.transfermonitor.embedded.EmbeddedStack;
import io.transfermonitor.model.Rule;
import io.transfermonitor.producers.ingest.IngestResult;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.schemas.serde.AvroSerializer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code transfer-monitor bench}: in one process, on the embedded broker (or a cluster named with
 * {@code --bootstrap-servers}), writes a generated workload once to the input topics, then runs an
 * exactly-once consumer-producer baseline and the monitor over it, and prints for each events per
 * second, peak heap and state on disk, the monitor's event-to-alert latency under steady load, the
 * throughput of {@code ingest} on a generated CSV, the targets as PASS/MISS lines, and last {@code
 * ratio monitor/baseline: X.XX}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the monitor against an exactly-once consumer->producer baseline on the same"
          + " generated input, in one process. Prints events/s, event-to-alert latency, peak heap,"
          + " state on disk, ingest rows/s, PASS/MISS per target, and last"
          + " 'ratio monitor/baseline: X.XX'."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--events",
      defaultValue = "2000000",
      description = "Records in the generated input (default: ${DEFAULT-VALUE}).")
  long events;

  @Option(
      names = "--vessels",
      defaultValue = "500",
      description = "Distinct vessels the events name (default: ${DEFAULT-VALUE}).")
  int vessels;

  @Option(
      names = "--parties",
      defaultValue = "5000",
      description = "Distinct parties the events name (default: ${DEFAULT-VALUE}).")
  int parties;

  @Option(
      names = "--rules",
      description =
          "Total rules: the default rule set plus synthetic caps and bans up to this number"
              + " (default: the default rule set only).")
  Integer rules;

  @Option(
      names = "--rules-file",
      paramLabel = "FILE",
      description = "Rule set to start from (default: the built-in deploy/config/rules.yaml).")
  Path rulesFile;

  @Option(
      names = "--partitions",
      defaultValue = "2",
      description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--instances",
      defaultValue = "1",
      description =
          "Baseline loops and monitor instances (one stream thread each) in the same group"
              + " (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(
      names = "--scale",
      defaultValue = "1",
      description = "Multiplies --vessels and --parties, e.g. 10 for the memory run.")
  int scale;

  @Option(names = "--skip-ingest", description = "Do not measure ingest.")
  boolean skipIngest;

  @Option(
      names = "--ingest-rows",
      defaultValue = "1000000",
      description = "Rows of the generated CSV for the ingest figure (default: ${DEFAULT-VALUE}).")
  long ingestRows;

  @Option(
      names = "--ingest-mapping",
      defaultValue = "producers/examples/osint-tanker-sightings/mapping.yaml",
      description = "Mapping of the generated CSV (default: ${DEFAULT-VALUE}).")
  Path ingestMapping;

  @Option(
      names = "--commit-interval-ms",
      defaultValue = "100",
      description =
          "Commit interval of the baseline and the monitor (default: ${DEFAULT-VALUE}, Kafka"
              + " Streams' default under exactly-once).")
  long commitIntervalMs;

  @Option(
      names = "--latency-rate",
      defaultValue = "1000",
      description = "Events per second sent while measuring latency (default: ${DEFAULT-VALUE}).")
  int latencyRate;

  @Option(
      names = "--latency-seconds",
      defaultValue = "20",
      description = "How long latency is measured (default: ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(
      names = "--seed",
      defaultValue = "20240529",
      description = "Seed of the workload; the same seed writes the same records.")
  long seed;

  @Option(
      names = "--bootstrap-servers",
      description = "Run against this cluster instead of the embedded broker.")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      description = "Registry of that cluster (default with --bootstrap-servers: in-memory).")
  String schemaRegistryUrl;

  @Option(
      names = "--work-dir",
      description = "Where broker data, state and the CSV go (default: a new temp directory).")
  Path workDir;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    validate();
    quietLogs();
    Path dir = workDir != null ? workDir : Files.createTempDirectory("tm-bench-");
    Files.createDirectories(dir);
    printMachine(dir);
    try (BenchStack stack = BenchStack.open(bootstrapServers, schemaRegistryUrl, dir)) {
      return run(stack, dir);
    } finally {
      if (workDir == null) {
        EmbeddedStack.deleteRecursively(dir); // gigabytes of topic data and state
      }
    }
  }

  /** Client and broker INFO logs would cost time in the measured passes and bury the figures. */
  private static void quietLogs() {
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
    // expected, retried or routed on purpose, one line each: the undecodable records the workload
    // sends (1 in 2,000) and the producers' retries
    for (String name :
        List.of(
            "org.apache.kafka.streams.processor.internals.RecordDeserializer",
            // retriable CONCURRENT_TRANSACTIONS / OUT_OF_ORDER_SEQUENCE_NUMBER while the previous
            // transaction's markers are written: one warning per retried batch, every commit
            "org.apache.kafka.clients.producer.internals.Sender",
            "io.transfermonitor.streams.errors.RejectedRecordHandler")) {
      if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
        logger.setLevel(ch.qos.logback.classic.Level.ERROR);
      }
    }
    // Transactions V2 brokers reject the first batches of a new transactional producer with a
    // retriable OutOfOrderSequence (KAFKA-18202) and log each at ERROR; the client retries them
    if (org.slf4j.LoggerFactory.getLogger("kafka.server.ReplicaManager")
        instanceof ch.qos.logback.classic.Logger replicaManager) {
      replicaManager.setLevel(ch.qos.logback.classic.Level.OFF);
    }
  }

  private void validate() {
    if (events < 1 || vessels < 1 || parties < 1 || partitions < 1 || instances < 1 || scale < 1) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this),
          "--events, --vessels, --parties, --partitions, --instances and --scale must be >= 1");
    }
    if (commitIntervalMs < 1 || latencyRate < 1 || latencySeconds < 0) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this),
          "--commit-interval-ms and --latency-rate must be >= 1, --latency-seconds >= 0");
    }
  }

  private int run(BenchStack stack, Path dir) throws Exception {
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Topics topics = Topics.withPrefix("bench-" + runId + ".");
    String baselineOut = "bench-" + runId + ".baseline.";
    SchemaRegistryClient registry = SchemaRegistryClients.forUrl(stack.schemaRegistryUrl());
    int v = vessels * scale;
    int p = parties * scale;
    out.printf(
        Locale.ROOT,
        "workload: %,d events, %,d vessels, %,d parties, %d partitions, %d instance(s), commit"
            + " interval %d ms, seed %d%n",
        events,
        v,
        p,
        partitions,
        instances,
        commitIntervalMs,
        seed);
    BenchReport report = new BenchReport(commitIntervalMs);
    try (HeapWatch idle = HeapWatch.start()) {
      report.note(
          "live heap with only the "
              + (bootstrapServers == null ? "embedded stack" : "clients")
              + " up, before any input: "
              + BenchReport.mib(idle.liveNowBytes()));
    }
    try (Admin admin = Admin.create(adminProps(stack))) {
      BenchTopics.create(admin, topics, BaselinePass.outputTopics(baselineOut), partitions);
      List<Rule> ruleSet = MonitorPass.ruleSet(DefaultRules.load(rulesFile), rules);
      publishRules(stack, registry, topics, ruleSet);
      out.printf(Locale.ROOT, "rules: %d published to %s%n", ruleSet.size(), topics.rules());

      WorkloadWriter.Written written =
          new WorkloadWriter(stack.bootstrapServers(), registry, topics)
              .write(new Workload(WorkloadShape.backlog(events, v, p, seed), EventMix.realistic()));
      out.printf(
          Locale.ROOT,
          "input written: %,d records in %.1f s (%,.0f records/s): %s%n",
          written.records(),
          written.nanos() / 1e9,
          written.recordsPerSecond(),
          written.byFlavor());
      ConsumerProgress progress = ConsumerProgress.of(admin, topics.eventTopics());

      PassResult baseline = runBaseline(stack, registry, topics, baselineOut, progress, runId);
      printPass(baseline);
      report.baseline(baseline);
      MonitorPass monitor =
          new MonitorPass(stack, topics, dir.resolve("state-" + runId), commitIntervalMs);
      PassResult monitored = monitor.run(instances, progress, admin, "bench-monitor-" + runId, out);
      printPass(monitored);
      report.monitor(monitored);
      if (latencySeconds > 0) {
        measureLatency(stack, registry, topics, v, p, report);
      }
      monitor.close();
    }
    if (!skipIngest) {
      IngestResult ingested = IngestPass.run(dir, ingestRows, ingestMapping, stack, topics, out);
      if (ingested.failedSends() > 0 || ingested.produced() != ingestRows) {
        report.note(
            String.format(
                Locale.ROOT,
                "ingest produced %,d of %,d rows, %,d sends failed",
                ingested.produced(),
                ingestRows,
                ingested.failedSends()));
      }
      report.ingest(ingested.recordsPerSecond());
    } else {
      report.note("ingest skipped (--skip-ingest)");
    }
    report.print(out);
    return 0;
  }

  private PassResult runBaseline(
      BenchStack stack,
      SchemaRegistryClient registry,
      Topics topics,
      String baselineOut,
      ConsumerProgress progress,
      String runId)
      throws InterruptedException {
    String group = "bench-baseline-" + runId;
    out.printf("baseline: %d consumer->producer loop(s), exactly-once%n", instances);
    try (HeapWatch heap = HeapWatch.start()) {
      long start = System.nanoTime();
      BaselinePass baseline =
          new BaselinePass(
              stack.bootstrapServers(), registry, topics, baselineOut, group, commitIntervalMs);
      baseline.start(instances);
      boolean done = progress.awaitDone(group, Duration.ofMinutes(30), baseline::isHealthy, out);
      long nanos = System.nanoTime() - start;
      long liveAtEnd = heap.liveNowBytes();
      baseline.close();
      if (!done) {
        throw new IllegalStateException("baseline did not finish", baseline.failure());
      }
      return new PassResult(
          "baseline",
          progress.inputRecords(),
          nanos,
          heap.peakUsedBytes(),
          heap.peakLiveBytes(),
          liveAtEnd,
          heap.gcMillisSinceStart(),
          0,
          0);
    }
  }

  private void printPass(PassResult pass) {
    out.printf(
        Locale.ROOT,
        "%s done: %,d records in %.1f s = %,.0f events/s%n",
        pass.name(),
        pass.records(),
        pass.seconds(),
        pass.recordsPerSecond());
  }

  private void measureLatency(
      BenchStack stack,
      SchemaRegistryClient registry,
      Topics topics,
      int v,
      int p,
      BenchReport report)
      throws InterruptedException {
    long count = (long) latencyRate * latencySeconds;
    out.printf(
        Locale.ROOT,
        "latency: %,d fresh events at %,d/s into the running monitor%n",
        count,
        latencyRate);
    LatencyProbe.Result result =
        new LatencyProbe(stack.bootstrapServers(), registry, topics)
            .run(
                new Workload(
                    WorkloadShape.clean(count, v, p, seed + 1, "lat"), EventMix.realistic()),
                latencyRate,
                Duration.ofMillis(Math.max(3_000, 10 * commitIntervalMs)));
    report.latency(result.sent(), result.visibleMillis(), result.raisedMillis());
  }

  private void publishRules(
      BenchStack stack, SchemaRegistryClient registry, Topics topics, List<Rule> ruleSet) {
    AvroSerializer<Rule> serializer = new AvroSerializer<>(registry, true, false);
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (Rule rule : ruleSet) {
        producer.send(
            new ProducerRecord<>(
                topics.rules(), rule.getRuleId(), serializer.serialize(topics.rules(), rule)));
      }
      producer.flush();
    }
  }

  private static Map<String, Object> adminProps(BenchStack stack) {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
  }

  private void printMachine(Path dir) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long totalMemory =
        os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
    List<String> jvmArgs =
        new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
    out.printf(
        Locale.ROOT,
        "machine: %d cores, %.1f GiB RAM, %s %s, JDK %s (%s), max heap %s, JVM args %s%n",
        Runtime.getRuntime().availableProcessors(),
        totalMemory / 1024.0 / 1024 / 1024,
        os.getName(),
        os.getArch(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        BenchReport.mib(Runtime.getRuntime().maxMemory()),
        jvmArgs);
    out.println("work dir: " + dir);
  }
}
