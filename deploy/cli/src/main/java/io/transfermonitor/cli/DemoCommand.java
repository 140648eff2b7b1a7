package io.transfermonitor.cli;

import io.transfermonitor.cli.WatchedMonitor.DashboardAddress;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.ReportingGap;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.producers.EventProducer;
import io.transfermonitor.producers.ais.AisSummary;
import io.transfermonitor.producers.designations.DesignationPublisher;
import io.transfermonitor.producers.designations.ListContents;
import io.transfermonitor.producers.designations.PublishSummary;
import io.transfermonitor.producers.designations.SampleList;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.producers.scenario.ReplayResult;
import io.transfermonitor.producers.scenario.ScenarioReplayer;
import io.transfermonitor.schemas.TopicLayout;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.app.MonitorApplication;
import io.transfermonitor.streams.app.MonitorMeters;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.topology.MonitorTopology;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor demo}: the whole system in one JVM. Starts an embedded broker and
 * registry (fresh, on free ports), creates the topics, publishes the default rules and the sample
 * UN designations list and the demo vessel register, starts the monitor, replays the seed scenario
 * (September 2023 to April 2025) with its synthetic AIS set and prints each case as it opens and
 * escalates (the notifications), or each alert as it fires with {@code --alerts}. Runs until
 * Ctrl-C, or with {@code --once} until the scenario is fully processed, ending with the cases table
 * and a summary.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Replays the seed scenario through the whole system, cases on screen.",
      "Starts a broker, a registry and the monitor in this JVM (fresh, on free ports), publishes"
          + " the default rules, the UN designations list (November 2020) and the demo vessel"
          + " register, and replays DPRK-Russia transfers of Sept 2023 - Apr 2025 with a"
          + " synthetic AIS set of its ships, printing each case as it opens or"
          + " escalates (--alerts: each alert as it fires).",
      "Keeps running until Ctrl-C; --once exits when the scenario is processed, with the cases"
          + " and a summary."
    })
public class DemoCommand implements Callable<Integer> {

