package io.transfermonitor.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development schema registry: an HTTP server on 127.0.0.1 speaking the subset of the Confluent
 * Schema Registry REST API that transfer-monitor's client and Confluent's serdes use, for Avro.
 *
 * <p>Endpoints: {@code POST /subjects/{s}/versions} (register), {@code POST /subjects/{s}}
 * (lookup), {@code GET /schemas/ids/{id}}, {@code GET /subjects}, {@code GET
 * /subjects/{s}/versions}, {@code GET /subjects/{s}/versions/{v|latest}}, {@code POST
 * /compatibility/subjects/{s}/versions/{v|latest}}, {@code GET|PUT /config[/{s}]}. Errors use
 * Confluent's body {@code {"error_code":40401,"message":"..."}}. Compatibility is BACKWARD unless
 * configured otherwise. Schemas are kept in the broker's compacted {@code _schemas} topic, so ids
 * survive a restart; the same schema always gets the same id. Secure (given a {@link
 * StackSecurity}): HTTPS with the broker's certificate, and every request must carry HTTP basic
 * auth of one of the stack's users (401 otherwise). Not for production: no per-user permissions, no
 * schema references, one instance per topic.
 */
public final class DevSchemaRegistry implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DevSchemaRegistry.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final HttpServer server;
  private final ExecutorService executor;
  private final SchemaStore store;
  private final boolean secure;

  private DevSchemaRegistry(
      HttpServer server, ExecutorService executor, SchemaStore store, boolean secure) {
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.secure = secure;
  }

  /**
   * Replays {@code _schemas} from the broker at {@code bootstrapServers} and serves on {@code
   * 127.0.0.1:port} (0 = a free port).
   *
   * @throws PortUnavailableException if {@code port} is taken
   */
  public static DevSchemaRegistry start(String bootstrapServers, int port) {
    return start(Map.of("bootstrap.servers", bootstrapServers), port, null);
  }

  /**
   * Replays {@code _schemas} through a client configured by {@code kafkaClientProps} and serves on
   * {@code 127.0.0.1:port}: HTTPS with basic auth when {@code security} is not null, else HTTP.
   *
   * @throws PortUnavailableException if {@code port} is taken
   */
  public static DevSchemaRegistry start(
      Map<String, Object> kafkaClientProps, int port, StackSecurity security) {
    SchemaStore store = SchemaStore.open(kafkaClientProps);
    HttpServer server;
    try {
      InetSocketAddress address = new InetSocketAddress(LocalPorts.HOST, port);
      if (security == null) {
        server = HttpServer.create(address, 0);
      } else {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(security.serverSslContext()));
        server = https;
      }
    } catch (BindException e) {
      store.close();
      throw new PortUnavailableException(
          "schema registry", port, "choose another with --registry-port", e);
    } catch (IOException e) {
      store.close();
      throw new IllegalStateException("cannot start the schema registry: " + e.getMessage(), e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "tm-dev-schema-registry");
              t.setDaemon(true);
              return t;
            });
    DevSchemaRegistry registry = new DevSchemaRegistry(server, executor, store, security != null);
    HttpContext context = server.createContext("/", registry::handle);
    if (security != null) {
      context.setAuthenticator(
          new BasicAuthenticator("transfer-monitor schema registry") {
            @Override
            public boolean checkCredentials(String user, String password) {
              return security.accepts(user, password);
            }
          });
    }
    server.setExecutor(executor);
    server.start();
    log.info("schema registry ready on {}", registry.url());
    return registry;
  }

  /** {@code http://127.0.0.1:<port>}, or {@code https://} when secure. */
  public String url() {
    return (secure ? "https://" : "http://") + LocalPorts.HOST + ":" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int status = 200;
      Object body;
      try {
        body = route(exchange.getRequestMethod(), segments(exchange), exchange);
      } catch (RegistryError e) {
        status = e.status();
        body = error(e.errorCode(), e.getMessage());
      } catch (JsonProcessingException e) {
        status = 400;
        body = error(400, "Unparseable JSON request body: " + e.getOriginalMessage());
      } catch (RuntimeException e) {
        log.warn(
            "schema registry request {} {} failed",
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            e);
        status = 500;
        body = error(50001, "Error in the backend data store: " + e.getMessage());
      }
      byte[] bytes = JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static List<String> segments(HttpExchange exchange) {
    List<String> parts = new ArrayList<>();
    for (String raw : exchange.getRequestURI().getRawPath().split("/")) {
      if (!raw.isEmpty()) {
        parts.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
      }
    }
    return parts;
  }

  private Object route(String method, List<String> path, HttpExchange exchange) throws IOException {
    int n = path.size();
    String first = n > 0 ? path.get(0) : "";
    boolean get = method.equals("GET");
    boolean post = method.equals("POST");
    boolean put = method.equals("PUT");
    if (n == 0 && get) {
      return JSON.createObjectNode();
    }
    if (first.equals("subjects")) {
      if (n == 1 && get) {
        return store.subjects();
      }
      String subject = n > 1 ? path.get(1) : null;
      if (n == 2 && post) {
        Schema schema = schemaIn(exchange);
        store.versions(subject); // 40401 when the subject is unknown
        return versionBody(store.lookup(subject, schema).orElseThrow(() -> lookupMiss(subject)));
      }
      if (n == 3 && path.get(2).equals("versions") && post) {
        return idBody(store.register(subject, schemaIn(exchange)).id());
      }
      if (n == 3 && path.get(2).equals("versions") && get) {
        return store.versions(subject).stream().map(SchemaStore.Version::version).toList();
      }
      if (n == 4 && path.get(2).equals("versions") && get) {
        return versionBody(store.version(subject, path.get(3)));
      }
      if (n == 5 && path.get(2).equals("versions") && path.get(4).equals("schema") && get) {
        return JSON.readTree(store.version(subject, path.get(3)).schema().toString());
      }
    }
    if (first.equals("schemas")) {
      if (n == 3 && path.get(1).equals("ids") && get) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", store.schemaById(parseId(path.get(2))).toString());
        return body;
      }
      if (n == 2 && path.get(1).equals("types") && get) {
        return List.of("AVRO");
      }
    }
    if (first.equals("compatibility")
        && n == 5
        && path.get(1).equals("subjects")
        && path.get(3).equals("versions")
        && post) {
      String violation = store.violation(path.get(2), path.get(4), schemaIn(exchange));
      ObjectNode body = JSON.createObjectNode();
      body.put("is_compatible", violation == null);
      if (violation != null && "true".equals(queryParam(exchange, "verbose"))) {
        body.putArray("messages").add(violation);
      }
      return body;
    }
    if (first.equals("config") && n <= 2) {
      String subject = n == 2 ? path.get(1) : null;
      if (get) {
        Compatibility level;
        if (subject == null || "true".equals(queryParam(exchange, "defaultToGlobal"))) {
          level = store.level(subject);
        } else {
          level =
              store
                  .subjectLevel(subject)
                  .orElseThrow(
                      () ->
                          new RegistryError(
                              404,
                              RegistryError.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                              "Subject '"
                                  + subject
                                  + "' does not have subject-level compatibility configured"));
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("compatibilityLevel", level.name());
        return body;
      }
      if (put) {
        JsonNode request = JSON.readTree(readBody(exchange));
        Compatibility level = Compatibility.parse(request.path("compatibility").asText(null));
        store.setLevel(subject, level);
        ObjectNode body = JSON.createObjectNode();
        body.put("compatibility", level.name());
        return body;
      }
    }
    throw new RegistryError(
        404, 404, "HTTP 404 Not Found: " + method + " /" + String.join("/", path));
  }

  private static RegistryError lookupMiss(String subject) {
    return RegistryError.schemaNotFound("under subject '" + subject + "'");
  }

  private Schema schemaIn(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(readBody(exchange));
    String type = request.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw new RegistryError(
          422, RegistryError.INVALID_SCHEMA, "Schema type " + type + " is not supported here");
    }
    if (request.has("references") && request.get("references").size() > 0) {
      throw new RegistryError(
          422, RegistryError.INVALID_SCHEMA, "Schema references are not supported here");
    }
    return SchemaStore.parse(request.path("schema").asText(null));
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      if (body.length == 0) {
        throw new RegistryError(422, 422, "A JSON request body is required");
      }
      return body;
    }
  }

  private static int parseId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw RegistryError.schemaNotFound("id " + text);
    }
  }

  private static String queryParam(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static ObjectNode versionBody(SchemaStore.Version v) {
    ObjectNode body = JSON.createObjectNode();
    body.put("subject", v.subject()).put("version", v.version()).put("id", v.id());
    body.put("schema", v.schema().toString());
    return body;
  }

  private static ObjectNode idBody(int id) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", id);
    return body;
  }

  private static ObjectNode error(int code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error_code", code);
    body.put("message", message);
    return body;
  }
}
