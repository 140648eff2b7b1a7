package io.transfermonitor.cli;

import io.transfermonitor.cli.WatchedMonitor.DashboardAddress;
import io.transfermonitor.cli.format.AlertFormat;
import io.transfermonitor.cli.format.CaseFormat;
import io.transfermonitor.cli.kafka.GroupCommitProgress;
import io.transfermonitor.cli.kafka.TargetCluster;
import io.transfermonitor.cli.kafka.TopicEnds;
import io.transfermonitor.cli.kafka.TopicTail;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.Rule;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor demo}: the whole system in one JVM. Starts an embedded broker and
 * registry (fresh, on free ports), creates the topics, publishes the default rules, the sample UN
 * designations list, the demo vessel register, the Common High Priority List and the demo makers
 * table, starts the monitor, replays the seed scenario (September 2023 to April 2025) with its
 * synthetic AIS set and prints each case as it opens and escalates (the notifications), or each
 * alert as it fires with {@code --alerts}. Runs until Ctrl-C, or with {@code --once} until the
 * scenario is fully processed, ending with the cases table and a summary.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Replays the seed scenario through the whole system, cases on screen.",
      "Starts a broker, a registry and the monitor in this JVM (fresh, on free ports), publishes"
          + " the default rules, the UN designations list (November 2020), the demo vessel"
          + " register, the Common High Priority List and the demo makers table, and replays DPRK-Russia transfers of Sept 2023 - Apr 2025 with a"
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
      MonitorLaunch launch = MonitorLaunch.on(shutdown, cluster);
      launch.createTopics(topics, TopicLayout.defaults());
      publishInputs(cluster.clientProperties(), topics, ruleSet, out);
      WatchedMonitor monitor =
          launch.start(
              config, dataDir.resolve("streams"), dashboardAddress(), MonitorMeters.prometheus());
      Outputs outputs = follow(shutdown, cluster.clientProperties(), topics, sink, out);
      MonitorLaunch.awaitRunning(monitor);
      monitor.dashboardUrl().ifPresent(url -> print(out, "Dashboard " + url));
      ReplayResult replay = replay(cluster, topics);
      AisSummary ais = DemoAis.publishAisSet(cluster.clientProperties(), topics);
      printReplayed(out, replay, ais);
      if (!once) {
        print(out, "Monitoring; Ctrl-C to stop.");
        shutdown.awaitInterrupt();
        return 0;
      }
      awaitProcessed(cluster.clientProperties(), config, outputs);
      new DemoSummary(out, cluster.clientProperties(), topics, timeout())
          .print(
              replay,
              outputs.alerts.values(),
              outputs.cases.values(),
              outputs.notifications.values().size(),
              ais,
              System.nanoTime() - started);
      if (alertsOut != null) {
        print(out, "  alerts written to " + alertsOut);
      }
      return 0;
    }
  }

  /**
   * The rules, the sample designations list, the demo vessel register, the priority list and the
   * demo makers table, said on screen.
   */
  private void publishInputs(
      Map<String, Object> client, Topics topics, List<Rule> ruleSet, PrintWriter out)
      throws IOException {
    RulePublisher.publish(client, topics.rules(), ruleSet);
    ListContents sample = SampleList.read();
    PublishSummary designations =
        DesignationPublisher.publish(client, topics.designations(), sample.designations());
    int vessels = DemoAis.loadRegister(client, topics.vessels());
    DemoReferences references = DemoReferences.publish(client, topics);
    out.printf(
        "Published %d rules, %d designations (the UN consolidated list of November 2020), %d"
            + " vessels (the demo register, synthetic) and %s; starting the monitor...%n",
        ruleSet.size(), designations.published(), vessels, references.describe());
    out.println(everyAlert ? AlertFormat.tableHeader() : CaseFormat.notificationHeader());
    out.flush();
  }

  /** The monitor's outputs the demo reads, each on a thread of its own from the beginning. */
  private record Outputs(
      TopicTail<Alert> alerts, TopicTail<CaseNotification> notifications, TopicTail<Case> cases) {}

  /**
   * Follows the outputs: alerts (to the screen with --alerts, and to --alerts-out), notifications.
   */
  private Outputs follow(
      ShutdownSequence shutdown,
      Map<String, Object> client,
      Topics topics,
      AlertSink sink,
      PrintWriter out) {
    Consumer<Alert> onAlert =
        alert -> {
          if (everyAlert) {
            print(out, AlertFormat.tableRow(alert));
          }
          sink.write(alert);
        };
    Consumer<CaseNotification> onNotification =
        n -> {
          if (!everyAlert) {
            print(out, CaseFormat.notificationRow(n));
          }
        };
    return new Outputs(
        shutdown.add(new TopicTail<>(client, topics.alerts(), Alert.class, onAlert).start()),
        shutdown.add(
            new TopicTail<>(client, topics.notifications(), CaseNotification.class, onNotification)
                .start()),
        shutdown.add(new TopicTail<>(client, topics.cases(), Case.class, c -> {}).start()));
  }

  /** Replays the scenario (the seed one, or --scenario) into the event topics. */
  private ReplayResult replay(TargetCluster cluster, Topics topics) throws IOException {
    try (EventProducer producer =
            EventProducer.builder(cluster.bootstrapServers(), cluster.schemaRegistryUrl())
                .topics(topics)
                .build();
        InputStream in =
            scenario != null ? Files.newInputStream(scenario) : ScenarioReplayer.seed()) {
      ReplayResult replay = ScenarioReplayer.replay(in, producer);
      producer.flush();
      return replay;
    }
  }

  private void printReplayed(PrintWriter out, ReplayResult replay, AisSummary ais) {
    synchronized (out) {
      out.printf(
          "Replayed %d events (%d rejected lines) from %s%n",
          replay.produced(), replay.rejected(), scenario != null ? scenario : "the seed scenario");
      out.printf(
          "Published %d AIS positions and %d voyage records of the seed scenario's ships"
              + " (synthetic, %s)%n",
          ais.positions(), ais.voyages(), DemoAis.AIS_SET.substring(1));
      out.flush();
    }
  }

  /**
   * Waits until the monitor has processed every input and the demo has read every output: the AIS
   * stage first, since it writes the events it finds to the event topics the rest then reads.
   */
  private void awaitProcessed(Map<String, Object> client, MonitorConfig config, Outputs outputs)
      throws InterruptedException {
    Topics topics = config.topics();
    Duration timeout = timeout();
    try (TopicEnds ends = new TopicEnds(client);
        Admin admin = Admin.create(client)) {
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
      ends.awaitRead(topics.alerts(), outputs.alerts::positions, timeout);
      ends.awaitRead(topics.notifications(), outputs.notifications::positions, timeout);
      ends.awaitRead(topics.cases(), outputs.cases::positions, timeout);
    }
  }

  private Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
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
      socket.bind(new InetSocketAddress(LocalDefaults.LOOPBACK, port));
    } catch (IOException e) {
      throw new UnavailableException(
          "port "
              + port
              + " on "
              + LocalDefaults.LOOPBACK
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
    return port < 0
        ? Optional.empty()
        : Optional.of(DashboardAddress.of(LocalDefaults.LOOPBACK, port, null));
  }

  private static void print(PrintWriter out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
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
