package io.transfermonitor.bench;

import com.sun.management.OperatingSystemMXBean;
import io.transfermonitor.bench.ais.AisWorkload;
import io.transfermonitor.bench.soak.SoakCommand;
import io.transfermonitor.cli.DefaultRules;
import io.transfermonitor.cli.TransferMonitor;
import io.transfermonitor.cli.kafka.GroupCommitProgress;
import io.transfermonitor.cli.kafka.TargetCluster;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.embedded.EmbeddedStack;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.designations.DesignationPublisher;
import io.transfermonitor.producers.designations.SampleList;
import io.transfermonitor.producers.ingest.IngestResult;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.producers.vessels.VesselPublisher;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClient;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import io.transfermonitor.streams.ais.AisSettings;
import io.transfermonitor.streams.ais.Gazetteer;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.topology.MonitorTopology;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor bench}, the entry point of the benchmark's own jar: in one process, on a
 * fresh embedded broker (or the cluster the settings name, as for every other command: {@code
 * --config}, {@code --bootstrap-servers}, {@code --schema-registry-url}, {@code KAFKA_*}), writes a
 * generated workload once to the input topics of the run, publishes the rules with the CLI's {@link
 * RulePublisher} and the UN consolidated list plus {@code --designations} synthetic designations
 * with the producers' {@link DesignationPublisher}, then runs an exactly-once consumer-producer
 * baseline and the monitor over it ({@code --profile}: the monitor's under JFR), and prints for
 * each events per second, peak heap and state on disk, the monitor's event-to-alert latency under
 * steady load, the throughput of {@code ingest} on a generated CSV, the targets as PASS/MISS lines,
 * and last {@code ratio monitor/baseline: X.XX}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = TransferMonitor.Version.class,
    description = {
      "Measures the monitor against an exactly-once consumer->producer baseline on the same"
          + " generated input, in one process. Prints events/s, event-to-alert latency, peak heap,"
          + " state on disk, ingest rows/s, PASS/MISS per target, and last"
          + " 'ratio monitor/baseline: X.XX'."
    })
public final class BenchCommand implements Callable<Integer> {

