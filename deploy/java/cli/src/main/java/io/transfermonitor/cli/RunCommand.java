package io.transfermonitor.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.transfermonitor.cli.WatchedMonitor.DashboardAddress;
import io.transfermonitor.cli.kafka.Reachability;
import io.transfermonitor.cli.kafka.TargetCluster;
import io.transfermonitor.cli.kafka.UnavailableException;
import io.transfermonitor.cli.settings.AppSetting;
import io.transfermonitor.cli.settings.LocalDefaults;
import io.transfermonitor.cli.settings.MaxWaitOption;
import io.transfermonitor.cli.settings.Redaction;
import io.transfermonitor.cli.settings.Settings;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import io.transfermonitor.embedded.PortUnavailableException;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.schemas.TopicProvisioner;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.app.MonitorMeters;
import io.transfermonitor.streams.config.MonitorConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor run}: the monitor against the cluster the settings name, against the
 * local stack ({@code transfer-monitor stack}) when none is named and one answers at
 * 127.0.0.1:9092, or else against an embedded stack it starts; on both of the latter the topics are
 * created and the default rules applied (on the local stack only when no rules are live). Against a
 * named cluster it needs the topics ({@code topics create} or {@code --create-topics}) and live
 * rules ({@code --rules}, or {@code --no-rules} to start without). Runs until Ctrl-C. A named
 * cluster or registry that does not answer within {@code --max-wait} ends it with exit code 3.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the monitor until Ctrl-C: reads tm.events.*, tm.ais.positions, tm.ais.voyages and"
          + " tm.case-actions, writes tm.alerts, tm.cases, tm.notifications, tm.aggregates.* and"
          + " tm.ais.findings (and the events it finds in AIS to tm.events.*).",
      "With no cluster named (--bootstrap-servers, KAFKA_BOOTSTRAP_SERVERS, --config), runs"
          + " against the stack of 'transfer-monitor stack' when one answers at 127.0.0.1:9092,"
          + " else starts an embedded broker and registry; either way it creates the topics and"
          + " applies the default rules (on a running stack only when no rules are live).",
      "Against a named cluster the topics must exist (topics create, or --create-topics) and"
          + " rules be live (rules apply, or --rules FILE); --no-rules starts without.",
      "Watch the alerts with: transfer-monitor alerts; the cases with: transfer-monitor cases list"
    })
public class RunCommand implements Callable<Integer> {

  @Mixin SettingsOptions options;

