package io.transfermonitor.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A schema registry on a free local port that speaks the part of the Confluent REST API the client
 * uses, in two dialects: CONFLUENT (global level BACKWARD, 409 with error_code 409, 40403 for an
 * unknown schema) and APICURIO (ccompat: global level NONE, 409 with error_code 0, 40401 for an
 * unknown schema, no {@code defaultToGlobal}). It can be told to fail the next calls with a status
 * (503, 429) and to demand basic auth, and it records every request it saw.
 */
final class FakeRegistryServer implements AutoCloseable {

  enum Dialect {
    CONFLUENT,
    APICURIO
  }

  /** One request as it arrived: method, raw (still encoded) path, headers of interest. */
  record Seen(String method, String rawPath, String contentType, String authorization) {}

  private static final Set<String> LEVELS =
      Set.of(
          "NONE",
          "BACKWARD",
          "BACKWARD_TRANSITIVE",
          "FORWARD",
          "FORWARD_TRANSITIVE",
          "FULL",
          "FULL_TRANSITIVE");
  private static final Pattern SUBJECT_VERSIONS = Pattern.compile("/subjects/([^/]+)/versions");
  private static final Pattern SUBJECT = Pattern.compile("/subjects/([^/]+)");
  private static final Pattern LATEST = Pattern.compile("/subjects/([^/]+)/versions/latest");
  private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(-?\\d+)");
  private static final Pattern COMPATIBILITY =
      Pattern.compile("/compatibility/subjects/([^/]+)/versions/latest");
  private static final Pattern SUBJECT_CONFIG = Pattern.compile("/config/([^/]+)");

  private final Dialect dialect;
  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();
  private final Map<String, String> levelBySubject = new HashMap<>();
  private final Deque<Integer> failures = new ArrayDeque<>();
  private final Deque<String> failureBodies = new ArrayDeque<>();
  private final List<Seen> seen = new ArrayList<>();
  private String globalLevel;
  private String requiredAuth;