  @Option(names = "--once", description = "Exit once the scenario is processed, with a summary.")
  boolean once;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "Replay this JSON Lines file instead of the bundled seed scenario.")
  Path scenario;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Rules file to publish instead of the default rule set.")
  Path rules;

  @Option(
      names = "--alerts",
      description = "Print every alert as it fires instead of the cases as they open and escalate.")
  boolean everyAlert;

  @Option(
      names = "--alerts-out",
      paramLabel = "FILE",
      description = "Also write every alert to FILE, one JSON object per line.")
  Path alertsOut;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "tm-data/demo",
      description =
          "Where the demo keeps its broker and state; emptied at start (default ./${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--dashboard-port",
      paramLabel = "PORT",
      description =
          "Serve the dashboard on http://127.0.0.1:PORT/ (default 8080, none with --once; 0 = any"
              + " free port; -1 = off).")
  Integer dashboardPort;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description = "With --once: give up when processing takes longer (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Spec CommandSpec spec;

  private static final int DEFAULT_DASHBOARD_PORT = 8080;
  private static final String LOOPBACK = "127.0.0.1";

  @Override
  public Integer call() throws InterruptedException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    MonitorConfig config = MonitorConfig.defaults();
    Topics topics = config.topics();
    List<Rule> ruleSet = checkInputs();
    try (ShutdownSequence shutdown = new ShutdownSequence();
        AlertSink sink = openSink()) {
      TargetCluster cluster =
          shutdown.add(
              TargetCluster.embedded(
                  EmbeddedStackConfig.builder().dataDir(dataDir).freePorts().fresh(true).build(),
                  out));
      cluster.createTopics(topics, TopicLayout.defaults());
      RulePublisher.publish(cluster.clientProperties(), topics.rules(), ruleSet);
      ListContents sample = SampleList.read();
      PublishSummary designations =
          DesignationPublisher.publish(
              cluster.clientProperties(), topics.designations(), sample.designations());
      int vessels = DemoAis.loadRegister(cluster.clientProperties(), topics.vessels());
      out.printf(
          "Published %d rules, %d designations (the UN consolidated list of November 2020) and %d"
              + " vessels (the demo register, synthetic); starting the monitor...%n",
          ruleSet.size(), designations.published(), vessels);
      out.println(everyAlert ? AlertFormat.tableHeader() : CaseFormat.notificationHeader());
      out.flush();

      Properties props = cluster.streamsProperties();
      props.put(
          StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams").toAbsolutePath().toString());
      WatchedMonitor monitor =
          shutdown.add(
              WatchedMonitor.start(
                  cluster.clientProperties(),
                  props,
                  config,
                  dashboardAddress(),
                  MonitorMeters.prometheus()));
      MonitorApplication app = monitor.app();
      Map<String, Object> client = cluster.clientProperties();
      TopicTail<Alert> alerts =
          shutdown.add(
              new TopicTail<>(
                      client,
                      topics.alerts(),
                      Alert.class,
                      alert -> {
                        if (everyAlert) {
                          print(out, AlertFormat.tableRow(alert));
                        }
                        sink.write(alert);
                      })
                  .start());
      TopicTail<CaseNotification> notifications =
          shutdown.add(
              new TopicTail<>(
                      client,
                      topics.notifications(),
                      CaseNotification.class,
                      n -> {
                        if (!everyAlert) {
                          print(out, CaseFormat.notificationRow(n));
                        }
                      })
                  .start());
      TopicTail<Case> cases =
          shutdown.add(new TopicTail<>(client, topics.cases(), Case.class, c -> {}).start());
      app.awaitRunning(Duration.ofMinutes(2));
      monitor.dashboardUrl().ifPresent(url -> print(out, "Dashboard " + url));

      ReplayResult replay;
      try (EventProducer producer =
              EventProducer.builder(cluster.bootstrapServers(), cluster.schemaRegistryUrl())
                  .topics(topics)
                  .build();
          InputStream in =
              scenario != null ? Files.newInputStream(scenario) : ScenarioReplayer.seed()) {
        replay = ScenarioReplayer.replay(in, producer);
        producer.flush();
      }
      AisSummary ais = DemoAis.publishAisSet(client, topics);
      synchronized (out) {
        out.printf(
            "Replayed %d events (%d rejected lines) from %s%n",
            replay.produced(),
            replay.rejected(),
            scenario != null ? scenario : "the seed scenario");
        out.printf(
            "Published %d AIS positions and %d voyage records of the seed scenario's ships"
                + " (synthetic, %s)%n",
            ais.positions(), ais.voyages(), DemoAis.AIS_SET.substring(1));
        out.flush();
      }
      if (!once) {
        out.println("Monitoring; Ctrl-C to stop.");
        out.flush();
        shutdown.awaitInterrupt();
        return 0;
      }
      Duration timeout = Duration.ofSeconds(timeoutSeconds);
      try (TopicEnds ends = new TopicEnds(cluster.clientProperties());
          Admin admin = Admin.create(cluster.clientProperties())) {
        // the AIS stage writes the events it finds to the event topics: wait for them first, so
        // the snapshot of the event topics' ends below includes them
        try (GroupCommitProgress aisRead =
            GroupCommitProgress.of(
                admin, client, List.of(topics.aisPositions(), topics.aisVoyages()))) {
          awaitDone(aisRead, config, timeout);
        }
        try (GroupCommitProgress progress =
            GroupCommitProgress.ofMonitor(
                admin, client, topics, MonitorTopology.totalsSentWithin(config))) {
          awaitDone(progress, config, timeout);
        }
        ends.awaitRead(topics.alerts(), alerts::positions, timeout);
        ends.awaitRead(topics.notifications(), notifications::positions, timeout);
        ends.awaitRead(topics.cases(), cases::positions, timeout);
        long rejected = ends.recordCount(topics.rejected());
        Collection<Case> latest = latestById(cases.values());
        printCases(out, latest);
        printSummary(
            out,
            replay,
            rejected,
            alerts.values(),
            latest.size(),
            notifications.values().size(),
            DemoAis.summary(
                ais.positions(),
                AggregateSnapshot.read(client, topics.aisFindings(), VesselFinding.class, timeout)
                    .values()),
            System.nanoTime() - started);
        ComponentTable.lines(alerts.values()).forEach(out::println);
        printGaps(
            out,
            topics.reportingGaps(),
            AggregateSnapshot.read(
                cluster.clientProperties(), topics.reportingGaps(), ReportingGap.class, timeout));
        if (alertsOut != null) {
          out.println("  alerts written to " + alertsOut);
          out.flush();
        }
      }
      return 0;
    }
  }

  /**
   * Checks what the user gave before anything starts, so a wrong file or a busy port is said at
   * once rather than after the broker and the monitor have started: the scenario file, the rules
   * file, the timeout and the dashboard's port. Returns the rule set to publish.
   */
  private List<Rule> checkInputs() {
    if (scenario != null && !Files.isReadable(scenario)) {
      throw new SettingsException(
          "--scenario",
          "bad setting --scenario: "
              + (Files.exists(scenario) ? "cannot read " : "no such file: ")
              + scenario.toAbsolutePath());
    }
    if (scenario != null && Files.isDirectory(scenario)) {
      throw new SettingsException(
          "--scenario", "bad setting --scenario: a directory, not a file: " + scenario);
    }
    if (timeoutSeconds <= 0) {
      throw new SettingsException(
          "--timeout", "bad setting --timeout: a number of seconds above 0; was " + timeoutSeconds);
    }
    dashboardAddress()
        .filter(address -> address.port() > 0)
        .ifPresent(address -> requireFreePort(address.port()));
    try {
      return DefaultRules.load(rules);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new SettingsException("--rules", "bad setting --rules: " + e.getMessage());
    }
  }

  private void requireFreePort(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(LOOPBACK, port));
    } catch (IOException e) {
      throw new UnavailableException(
          "port "
              + port
              + " on "
              + LOOPBACK
              + " is already in use (the dashboard): stop whatever holds it, or choose another"
              + " with --dashboard-port PORT (0 = any free port, -1 = no dashboard)",
          e);
    }
  }

  private AlertSink openSink() throws IOException {
    try {
      return new AlertSink(alertsOut);
    } catch (IOException e) {
      throw new SettingsException(
          "--alerts-out", "bad setting --alerts-out: cannot write " + alertsOut + " (" + e + ")");
    }
  }

  private static void awaitDone(
      GroupCommitProgress progress, MonitorConfig config, Duration timeout)
      throws InterruptedException {
    if (!progress.awaitDone(config.applicationId(), timeout, () -> true, System.err)) {
      throw new IllegalStateException("the monitor did not process all input within " + timeout);
    }
  }

  private Optional<DashboardAddress> dashboardAddress() {
    int port = dashboardPort != null ? dashboardPort : once ? -1 : DEFAULT_DASHBOARD_PORT;
    return port < 0 ? Optional.empty() : Optional.of(DashboardAddress.of(LOOPBACK, port, null));
  }

  private static void print(PrintWriter out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  /** The latest state of each case, by case id. */
  private static Collection<Case> latestById(List<Case> states) {
    Map<String, Case> latest = new TreeMap<>();
    states.forEach(c -> latest.put(c.getCaseId(), c));
    return latest.values();
  }

  private static void printCases(PrintWriter out, Collection<Case> cases) {
    out.println();
    out.println(CaseFormat.tableHeader());
    cases.forEach(c -> out.println(CaseFormat.tableRow(c)));
  }

  private void printSummary(
      PrintWriter out,
      ReplayResult replay,
      long rejected,
      List<Alert> alerts,
      int cases,
      int notifications,
      String aisLine,
      long nanos) {
    out.println();
    out.printf("Summary (%.1f s)%n", nanos / 1e9);
    out.printf("  events in      %d%n", replay.produced());
    out.printf("  rejected       %d%n", rejected + replay.rejected());
    out.printf("  alerts         %d%n", alerts.size());
    Map<String, Map<String, Long>> byRule =
        alerts.stream()
            .collect(
                Collectors.groupingBy(
                    Alert::getRuleId,
                    TreeMap::new,
                    Collectors.groupingBy(
                        a -> a.getSeverity().toString(), TreeMap::new, Collectors.counting())));
    byRule.forEach((rule, bySeverity) -> out.printf("    %-40s %s%n", rule, bySeverity));
    out.printf("  cases          %d%n", cases);
    out.printf("  notifications  %d%n", notifications);
    out.printf("  ais            %s%n", aisLine);
    out.flush();
  }

  /** The cap totals each reporting gap compares, as the aggregate topic ends. */
  private static void printGaps(PrintWriter out, String topic, Map<String, ReportingGap> gaps) {
    out.printf("  reporting gaps (%s)%n", topic);
    gaps.values().forEach(gap -> out.printf("    %s%n", GapSummary.line(gap)));
    out.flush();
  }

  /** Writes alerts as JSON lines when a file is named; does nothing otherwise. */
  private static final class AlertSink implements AutoCloseable {
    private final BufferedWriter writer;

    AlertSink(Path file) throws IOException {
      this.writer = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    synchronized void write(Alert alert) {
      if (writer == null) {
        return;
      }
      try {
        writer.write(AlertFormat.jsonLine(alert));
        writer.newLine();
        writer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public synchronized void close() throws IOException {
      if (writer != null) {
        writer.close();
      }
    }
  }
}
