package io.transfermonitor.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.transfermonitor.cli.WatchedMonitor.DashboardAddress;
import io.transfermonitor.embedded.EmbeddedStackConfig;
import io.transfermonitor.producers.rules.RulePublisher;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.streams.config.MonitorConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor run}: the monitor against the cluster the settings name, or against an
 * embedded stack (topics created, default rules applied) when none is named. Runs until Ctrl-C. A
 * named cluster or registry that does not answer within {@code --max-wait} ends it with exit code
 * 3.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the monitor until Ctrl-C: reads tm.events.*, tm.ais.positions, tm.ais.voyages and"
          + " tm.case-actions, writes tm.alerts, tm.cases, tm.notifications, tm.aggregates.* and"
          + " tm.ais.findings (and the events it finds in AIS to tm.events.*).",
      "With no cluster named (--bootstrap-servers, KAFKA_BOOTSTRAP_SERVERS, --config), starts an"
          + " embedded broker and registry, creates the topics and applies the default rules.",
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
              + " automatically on the embedded stack).")
  Path rules;

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
    ShutdownSequence shutdown = new ShutdownSequence();
    TargetCluster cluster =
        shutdown.add(
            named.orElseGet(
                () ->
                    TargetCluster.embedded(
                        EmbeddedStackConfig.builder().dataDir(dataDir).build(), out)));
    if (cluster.isEmbedded() || createTopics) {
      cluster.createTopics(topics, settings.topicLayout());
    }
    if (cluster.isEmbedded() || rules != null) {
      var loaded = DefaultRules.load(rules);
      RulePublisher.publish(cluster.clientProperties(), topics.rules(), loaded);
      out.printf("Published %d rules to %s%n", loaded.size(), topics.rules());
    }
    MonitorConfig config = settings.monitorConfig();
    Properties props = cluster.streamsProperties();
    props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    String bind = settings.get(AppSetting.HTTP_BIND);
    Optional<DashboardAddress> dashboard =
        dashboardPort < 0
            ? Optional.empty()
            : Optional.of(
                DashboardAddress.of(
                    bind, dashboardPort, settings.get(AppSetting.DASHBOARD_ADVERTISED_HOST)));
    WatchedMonitor monitor =
        shutdown.add(
            WatchedMonitor.start(cluster.clientProperties(), props, config, dashboard, meters));
    shutdown.add(
        () -> {
          out.println("Stopping the monitor...");
          out.flush();
        });
    MetricsEndpoint metrics =
        metricsPort >= 0 ? shutdown.add(MetricsEndpoint.serve(bind, metricsPort, meters)) : null;
    monitor.app().awaitRunning(Duration.ofMinutes(2));
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
    shutdown.awaitInterrupt();
    return 0;
  }
}
