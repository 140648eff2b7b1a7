package io.transfermonitor.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.transfermonitor.cli.settings.AppSetting;
import io.transfermonitor.cli.settings.SettingsException;
import io.transfermonitor.embedded.PortUnavailableException;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.schemas.Topics;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.app.MonitorApplication;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.dashboard.DashboardServer;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import io.transfermonitor.streams.query.ClusterState;
import io.transfermonitor.streams.query.LocalStores;
import io.transfermonitor.streams.query.OutputFeed;
import io.transfermonitor.streams.query.Peers;
import io.transfermonitor.streams.query.StoreHosts;
import io.transfermonitor.streams.query.VesselFindings;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The monitor with what people watch it by, started together and stopped in reverse: the dashboard
 * server (first, since the monitor advertises its address as {@code application.server}), the
 * monitor, and the {@link OutputFeed} that keeps the cap gauges and the dashboard's map of AIS
 * findings current and pushes live updates to open dashboards.
 */
final class WatchedMonitor implements AutoCloseable {

  /** Output topics whose changes the dashboard hears of, with the views they feed. */
  static Map<String, String> watchedTopics(Topics topics) {
    return Map.of(
        topics.capUsage(),
        "caps",
        topics.reportingGaps(),
        "gaps",
        topics.activity(),
        "activity",
        topics.alerts(),
        "alerts",
        topics.cases(),
        "cases",
        topics.aisFindings(),
        "vessels",
        topics.components(),
        "components");
  }

  /**
   * The compacted outputs read from the start: each key's latest value feeds a gauge, or (the AIS
   * findings) the dashboard's map.
   */
  private static Map<String, Consumer<byte[]>> latestValueReaders(
      Map<String, Object> clientProps,
      Topics topics,
      MonitorMetrics metrics,
      VesselFindings findings) {
    Deserializer<CapUsage> usages = AvroSerde.forValue(clientProps, CapUsage.class).deserializer();
    Deserializer<Case> cases = AvroSerde.forValue(clientProps, Case.class).deserializer();
    Deserializer<VesselFinding> found =
        AvroSerde.forValue(clientProps, VesselFinding.class).deserializer();
    return Map.of(
        topics.capUsage(),
        bytes -> metrics.capUsage(usages.deserialize(topics.capUsage(), bytes)),
        topics.cases(),
        bytes -> metrics.caseState(cases.deserialize(topics.cases(), bytes)),
        topics.aisFindings(),
        bytes -> findings.accept(found.deserialize(topics.aisFindings(), bytes)));
  }

  private final DashboardServer dashboard;
  private final MonitorApplication app;
  private final OutputFeed feed;
  private final String dashboardUrl;

  private WatchedMonitor(
      DashboardServer dashboard, MonitorApplication app, OutputFeed feed, String dashboardUrl) {
    this.dashboard = dashboard;
    this.app = app;
    this.feed = feed;
    this.dashboardUrl = dashboardUrl;
  }

  /**
   * Starts it all.
   *
   * @param clientProps bootstrap servers, registry URL and client (security) properties
   * @param streamsProps the monitor's Kafka Streams properties (state dir and overrides)
   * @param dashboard where the dashboard listens, or empty for none
   */
  static WatchedMonitor start(
      Map<String, Object> clientProps,
      Properties streamsProps,
      MonitorConfig config,
      Optional<DashboardAddress> dashboard,
      PrometheusMeterRegistry meters) {
    DashboardServer server =
        dashboard.map(d -> DashboardServer.start(d.bind(), d.port())).orElse(null);
    HostInfo self = null;
    if (server != null) {
      self = new HostInfo(dashboard.get().advertisedHost(), server.port());
      streamsProps.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    }
    MonitorApplication app;
    try {
      app = MonitorApplication.start(streamsProps, config, meters);
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      throw e;
    }
    VesselFindings findings = new VesselFindings();
    if (server != null) {
      server.attach(
          new ClusterState(
              new StoreHosts(app.streams(), self), new LocalStores(app.streams()), new Peers()),
          findings,
          config.ais().gazetteer());
    }
    Topics topics = config.topics();
    OutputFeed feed =
        new OutputFeed(
                clientProps,
                watchedTopics(topics),
                latestValueReaders(clientProps, topics, app.metrics(), findings),
                server != null ? server::changed : changed -> {},
                meters)
            .start();
    String url = self == null ? null : "http://" + self.host() + ":" + self.port() + "/";
    return new WatchedMonitor(server, app, feed, url);
  }

  private static DashboardServer serve(DashboardAddress address) {
    try {
      return DashboardServer.start(address.bind(), address.port());
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof BindException) {
          throw new PortUnavailableException(
              "dashboard", address.port(), "pass --dashboard-port with a free one (0 = any)", e);
        }
      }
      throw e;
    }
  }

  MonitorApplication app() {
    return app;
  }

  /** The dashboard's address, if one is served. */
  Optional<String> dashboardUrl() {
    return Optional.ofNullable(dashboardUrl);
  }

  @Override
  public void close() {
    feed.close();
    if (dashboard != null) {
      dashboard.close();
    }
    app.close();
  }

  /**
   * Where the dashboard listens and how other instances reach it.
   *
   * @param bind the address to listen on
   * @param port the port ({@code 0} = any free one)
   * @param advertisedHost the host name other instances use
   */
  record DashboardAddress(String bind, int port, String advertisedHost) {

    /** {@code advertised}, else the bind address, else (bound to all) this machine's name. */
    static DashboardAddress of(String bind, int port, String advertised) {
      if (advertised != null) {
        return new DashboardAddress(bind, port, advertised);
      }
      if (!bind.equals("0.0.0.0")) {
        return new DashboardAddress(bind, port, bind);
      }
      try {
        return new DashboardAddress(bind, port, InetAddress.getLocalHost().getHostName());
      } catch (UnknownHostException e) {
        throw new SettingsException(
            AppSetting.DASHBOARD_ADVERTISED_HOST.key(),
            "bad setting "
                + AppSetting.DASHBOARD_ADVERTISED_HOST.key()
                + ": this machine has no name other instances could reach; set it");
      }
    }
  }
}