  private FakeRegistryServer(Dialect dialect) throws IOException {
    this.dialect = dialect;
    this.globalLevel = dialect == Dialect.APICURIO ? "NONE" : "BACKWARD";
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeRegistryServer start(Dialect dialect) throws IOException {
    return new FakeRegistryServer(dialect);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next {@code count} requests get {@code status} with no work done. */
  synchronized void failNext(int count, int status) {
    failNext(count, status, null);
  }

  /** As {@link #failNext(int, int)}, answering {@code body} as is (a proxy's HTML page, say). */
  synchronized void failNext(int count, int status, String body) {
    for (int i = 0; i < count; i++) {
      failures.add(status);
      failureBodies.add(body == null ? "" : body);
    }
  }

  /** From now on every request must carry basic auth for {@code userInfo} (user:password). */
  synchronized void requireBasicAuth(String userInfo) {
    this.requiredAuth =
        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  synchronized void requireBearerToken(String token) {
    this.requiredAuth = "Bearer " + token;
  }

  synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  synchronized long countSeen(String method, String rawPathPrefix) {
    return seen.stream()
        .filter(s -> s.method().equals(method) && s.rawPath().startsWith(rawPathPrefix))
        .count();
  }

  synchronized long countExactly(String method, String rawPath) {
    return seen.stream()
        .filter(s -> s.method().equals(method) && s.rawPath().equals(rawPath))
        .count();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      seen.add(
          new Seen(
              method,
              path,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Authorization")));
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Answer answer;
      if (!failures.isEmpty()) {
        int status = failures.poll();
        String raw = failureBodies.poll();
        if (!raw.isEmpty()) {
          byte[] page = raw.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html");
          exchange.sendResponseHeaders(status, page.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(page);
          }
          return;
        }
        answer = error(status, status, "injected failure");
      } else if (requiredAuth != null
          && !requiredAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer = error(401, 401, "Unauthorized");
      } else {
        answer = route(method, path, query, body);
      }
      byte[] out = answer.body().toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE);
      exchange.sendResponseHeaders(answer.status(), out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    } finally {
      exchange.close();
    }
  }

  private record Answer(int status, JsonNode body) {}

  private Answer route(String method, String path, String query, byte[] body) throws IOException {
    Matcher m;
    if (method.equals("GET") && path.equals("/subjects")) {
      return ok(json.valueToTree(versionsBySubject.keySet()));
    }
    if (method.equals("POST") && (m = SUBJECT_VERSIONS.matcher(path)).matches()) {
      return register(decode(m.group(1)), body);
    }
    if (method.equals("GET") && (m = LATEST.matcher(path)).matches()) {
      return latest(decode(m.group(1)));
    }
    if (method.equals("POST") && (m = SUBJECT.matcher(path)).matches()) {
      return lookUp(decode(m.group(1)), body);
    }
    if (method.equals("GET") && (m = BY_ID.matcher(path)).matches()) {
      String schema = schemasById.get(Integer.parseInt(m.group(1)));
      return schema == null
          ? error(404, schemaNotFoundCode(), "Schema " + m.group(1) + " not found")
          : ok(json.createObjectNode().put("schema", schema));
    }
    if (method.equals("POST") && (m = COMPATIBILITY.matcher(path)).matches()) {
      return compatibility(decode(m.group(1)), body);
    }
    if (path.equals("/config")) {
      return config(null, method, query, body);
    }
    if ((m = SUBJECT_CONFIG.matcher(path)).matches()) {
      return config(decode(m.group(1)), method, query, body);
    }
    return error(404, 404, "HTTP 404 Not Found");
  }

  private Answer register(String subject, byte[] body) throws IOException {
    Schema schema;
    try {
      schema = new Schema.Parser().parse(json.readTree(body).get("schema").asText());
    } catch (RuntimeException e) {
      return error(422, 42201, "Invalid schema: " + e.getMessage());
    }
    List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
    Integer known = idsBySchema.get(schema.toString());
    if (known != null && versions.contains(known)) {
      return ok(json.createObjectNode().put("id", known));
    }
    if (!compatible(subject, schema)) {
      int code = dialect == Dialect.APICURIO ? 0 : 409;
      return error(409, code, "Schema being registered is incompatible with an earlier schema");
    }
    int id = idsBySchema.computeIfAbsent(schema.toString(), s -> 100 + idsBySchema.size() + 1);
    schemasById.put(id, schema.toString());
    versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return ok(json.createObjectNode().put("id", id));
  }

  private Answer lookUp(String subject, byte[] body) throws IOException {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      return error(404, 40401, "Subject '" + subject + "' not found.");
    }
    String schema =
        new Schema.Parser().parse(json.readTree(body).get("schema").asText()).toString();
    Integer id = idsBySchema.get(schema);
    if (id == null || !versions.contains(id)) {
      return error(404, schemaNotFoundCode(), "Schema not found");
    }
    return ok(version(subject, versions.indexOf(id) + 1, id));
  }

  private Answer latest(String subject) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      return error(404, 40401, "Subject '" + subject + "' not found.");
    }
    return ok(version(subject, versions.size(), versions.get(versions.size() - 1)));
  }

  private Answer compatibility(String subject, byte[] body) throws IOException {
    if (!versionsBySubject.containsKey(subject)) {
      return error(404, 40401, "Subject '" + subject + "' not found.");
    }
    Schema schema = new Schema.Parser().parse(json.readTree(body).get("schema").asText());
    return ok(json.createObjectNode().put("is_compatible", compatible(subject, schema)));
  }

  private Answer config(String subject, String method, String query, byte[] body)
      throws IOException {
    if (method.equals("PUT")) {
      String level = json.readTree(body).path("compatibility").asText();
      if (!LEVELS.contains(level)) {
        return error(422, 42203, "Invalid compatibility level");
      }
      if (subject == null) {
        globalLevel = level;
      } else {
        levelBySubject.put(subject, level);
      }
      return ok(json.createObjectNode().put("compatibility", level));
    }
    String level = subject == null ? globalLevel : levelBySubject.get(subject);
    boolean defaultToGlobal =
        dialect == Dialect.CONFLUENT && query != null && query.contains("defaultToGlobal=true");
    if (level == null && defaultToGlobal) {
      level = globalLevel;
    }
    if (level == null) {
      int code = dialect == Dialect.APICURIO ? 40401 : 40408;
      return error(
          404, code, "Subject '" + subject + "' does not have subject-level compatibility");
    }
    return ok(json.createObjectNode().put("compatibilityLevel", level));
  }

  private boolean compatible(String subject, Schema candidate) {
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null || versions.isEmpty()) {
      return true;
    }
    Schema latest = new Schema.Parser().parse(schemasById.get(versions.get(versions.size() - 1)));
    String level = levelBySubject.getOrDefault(subject, globalLevel);
    return switch (level) {
      case "NONE" -> true;
      case "FORWARD", "FORWARD_TRANSITIVE" -> canRead(latest, candidate);
      case "FULL", "FULL_TRANSITIVE" -> canRead(candidate, latest) && canRead(latest, candidate);
      default -> canRead(candidate, latest);
    };
  }

  private static boolean canRead(Schema reader, Schema writer) {
    return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
        == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
  }

  private ObjectNode version(String subject, int version, int id) {
    return json.createObjectNode()
        .put("subject", subject)
        .put("version", version)
        .put("id", id)
        .put("schema", schemasById.get(id));
  }

  private int schemaNotFoundCode() {
    // Apicurio's ccompat API answers 40401 where Confluent says 40403
    return dialect == Dialect.APICURIO ? 40401 : 40403;
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }

  private Answer ok(JsonNode body) {
    return new Answer(200, body);
  }

  private Answer error(int status, int code, String message) {
    return new Answer(
        status, json.createObjectNode().put("error_code", code).put("message", message));
  }
}