  @Mixin MaxWaitOption maxWait;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "Publish this rules file before starting (the built-in default set is published"
              + " automatically on the embedded stack, and on a running local stack that has"
              + " none).")
  Path rules;

  @Option(
      names = "--no-rules",
      description =
          "Start even when no rules are live on the rules topic (else refused: the events read"
              + " meanwhile would be counted by no rule, not even by one published later).")
  boolean noRules;

  @Option(
      names = "--create-topics",
      description = "Create missing topics first (always done on the embedded stack).")
  boolean createTopics;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "9464",
      description =
          "Serve Prometheus metrics on http://127.0.0.1:PORT/metrics (default"
              + " ${DEFAULT-VALUE}; -1 = off).")
  int metricsPort;

  @Option(
      names = "--dashboard-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description =
          "Serve the dashboard and its JSON API on http://127.0.0.1:PORT/ (default"
              + " ${DEFAULT-VALUE}; 0 = any free port; -1 = off). Address: tm.http.bind.")
  int dashboardPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "tm-data",
      description =
          "Embedded stack only: where topics and schemas are kept (default ./${DEFAULT-VALUE}).")
  Path dataDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = options.settings();
    PrintWriter out = spec.commandLine().getOut();
    Topics topics = settings.topics();
    Optional<TargetCluster> named = namedCluster(settings, out);
    ShutdownSequence shutdown = new ShutdownSequence();
    Optional<TargetCluster> local =
        named.isPresent() ? Optional.empty() : localStack(settings, out);
    TargetCluster cluster = shutdown.add(named.or(() -> local).orElseGet(() -> startEmbedded(out)));
    boolean dev = cluster.isEmbedded() || local.isPresent();
    MonitorLaunch launch = MonitorLaunch.on(shutdown, cluster);
    prepareTopics(launch, cluster, settings, dev);
    publishRules(cluster, topics, dev, out);
    MonitorConfig config = settings.monitorConfig();
    PrometheusMeterRegistry meters = MonitorMeters.prometheus();
    String bind = settings.get(AppSetting.HTTP_BIND);
    WatchedMonitor monitor =
        launch.start(config, settings.stateDir(), dashboardAddress(settings, bind), meters);
    shutdown.add(
        () -> {
          out.println("Stopping the monitor...");
          out.flush();
        });
    MetricsEndpoint metrics =
        metricsPort >= 0 ? shutdown.add(MetricsEndpoint.serve(bind, metricsPort, meters)) : null;
    MonitorLaunch.awaitRunning(monitor);
    printRunning(out, config, cluster, topics, monitor, metrics);
    shutdown.awaitInterrupt();
    return 0;
  }

  /**
   * The cluster the settings name, once its broker and registry answer (within --max-wait); empty
   * when none is named.
   */
  private Optional<TargetCluster> namedCluster(Settings settings, PrintWriter out)
      throws InterruptedException {
    Optional<TargetCluster> named = TargetCluster.named(settings);
    if (named.isPresent() && spec.commandLine().getParseResult().hasMatchedOption("--data-dir")) {
      throw new SettingsException(
          "--data-dir",
          "bad setting --data-dir: it places the embedded stack's data, and a cluster is named;"
              + " the monitor's state goes to tm.state.dir (TM_STATE_DIR), now "
              + settings.stateDir());
    }
    if (named.isPresent()) {
      Reachability reach = new Reachability(out, maxWait.duration());
      reach.awaitKafka(named.get().bootstrapServers(), named.get().clientProperties());
      reach.awaitRegistry(named.get().schemaRegistryUrl());
    }
    return named;
  }

  /** Creates the topics on a development stack or with --create-topics; else requires them. */
  private void prepareTopics(
      MonitorLaunch launch, TargetCluster cluster, Settings settings, boolean dev) {
    Topics topics = settings.topics();
    if (dev || createTopics) {
      launch.createTopics(topics, settings.topicLayout());
    } else {
      Reachability.requireTopics(
          cluster.clientProperties(),
          TopicProvisioner.plan(topics, settings.topicLayout()).stream()
              .map(NewTopic::name)
              .toList());
    }
  }

  private Optional<DashboardAddress> dashboardAddress(Settings settings, String bind) {
    return dashboardPort < 0
        ? Optional.empty()
        : Optional.of(
            DashboardAddress.of(
                bind, dashboardPort, settings.get(AppSetting.DASHBOARD_ADVERTISED_HOST)));
  }

  /** Where the monitor runs and how to watch it. */
  private static void printRunning(
      PrintWriter out,
      MonitorConfig config,
      TargetCluster cluster,
      Topics topics,
      WatchedMonitor monitor,
      MetricsEndpoint metrics) {
    out.printf(
        "Monitor %s running against %s (registry %s)%n",
        config.applicationId(),
        cluster.bootstrapServers(),
        Redaction.url(cluster.schemaRegistryUrl()));
    out.printf("  alerts   %s   (transfer-monitor alerts", topics.alerts());
    out.println(cluster.isEmbedded() ? ")" : " -b " + cluster.bootstrapServers() + " ...)");
    out.printf("  cases    %s   (transfer-monitor cases list", topics.cases());
    out.println(cluster.isEmbedded() ? ")" : " -b " + cluster.bootstrapServers() + " ...)");
    monitor.dashboardUrl().ifPresent(url -> out.println("  dashboard " + url));
    if (metrics != null) {
      out.println("  metrics  " + metrics.url());
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  /**
   * The broker of {@code transfer-monitor stack} at 127.0.0.1:9092, when one answers there: a local
   * session runs the monitor against it instead of starting a second stack on its port.
   */
  private static Optional<TargetCluster> localStack(Settings settings, PrintWriter out)
      throws InterruptedException {
    Optional<TargetCluster> local = TargetCluster.localStack(settings);
    if (local.isPresent()) {
      out.printf(
          "Found a running stack at %s (registry %s): the monitor runs against it%n",
          local.get().bootstrapServers(), Redaction.url(local.get().schemaRegistryUrl()));
      out.flush();
      new Reachability(out, Duration.ofSeconds(30)).awaitRegistry(local.get().schemaRegistryUrl());
    }
    return local;
  }

  private TargetCluster startEmbedded(PrintWriter out) {
    try {
      return TargetCluster.embedded(EmbeddedStackConfig.builder().dataDir(dataDir).build(), out);
    } catch (PortUnavailableException e) {
      throw new UnavailableException(
          "port "
              + e.port()
              + " on "
              + LocalDefaults.LOOPBACK
              + " is already in use"
              + (e.port() == EmbeddedStackConfig.DEFAULT_BROKER_PORT
                  ? ", and no Kafka broker this command can talk to answers there"
                  : "")
              + ": stop whatever holds it, or name the cluster to run against with"
              + " --bootstrap-servers (kafka.bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS)",
          e);
    }
  }

  /**
   * Publishes {@code --rules}, or on a development stack the default rules when none are live;
   * refuses to start against a cluster with no rules unless {@code --no-rules} asks for it, since
   * the events it reads then are counted by no rule, not even by one published later.
   */
  private void publishRules(TargetCluster cluster, Topics topics, boolean dev, PrintWriter out) {
    Map<String, Object> client = cluster.clientProperties();
    if (rules != null || cluster.isEmbedded()) {
      var loaded = DefaultRules.load(rules);
      RulePublisher.publish(client, topics.rules(), loaded);
      out.printf("Published %d rules to %s%n", loaded.size(), topics.rules());
      out.flush();
      return;
    }
    int live =
        RulesApplyCommand.onTopic(
                topics.rules(), client, () -> RulePublisher.held(client, topics.rules()))
            .size();
    if (live > 0) {
      out.printf(
          "%d rules live on %s (change them with: transfer-monitor rules apply FILE)%n",
          live, topics.rules());
    } else if (noRules) {
      out.printf(
          "No rules are live on %s and --no-rules is given: the monitor counts no event against"
              + " any rule until rules are published (see docs/rules.md, 'Counting the events of"
              + " the meantime')%n",
          topics.rules());
    } else if (dev) {
      var loaded = DefaultRules.builtIn();
      RulePublisher.publish(client, topics.rules(), loaded);
      out.printf(
          "Published the %d default rules to %s (none were live)%n", loaded.size(), topics.rules());
    } else {
      throw new SettingsException(
          "--no-rules",
          "no rules are live on "
              + topics.rules()
              + " at "
              + cluster.bootstrapServers()
              + ": the monitor would alert on nothing, and the events it reads meanwhile are"
              + " counted by rules published later only on request, by 'rules recount' for each"
              + " (docs/rules.md, 'Counting the events of the meantime'). Publish rules first (transfer-monitor rules apply"
              + " deploy/config/rules.yaml, with the same --bootstrap-servers or --config), or"
              + " give --rules FILE, or start without rules with --no-rules");
    }
    out.flush();
  }
}
