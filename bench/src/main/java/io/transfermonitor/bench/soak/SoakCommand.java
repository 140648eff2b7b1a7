package io.transfermonitor.bench.soak;

import io.transfermonitor.bench.BenchLogs;
import io.transfermonitor.cli.DefaultRules;
import io.transfermonitor.cli.TransferMonitor;
import io.transfermonitor.cli.kafka.GroupCommitProgress;
import io.transfermonitor.embedded.ClusterLayout;
import io.transfermonitor.embedded.ClusterProcesses;
import io.transfermonitor.embedded.EmbeddedStack;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.TopicProvisioner;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.registry.SchemaRegistryClients;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code transfer-monitor soak}: the monitor under faults, checked against an oracle. Starts a
 * cluster of broker processes and a registry, runs monitor instances as processes, replays a seeded
 * workload in chunks and between chunks injects seeded faults (SIGKILL of a monitor, once restarted
 * on an emptied state directory; SIGTERM and SIGKILL of one broker at a time; a registry outage),
 * then compares the alerts and totals with {@link SoakOracle} and prints one line: {@code soak: N
 * events, F faults, alerts expected E, seen S, missing M, duplicated D, totals exact: yes|no}. Exit
 * code 0 only when nothing is missing or doubled and every total is exact.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a seeded workload through monitor processes on a broker cluster while killing"
          + " monitors, bouncing brokers and stopping the registry; checks every alert and total"
          + " against an oracle computed from the input.",
      "Not a test of the suite: a run takes minutes. Exit code 0 only when no alert is missing"
          + " or doubled and every total is exact."
    })
public final class SoakCommand implements Callable<Integer> {

  @Option(names = "--brokers", defaultValue = "3", description = "Broker nodes (default 3).")
  int brokers;

  @Option(names = "--events", defaultValue = "200000", description = "Events (default 200,000).")
  int events;

  @Option(names = "--instances", defaultValue = "3", description = "Monitor processes (default 3).")
  int instances;

  @Option(names = "--monitor-kills", defaultValue = "10", description = "kill -9 of a monitor.")
  int monitorKills;

  @Option(names = "--broker-bounces", defaultValue = "3", description = "Broker stops and starts.")
  int brokerBounces;

  @Option(names = "--registry-outages", defaultValue = "1", description = "Registry stops.")
  int registryOutages;

  @Option(
      names = "--bad-inputs",
      defaultValue = "0",
      description = "Bad records sent straight to the event topics among the good ones.")
  int badInputs;

  @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic.")
  int partitions;

  @Option(
      names = "--class-archive",
      negatable = true,
      defaultValue = "true",
      description =
          "Start the monitors from a class-data archive (AppCDS) made by a first run, as the"
              + " launcher's run does (default); --no-class-archive starts them without.")
  boolean classArchive;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of input and faults.")
  long seed;

  @Option(
      names = "--monitor-env",
      paramLabel = "NAME=VALUE",
      description =
          "A setting for every monitor process, as an environment variable (repeatable; KAFKA_*"
              + " for client properties, TM_* for the monitor's), e.g."
              + " KAFKA_TRANSACTION_TIMEOUT_MS=30000. The soak's own (topic prefix, application"
              + " id, state directory, instance id) cannot be overridden.")
  Map<String, String> monitorEnv = new LinkedHashMap<>();

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Brokers' data, monitors' state and logs (default: a new temp directory, deleted after a soak that passes, kept after one that fails).")
  Path workDir;

  private final PrintStream out = System.out;

  /** Runs the soak as {@code transfer-monitor soak}. */
  public static void main(String[] args) {
    CommandLine cli = TransferMonitor.commandLine(new SoakCommand());
    cli.setCommandName("transfer-monitor soak");
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    BenchLogs.quiet();
    Path dir = workDir != null ? workDir : Files.createTempDirectory("tm-soak-");
    boolean temporary = workDir == null;
    int result = 1;
    try {
      result = run(dir);
      return result;
    } finally {
      if (temporary && result == 0) {
        EmbeddedStack.deleteRecursively(dir);
      } else if (temporary) {
        // a failed soak's logs are what says why: keep them where the messages point
        out.printf("work dir kept for its logs: %s%n", dir);
      }
    }
  }