  @Mixin SettingsOptions options;

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
      names = "--designations",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Synthetic designations published besides the UN consolidated list (persons, entities,"
              + " vessels; one in 1,000 names a workload party or vessel exactly)"
              + " (default: ${DEFAULT-VALUE}).")
  int designations;

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
      names = "--profile",
      description =
          "Record the monitor pass with JFR (profile settings) to monitor-pass.jfr in --work-dir"
              + " (default: the current directory), kept, and print the top frames of its stream"
              + " threads by self and inclusive samples.")
  boolean profile;

  @Option(
      names = "--streams-floor",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Between the baseline and the monitor, run the baseline's work (decode, encode) as a"
              + " Kafka Streams application with the monitor's streams settings: what Kafka"
              + " Streams itself costs (default: on; --no-streams-floor skips it).")
  boolean streamsFloor;

  @Option(
      names = "--ais",
      description =
          "Measure the AIS workload instead of the events: --positions positions of"
              + " --ais-vessels vessels with planted port calls, encounters, dark gaps and cloned"
              + " MMSIs, through the exactly-once floor and the monitor with every stage on;"
              + " prints positions/s of both and the findings. No latency or ingest figures.")
  boolean ais;

  @Option(
      names = "--positions",
      defaultValue = "1000000",
      description = "Positions in the AIS workload (default: ${DEFAULT-VALUE}).")
  long positions;

  @Option(
      names = "--ais-vessels",
      defaultValue = "2000",
      description = "Vessels in the AIS workload (default: ${DEFAULT-VALUE}).")
  int aisVessels;

  @Option(
      names = "--work-dir",
      description = "Where broker data, state and the CSV go (default: a new temp directory).")
  Path workDir;

  @Spec CommandSpec spec;

  private final PrintStream out;

  /** The command, printing to standard output. */
  public BenchCommand() {
    this(System.out);
  }

  /** The command, printing its progress and results to {@code out}. */
  BenchCommand(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs the benchmark as {@code transfer-monitor bench}, with the CLI's exit codes; {@code soak
   * ...} runs the soak ({@link SoakCommand}), which ships in this jar too.
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("soak")) {
      SoakCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    CommandLine cli = TransferMonitor.commandLine(new BenchCommand());
    cli.setCommandName("transfer-monitor bench");
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    validate();
    // a bad setting, or a cluster without a registry, stops the run before anything starts
    Optional<TargetCluster> named = TargetCluster.named(options.settings());
    BenchLogs.quiet();
    Path dir = workDir != null ? workDir : Files.createTempDirectory("tm-bench-");
    Files.createDirectories(dir);
    printMachine(dir);
    try (TargetCluster cluster = named.orElseGet(() -> embedded(dir))) {
      return ais ? runAis(cluster, dir) : run(cluster, dir);
    } finally {
      if (workDir == null) {
        EmbeddedStack.deleteRecursively(dir); // gigabytes of topic data and state
      }
    }
  }

  /**
   * Where {@code --profile} writes: the work dir when one is given, else the current directory (a
   * temp work dir is deleted at the end, the recording is kept).
   */
  private Path profileFile() {
    Path dir = workDir != null ? workDir : Path.of("");
    return dir.toAbsolutePath().resolve("monitor-pass.jfr");
  }

  /** A fresh embedded stack on free ports, with its data under {@code dir}. */
  private TargetCluster embedded(Path dir) {
    return TargetCluster.embedded(
        EmbeddedStackConfig.builder().dataDir(dir.resolve("stack")).freePorts().fresh(true).build(),
        new PrintWriter(out, true));
  }

  private void validate() {
    if (events < 1 || vessels < 1 || parties < 1 || partitions < 1 || instances < 1 || scale < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--events, --vessels, --parties, --partitions, --instances and --scale must be >= 1");
    }
    if (positions < 1 || aisVessels < 1) {
      throw new ParameterException(
          spec.commandLine(), "--positions and --ais-vessels must be >= 1");
    }
    if (designations < 0) {
      throw new ParameterException(spec.commandLine(), "--designations must be >= 0");
    }
    if (commitIntervalMs < 1 || latencyRate < 1 || latencySeconds < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--commit-interval-ms and --latency-rate must be >= 1, --latency-seconds >= 0");
    }
  }

  private int run(TargetCluster cluster, Path dir) throws Exception {
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Topics topics = Topics.withPrefix("bench-" + runId + ".");
    String baselineOut = "bench-" + runId + ".baseline.";
    SchemaRegistryClient registry =
        SchemaRegistryClients.forUrl(cluster.schemaRegistryUrl(), cluster.clientProperties());
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
              + (cluster.isEmbedded() ? "embedded stack" : "clients")
              + " up, before any input: "
              + BenchReport.mib(idle.liveNowBytes()));
    }
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      BenchTopics.create(admin, topics, BaselinePass.outputTopics(baselineOut), partitions);
      List<Rule> ruleSet = MonitorPass.ruleSet(DefaultRules.load(rulesFile), rules);
      RulePublisher.publish(cluster.clientProperties(), topics.rules(), ruleSet);
      out.printf(Locale.ROOT, "rules: %d published to %s%n", ruleSet.size(), topics.rules());
      publishDesignations(cluster, topics, p, v);

      WorkloadWriter.Written written =
          new WorkloadWriter(cluster.clientProperties(), registry, topics)
              .write(new Workload(WorkloadShape.backlog(events, v, p, seed), EventMix.realistic()));
      out.printf(
          Locale.ROOT,
          "input written: %,d records in %.1f s (%,.0f records/s): %s%n",
          written.records(),
          written.nanos() / 1e9,
          written.recordsPerSecond(),
          written.byFlavor());
      GroupCommitProgress progress =
          GroupCommitProgress.of(admin, cluster.clientProperties(), topics.eventTopics());
      String monitorId = "bench-monitor-" + runId;
      CostMeter meter =
          new CostMeter(
              admin,
              new RunTopics(
                  List.of("bench-" + runId + ".", monitorId + "-"), topics.eventTopics()));

      String group = "bench-baseline-" + runId;
      PassResult baseline =
          runBaseline(
              new BaselinePass(
                  cluster.clientProperties(),
                  registry,
                  topics,
                  baselineOut,
                  group,
                  commitIntervalMs),
              "baseline",
              group,
              progress,
              meter);
      printPass(baseline, "events");
      report.baseline(baseline);
      if (streamsFloor) {
        String streamsOut = "bench-" + runId + ".streams.";
        BenchTopics.create(admin, topics, BaselinePass.outputTopics(streamsOut), partitions);
        try (StreamsFloorPass floor =
            new StreamsFloorPass(
                cluster,
                registry,
                topics,
                streamsOut,
                dir.resolve("streams-floor-" + runId),
                commitIntervalMs)) {
          String floorId = "bench-streams-" + runId;
          PassResult streams =
              StreamsFloorPass.run(floor, instances, floorId, progress, meter, out);
          printPass(streams, "events");
          report.streamsFloor(streams);
        }
      }
      MonitorPass monitor =
          new MonitorPass(
              cluster,
              options.settings().monitorConfig(),
              topics,
              dir.resolve("state-" + runId),
              commitIntervalMs);
      PassRecording recording = profile ? PassRecording.to(profileFile()) : PassRecording.none();
      // the monitor's group also reads back its alerts and sends partial sums on a timer
      GroupCommitProgress monitorProgress =
          GroupCommitProgress.ofMonitor(
              admin,
              cluster.clientProperties(),
              topics,
              MonitorTopology.totalsSentWithin(
                  options.settings().monitorConfig().toBuilder()
                      .commitInterval(Duration.ofMillis(commitIntervalMs))
                      .build()));
      PassResult monitored =
          monitor.run(instances, monitorProgress, meter, monitorId, recording, out);
      printPass(monitored, "events");
      report.monitor(monitored);
      if (recording.enabled()) {
        out.println("profile: the monitor pass recorded to " + recording.file());
        report.profile(
            recording.read(
                t -> t.contains("StreamThread"),
                "threads named *StreamThread* (the stream threads and the global one)"));
      }
      if (latencySeconds > 0) {
        measureLatency(cluster, registry, topics, v, p, report);
      }
      monitor.close();
      progress.close();
    }
    if (!skipIngest) {
      IngestResult ingested = IngestPass.run(dir, ingestRows, ingestMapping, cluster, topics, out);
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

  /**
   * The AIS workload ({@code --ais}): rules, designations (vessel designations name the feed's IMO
   * numbers), the feed and the register of its vessels published; then the exactly-once floor over
   * the two AIS topics, and the monitor with every stage on and the feed's ports in its gazetteer,
   * timed until it has committed the feed and read back what it wrote from it (the events its
   * findings became, the alerts); then its findings are read.
   */
  private int runAis(TargetCluster cluster, Path dir) throws Exception {
    String runId = Long.toString(System.currentTimeMillis(), 36);
    Topics topics = Topics.withPrefix("bench-" + runId + ".");
    String floorOut = "bench-" + runId + ".floor.";
    SchemaRegistryClient registry =
        SchemaRegistryClients.forUrl(cluster.schemaRegistryUrl(), cluster.clientProperties());
    AisWorkload feed = new AisWorkload(positions, aisVessels, seed);
    out.printf(
        Locale.ROOT,
        "AIS workload: %,d positions, %,d vessels, %d partitions, %d instance(s), commit interval"
            + " %d ms, seed %d%n",
        positions,
        aisVessels,
        partitions,
        instances,
        commitIntervalMs,
        seed);
    MonitorConfig config = aisMonitorConfig();
    AisBenchReport report;
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      BenchTopics.create(admin, topics, BaselinePass.aisOutputTopics(floorOut), partitions);
      List<Rule> ruleSet = MonitorPass.ruleSet(DefaultRules.load(rulesFile), rules);
      RulePublisher.publish(cluster.clientProperties(), topics.rules(), ruleSet);
      out.printf(Locale.ROOT, "rules: %d published to %s%n", ruleSet.size(), topics.rules());
      publishDesignations(cluster, topics, parties * scale, aisVessels);

      AisWorkloadWriter.Written written =
          new AisWorkloadWriter(cluster.clientProperties(), registry, topics).write(feed);
      out.printf(
          Locale.ROOT,
          "input written: %,d positions and %,d voyage reports in %.1f s (%,.0f records/s)%n",
          written.positions(),
          written.voyages(),
          written.nanos() / 1e9,
          written.recordsPerSecond());
      List<VesselRecord> register = feed.register();
      VesselPublisher.publish(cluster.clientProperties(), topics.vessels(), register);
      out.printf(
          Locale.ROOT,
          "vessel register: %,d vessels published to %s%n",
          register.size(),
          topics.vessels());
      report =
          new AisBenchReport(
              commitIntervalMs, written.positions(), written.voyages(), feed.plantedSoFar());

      List<String> inputs = List.of(topics.aisPositions(), topics.aisVoyages());
      GroupCommitProgress progress =
          GroupCommitProgress.of(admin, cluster.clientProperties(), inputs);
      String monitorId = "bench-monitor-" + runId;
      CostMeter meter =
          new CostMeter(
              admin, new RunTopics(List.of("bench-" + runId + ".", monitorId + "-"), inputs));
      String group = "bench-floor-" + runId;
      PassResult floor =
          runBaseline(
              BaselinePass.ais(
                  cluster.clientProperties(), registry, topics, floorOut, group, commitIntervalMs),
              "floor",
              group,
              progress,
              meter);
      printPass(floor, "AIS records");
      report.floor(floor);

      MonitorPass monitor =
          new MonitorPass(cluster, config, topics, dir.resolve("state-" + runId), commitIntervalMs);
      PassRecording recording = profile ? PassRecording.to(profileFile()) : PassRecording.none();
      // the monitor reads back the events its findings become, and its alerts
      List<String> readBack = new ArrayList<>(topics.eventTopics());
      readBack.add(topics.alerts());
      GroupCommitProgress monitorProgress =
          GroupCommitProgress.of(
              admin,
              cluster.clientProperties(),
              inputs,
              readBack,
              MonitorTopology.totalsSentWithin(
                  config.toBuilder().commitInterval(Duration.ofMillis(commitIntervalMs)).build()));
      PassResult monitored =
          monitor.run(instances, monitorProgress, meter, monitorId, recording, out);
      printPass(monitored, "AIS records");
      report.monitor(monitored, AisOutcome.read(cluster.clientProperties(), registry, topics));
      if (recording.enabled()) {
        out.println("profile: the monitor pass recorded to " + recording.file());
        recording
            .read(
                t -> t.contains("StreamThread"),
                "threads named *StreamThread* (the stream threads and the global one)")
            .lines(BenchReport.PROFILE_FRAMES)
            .forEach(out::println);
      }
      monitor.close();
      monitorProgress.close();
      progress.close();
    }
    report.print(out);
    return 0;
  }

  /**
   * The monitor's settings with the AIS stage on and the feed's made-up ports and area of interest
   * added to the gazetteer the settings name, so its planted port calls are port calls.
   */
  private MonitorConfig aisMonitorConfig() {
    MonitorConfig base = options.settings().monitorConfig();
    AisSettings settings = base.ais();
    Gazetteer bench = AisWorkload.gazetteer();
    List<Gazetteer.Port> ports = new ArrayList<>(settings.gazetteer().ports());
    ports.addAll(bench.ports());
    List<Gazetteer.Area> areas = new ArrayList<>(settings.gazetteer().areas());
    areas.addAll(bench.areas());
    Gazetteer gazetteer = new Gazetteer(ports, areas);
    return base.toBuilder().ais(settings.withGazetteer(gazetteer).withEnabled(true)).build();
  }

  /**
   * Publishes the UN consolidated list the demo loads and {@code --designations} synthetic ones
   * with the CLI's publisher ({@code designations load}), so the screening stage screens against a
   * real list before the passes start.
   */
  private void publishDesignations(TargetCluster cluster, Topics topics, int parties, int vessels) {
    List<Designation> un = SampleList.read().designations();
    List<Designation> synthetic = SyntheticDesignations.of(designations, parties, vessels, seed);
    List<Designation> all = new ArrayList<>(un);
    all.addAll(synthetic);
    DesignationPublisher.publish(cluster.clientProperties(), topics.designations(), all);
    out.printf(
        Locale.ROOT,
        "designations: %,d UN + %,d synthetic published to %s (exact hits on the workload's"
            + " parties and vessels: %d)%n",
        un.size(),
        synthetic.size(),
        topics.designations(),
        synthetic.stream().filter(SyntheticDesignations::isExactHit).count());
  }

  /** Runs {@code baseline} (group {@code group}) until its input is committed; {@code name}s it. */
  private PassResult runBaseline(
      BaselinePass baseline,
      String name,
      String group,
      GroupCommitProgress progress,
      CostMeter meter)
      throws InterruptedException {
    out.printf("%s: %d consumer->producer loop(s), exactly-once%n", name, instances);
    LogSnapshot before = meter.snapshot();
    try (HeapWatch heap = HeapWatch.start()) {
      long start = System.nanoTime();
      baseline.start(instances);
      boolean done = progress.awaitDone(group, Duration.ofMinutes(30), baseline::isHealthy, out);
      long nanos = System.nanoTime() - start;
      long liveAtEnd = heap.liveNowBytes();
      baseline.close();
      if (!done) {
        throw new IllegalStateException(name + " did not finish", baseline.failure());
      }
      CostMeter.Measured measured =
          meter.since(before, progress.inputRecords(), baseline.traffic());
      return PassResult.of(
          name, progress.inputRecords(), nanos, heap, liveAtEnd, 0, measured, baseline.cadence());
    }
  }

  /** "name done: N records in S s = R {@code unit}/s". */
  private void printPass(PassResult pass, String unit) {
    out.printf(
        Locale.ROOT,
        "%s done: %,d records in %.1f s = %,.0f %s/s%n",
        pass.name(),
        pass.records(),
        pass.seconds(),
        pass.recordsPerSecond(),
        unit);
  }

  private void measureLatency(
      TargetCluster cluster,
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
        new LatencyProbe(cluster.clientProperties(), registry, topics)
            .run(
                new Workload(
                    WorkloadShape.clean(count, v, p, seed + 1, "lat"), EventMix.realistic()),
                latencyRate,
                Duration.ofMillis(Math.max(3_000, 10 * commitIntervalMs)));
    report.latency(result.sent(), result.visibleMillis(), result.raisedMillis());
  }

  private void printMachine(Path dir) {
    // the JDK's extension of the platform bean, for the machine's memory size
    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    long totalMemory = os.getTotalMemorySize();
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
