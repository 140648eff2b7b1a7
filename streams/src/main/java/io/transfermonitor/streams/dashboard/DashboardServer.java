package io.transfermonitor.streams.dashboard;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.streams.ais.Gazetteer;
import io.transfermonitor.streams.query.ClusterState;
import io.transfermonitor.streams.query.MonitorViews;
import io.transfermonitor.streams.query.NotReadyException;
import io.transfermonitor.streams.query.Peers;
import io.transfermonitor.streams.query.StoreView;
import io.transfermonitor.streams.query.VesselFindings;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's web dashboard and its JSON API, on Javalin (Jetty):
 *
 * <ul>
 *   <li>{@code /} the page (assets from the jar's {@code /dashboard}, nothing from the network);
 *   <li>{@code GET /api/overview}, {@code /api/caps}, {@code /api/caps/{rule}}, {@code
 *       /api/reported-observed}, {@code /api/reporting-gaps}, {@code /api/activity?kind=}, {@code
 *       /api/components}, {@code /api/alerts?rule=&limit=}, {@code /api/cases}, {@code
 *       /api/instances}: the whole monitor's state as JSON, whichever instance is asked;
 *   <li>{@code GET /api/ais/findings?limit=}: the latest AIS findings of {@code tm.ais.findings}
 *       (1,000 unless {@code limit} says otherwise) and the tracks of the vessels in open cases;
 *       {@code /api/ais/places}: the gazetteer's ports and areas of interest; both for the map;
 *   <li>{@code GET /api/updates}: server-sent events, an {@code update} event naming the views that
 *       changed ({@code caps}, {@code gaps}, {@code activity}, {@code alerts}, {@code cases},
 *       {@code vessels}) with the new overview;
 *   <li>{@code GET /api/local/<view>?key=}: this instance's own rows, for its peers;
 *   <li>{@code GET /api/health}: this instance's own state, asking no other (200 while it runs or
 *       rebalances, 503 otherwise): a readiness probe that one instance's trouble cannot spread.
 * </ul>
 *
 * The server starts before the monitor (the monitor must advertise the server's port) and answers
 * 503 until {@link #attach(ClusterState)}; it answers 503 too, naming why, while state cannot be
 * read (rebalancing, a peer not answering).
 */
public final class DashboardServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  private static final int DEFAULT_ALERT_LIMIT = 100;
  private static final int DEFAULT_FINDING_LIMIT = 1000;

  private final AtomicReference<DashboardViews> views = new AtomicReference<>();
  private final CopyOnWriteArrayList<SseClient> listeners = new CopyOnWriteArrayList<>();
  private final Javalin app;

  private DashboardServer(String bind, int port) {
    this.app = Javalin.create(this::configure).start(bind, port);
  }

  /** Serves on {@code bind:port} ({@code 0} = any free port). */
  public static DashboardServer start(String bind, int port) {
    return new DashboardServer(bind, port);
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /**
   * From now on, answers from {@code state}; the map from {@code findings} and the places of {@code
   * gazetteer}.
   */
  public void attach(ClusterState state, VesselFindings findings, Gazetteer gazetteer) {
    views.set(new DashboardViews(state, findings, gazetteer));
  }

  /**
   * Tells every open page that {@code changed} views ({@code caps}, {@code activity}, ...) moved.
   */
  public void changed(Set<String> changed) {
    if (listeners.isEmpty() || views.get() == null) {
      return;
    }
    Object overview;
    try {
      overview = views.get().overview();
    } catch (NotReadyException e) {
      overview = Map.of("error", e.getMessage());
    }
    Map<String, Object> update = Map.of("changed", changed, "overview", overview);
    for (SseClient client : listeners) {
      if (client.terminated()) {
        listeners.remove(client);
      } else {
        client.sendEvent("update", update);
      }
    }
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.staticFiles.add("/dashboard", Location.CLASSPATH);
    config.routes.exception(NotReadyException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
    config.routes.exception(
        IllegalArgumentException.class,
        (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
    config.routes.get("/api/overview", ctx -> ctx.json(views(ctx).overview()));
    config.routes.get("/api/caps", ctx -> ctx.json(views(ctx).caps()));
    config.routes.get("/api/caps/{rule}", ctx -> ctx.json(views(ctx).caps(ctx.pathParam("rule"))));
    config.routes.get("/api/reported-observed", ctx -> ctx.json(views(ctx).reportedObserved()));
    config.routes.get("/api/reporting-gaps", ctx -> ctx.json(views(ctx).reportingGaps()));
    config.routes.get("/api/activity", ctx -> ctx.json(views(ctx).activity(kind(ctx))));
    config.routes.get("/api/components", ctx -> ctx.json(views(ctx).components()));
    config.routes.get(
        "/api/alerts",
        ctx ->
            ctx.json(views(ctx).alerts(ctx.queryParam("rule"), limit(ctx, DEFAULT_ALERT_LIMIT))));
    config.routes.get(
        "/api/ais/findings",
        ctx -> ctx.json(views(ctx).vesselMap(limit(ctx, DEFAULT_FINDING_LIMIT))));
    config.routes.get("/api/ais/places", ctx -> ctx.json(views(ctx).places()));
    config.routes.get("/api/cases", ctx -> ctx.json(views(ctx).openCases()));
    config.routes.get("/api/instances", ctx -> ctx.json(views(ctx).instances()));
    config.routes.get("/api/health", this::health);
    for (StoreView<?, ?> view : MonitorViews.partitioned()) {
      config.routes.get(
          Peers.LOCAL_PATH + view.name(),
          ctx -> ctx.json(views(ctx).local(view, ctx.queryParam("key"))));
    }
    config.routes.sse("/api/updates", this::listen);
  }

  private void health(Context ctx) {
    KafkaStreams.State state = views(ctx).state();
    boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("state", state.name()));
  }

  private void listen(SseClient client) {
    client.keepAlive();
    listeners.add(client);
    client.onClose(() -> listeners.remove(client));
    client.sendEvent("hello", Map.of("attached", views.get() != null));
  }

  private DashboardViews views(Context ctx) {
    DashboardViews current = views.get();
    if (current == null) {
      throw new NotReadyException("the monitor is starting");
    }
    return current;
  }

  private static int limit(Context ctx, int byDefault) {
    String limit = ctx.queryParam("limit");
    if (limit == null) {
      return byDefault;
    }
    try {
      int n = Integer.parseInt(limit);
      if (n < 0) {
        throw new IllegalArgumentException("limit must not be negative, was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("limit must be a whole number, was '" + limit + "'");
    }
  }

  private static String kind(Context ctx) {
    String kind = ctx.queryParam("kind");
    if (kind == null || kind.isEmpty()) {
      return null;
    }
    try {
      return EventKind.valueOf(kind).name();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "kind must be one of " + Arrays.toString(EventKind.values()) + ", was '" + kind + "'");
    }
  }

  private static void unavailable(Context ctx, String why) {
    LOG.debug("{} unavailable: {}", ctx.path(), why);
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", why));
  }

  @Override
  public void close() {
    listeners.forEach(SseClient::close);
    app.stop();
  }
}