  private int run(Path dir) throws Exception {
    long started = System.nanoTime();
    List<SpecificRecord> input = SoakWorkload.generate(events, seed);
    SoakOracle oracle = SoakOracle.of(input);
    List<Fault> faults =
        Fault.plan(monitorKills, brokerBounces, registryOutages, instances, brokers, seed);
    BadInputCorpus corpus = BadInputCorpus.generate(badInputs, seed);
    out.printf(
        Locale.ROOT,
        "soak: %,d events (%,d distinct), %d faults planned, %,d bad records, seed %d, work dir %s%n",
        input.size(),
        oracle.eventIds().size(),
        faults.size(),
        corpus.size(),
        seed,
        dir);
    ClusterLayout layout =
        ClusterLayout.of(dir.resolve("cluster"), Uuid.randomUuid().toString(), brokers, 0);
    String classpath = System.getProperty("java.class.path");
    try (ClusterProcesses cluster =
        ClusterProcesses.start(layout, classpath, dir.resolve("logs"), "512m")) {
      out.printf("cluster: %d nodes on %s%n", brokers, cluster.bootstrapServers());
      SoakRegistry registry = new SoakRegistry(cluster.bootstrapServers());
      try (registry;
          Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
        Topics topics = Topics.withPrefix("soak-" + seed + ".");
        String appId = "soak-" + seed + "-monitor";
        TopicProvisioner.createAll(
            admin, topics, TopicLayout.defaults().withPartitions(partitions));
        Map<String, Object> client =
            Map.of(
                "bootstrap.servers",
                cluster.bootstrapServers(),
                "schema.registry.url",
                registry.url());
        RulePublisher.publish(client, topics.rules(), DefaultRules.load(null));
        try (MonitorInstances monitors =
                new MonitorInstances(
                    instances,
                    cluster.bootstrapServers(),
                    registry.url(),
                    topics.alerts().substring(0, topics.alerts().length() - "alerts".length()),
                    appId,
                    dir,
                    "384m",
                    monitorEnv);
            EventProducer producer =
                EventProducer.builder(cluster.bootstrapServers(), registry.url())
                    .topics(topics)
                    .build();
            BadInputCorpus.Sender bad =
                corpus.sender(cluster.bootstrapServers(), registry, topics)) {
          if (classArchive) {
            long made = System.nanoTime();
            long bytes = monitors.makeClassArchive(Duration.ofMinutes(3));
            out.printf(
                Locale.ROOT,
                bytes < 0
                    ? "monitors: no class-data archive was written; they start without one%n"
                    : "monitors: class-data archive (AppCDS) of %.0f MiB made in %.0f s by a first"
                        + " run, mapped by every monitor start (--no-class-archive leaves it"
                        + " out)%n",
                bytes / 1048576.0,
                (System.nanoTime() - made) / 1e9);
          }
          for (int i = 0; i < instances; i++) {
            monitors.start(i, false);
          }
          for (int i = 0; i < instances; i++) {
            if (!monitors.awaitRunning(i, Duration.ofMinutes(3))) {
              throw new IllegalStateException(
                  "monitor " + i + " did not start; see " + monitors.log(i));
            }
          }
          out.printf("monitors: %d processes of %s running%n", instances, appId);
          FaultInjector injector =
              new FaultInjector(cluster, registry, monitors, admin, appId, out);
          Map<Fault.Kind, List<Long>> recovery = replay(input, faults, producer, bad, injector);
          producer.flush();
          bad.flush();
          out.printf(
              Locale.ROOT,
              "replay done in %.0f s (%,d sends failed); waiting for the monitors to finish...%n",
              (System.nanoTime() - started) / 1e9,
              producer.failed());
          try (GroupCommitProgress progress =
              GroupCommitProgress.of(admin, client, topics.eventTopics())) {
            if (!progress.awaitDone(appId, Duration.ofMinutes(30), monitors::allAlive, out)) {
              out.println("soak: the monitors did not finish (a process died or 30 min passed)");
            }
          }
          SoakCheck.Outcome outcome =
              new SoakCheck(client, SchemaRegistryClients.forUrl(registry.url()), topics)
                  .check(oracle);
          SoakReport report = new SoakReport(out);
          report.faults(faults, recovery);
          BadInputCorpus.Accounting accounting = bad.account(outcome.rejected());
          boolean filesAccounted = true;
          if (corpus.size() > 0) {
            report.badInputs(accounting);
            List<BadFiles.Outcome> files = BadFiles.ingest(dir.resolve("bad-files"), seed);
            BadFiles.print(files, out);
            filesAccounted = files.stream().allMatch(BadFiles.Outcome::accounted);
          }
          report.outcome(outcome, producer.failed());
          boolean ok =
              outcome.missing() == 0
                  && outcome.duplicated() == 0
                  && outcome.totalsExact()
                  && outcome.goodRejected().isEmpty()
                  && producer.failed() == 0
                  && accounting.complete()
                  && filesAccounted;
          out.println(
              String.format(
                  Locale.ROOT,
                  "soak: %d events, %d faults, alerts expected %d, seen %d, missing %d, duplicated"
                      + " %d, totals exact: %s",
                  input.size(),
                  faults.size(),
                  outcome.expected().size(),
                  outcome.seenCount(),
                  outcome.missing(),
                  outcome.duplicated(),
                  outcome.totalsExact() ? "yes" : "no"));
          out.printf(Locale.ROOT, "(%.0f s in all)%n", (System.nanoTime() - started) / 1e9);
          return ok ? 0 : 1;
        }
      }
    }
  }

  /** Sends the input in chunks with a fault after each but the last; recovery times by kind. */
  private Map<Fault.Kind, List<Long>> replay(
      List<SpecificRecord> input,
      List<Fault> faults,
      EventProducer producer,
      BadInputCorpus.Sender bad,
      FaultInjector injector)
      throws InterruptedException {
    Map<Fault.Kind, List<Long>> recovery = new EnumMap<>(Fault.Kind.class);
    int chunks = faults.size() + 1;
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) input.size() * c / chunks);
      int to = (int) ((long) input.size() * (c + 1) / chunks);
      Runnable send =
          () -> {
            input.subList(from, to).forEach(producer::send);
            bad.sendShare(chunks);
            producer.flush();
          };
      if (c < faults.size()) {
        Fault fault = faults.get(c);
        long millis = injector.inject(fault, send);
        recovery.computeIfAbsent(fault.kind(), k -> new ArrayList<>()).add(millis);
        out.printf(
            Locale.ROOT,
            "  chunk %d/%d sent (%,d events so far); %s: recovered in %.1f s%n",
            c + 1,
            chunks,
            to,
            fault,
            millis / 1e3);
      } else {
        send.run();
        out.printf(Locale.ROOT, "  chunk %d/%d sent (%,d events)%n", c + 1, chunks, to);
      }
    }
    return recovery;
  }
}
