package io.transfermonitor.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Speaks the Confluent Schema Registry REST API over HTTP ({@code java.net.http}), so it works
 * against Confluent Schema Registry, Apicurio's ccompat API, Karapace, Redpanda and the embedded
 * development registry.
 *
 * <p>In: subjects and Avro schemas. Out: global schema ids, schemas by id, latest versions,
 * compatibility answers and levels. Ids are cached per id and per (subject, schema), since a
 * registry never changes what an id means; latest versions and levels are asked every time.
 *
 * <p>Connection errors, 5xx and 429 answers are retried a bounded number of times with a doubling
 * pause (a {@code Retry-After} is honoured up to the longest pause); 4xx answers are not retried.
 * Registering is safe to retry: the registry answers the same id for the same schema. Every failure
 * is a {@link SchemaRegistryException} naming the subject (or id), the URL, the HTTP status and the
 * registry's {@code error_code}. Any 404 counts as "not found", whatever its code, because Apicurio
 * answers 40401 where Confluent says 40403.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  /** The registry's media type, sent with every request body. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final RegistryEndpoint endpoint;
  private final RegistryHttp http;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {}

  /** A client for {@code url} with default retries and no credentials beyond those in the URL. */
  public HttpSchemaRegistryClient(String url) {
    this(RegistryEndpoint.of(url));
  }

  public HttpSchemaRegistryClient(RegistryEndpoint endpoint) {
    this.endpoint = endpoint;
    this.http = new RegistryHttp(endpoint, json);
  }

  /** Where this client sends its calls. */
  public RegistryEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public int register(String subject, Schema schema) {
    return idFor(subject, schema, "register", subjectPath(subject) + "/versions");
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return idFor(subject, schema, "look up", subjectPath(subject));
  }

  /** The id of {@code schema} under {@code subject}: cached, else POSTed to {@code path}. */
  private int idFor(String subject, Schema schema, String verb, String path) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer =
        http.call(
            verb + " a schema under subject '" + subject + "'", "POST", path, schemaBody(schema));
    int id = requiredInt(answer, "id", verb + " under subject '" + subject + "'");
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    String what = "get schema id " + id;
    JsonNode answer = http.call(what, "GET", "/schemas/ids/" + id, null);
    Schema schema = parseAvro(answer, what);
    schemasById.putIfAbsent(id, schema);
    return schema;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    String what = "get the latest version of subject '" + subject + "'";
    JsonNode answer = http.call(what, "GET", subjectPath(subject) + "/versions/latest", null);
    Schema schema = parseAvro(answer, what);
    int id = requiredInt(answer, "id", what);
    schemasById.putIfAbsent(id, schema);
    String named = answer.hasNonNull("subject") ? answer.get("subject").asText() : subject;
    return new RegisteredSchema(named, requiredInt(answer, "version", what), id, schema);
  }

  /**
   * Asks whether {@code schema} may join {@code subject}. A subject that does not exist yet accepts
   * any schema (Confluent answers 404 there in older versions, true in newer ones).
   */
  @Override
  public boolean isCompatible(String subject, Schema schema) {
    String what = "check compatibility of a schema with subject '" + subject + "'";
    try {
      JsonNode answer =
          http.call(
              what,
              "POST",
              "/compatibility" + subjectPath(subject) + "/versions/latest",
              schemaBody(schema));
      JsonNode verdict = answer.get("is_compatible");
      if (verdict == null || !verdict.isBoolean()) {
        throw malformed(what, "no boolean 'is_compatible' in " + answer);
      }
      return verdict.booleanValue();
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        return true;
      }
      throw e;
    }
  }

  /**
   * The level in force for {@code subject}: its own, else the global one (Apicurio's global default
   * is NONE, Confluent's BACKWARD). A null subject asks for the global level.
   */
  @Override
  public String compatibility(String subject) {
    if (subject != null) {
      try {
        JsonNode answer =
            http.call(
                "get the compatibility level of subject '" + subject + "'",
                "GET",
                "/config/" + encode(subject) + "?defaultToGlobal=true",
                null);
        return level(answer, "subject '" + subject + "'");
      } catch (SchemaRegistryException e) {
        if (!e.isNotFound()) {
          throw e;
        }
        // no level of its own (or a registry that ignores defaultToGlobal): the global one applies
      }
    }
    return level(http.call("get the global compatibility level", "GET", "/config", null), "global");
  }

  @Override
  public void setCompatibility(String subject, String level) {
    ObjectNode body = json.createObjectNode().put("compatibility", level);
    if (subject == null) {
      http.call(
          "set the global compatibility level to " + level, "PUT", "/config", body.toString());
    } else {
      http.call(
          "set the compatibility level of subject '" + subject + "' to " + level,
          "PUT",
          "/config/" + encode(subject),
          body.toString());
    }
  }

  /** Every subject the registry knows. */
  @Override
  public List<String> subjects() {
    JsonNode answer = http.call("list subjects", "GET", "/subjects", null);
    if (!answer.isArray()) {
      throw malformed("list subjects", "expected a JSON array, got " + answer);
    }
    List<String> subjects = new ArrayList<>();
    answer.forEach(s -> subjects.add(s.asText()));
    return subjects;
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + encode(subject);
  }

  /** Percent-encodes one path segment (spaces as %20, slashes as %2F). */
  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String schemaBody(Schema schema) {
    return json.createObjectNode().put("schema", schema.toString()).toString();
  }

  private String level(JsonNode answer, String whose) {
    // Confluent answers compatibilityLevel on GET; some registries echo compatibility instead
    for (String field : new String[] {"compatibilityLevel", "compatibility"}) {
      if (answer.hasNonNull(field)) {
        return answer.get(field).asText();
      }
    }
    throw malformed("get the " + whose + " compatibility level", "no level in " + answer);
  }

  private Schema parseAvro(JsonNode answer, String what) {
    String type = answer.hasNonNull("schemaType") ? answer.get("schemaType").asText() : "AVRO";
    if (!"AVRO".equalsIgnoreCase(type)) {
      throw malformed(what, "the schema is " + type + ", not AVRO");
    }
    JsonNode text = answer.get("schema");
    if (text == null || !text.isTextual()) {
      throw malformed(what, "no 'schema' text in the answer");
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (SchemaParseException e) {
      throw malformed(what, "the registry's schema does not parse: " + e.getMessage());
    }
  }

  private int requiredInt(JsonNode answer, String field, String what) {
    JsonNode value = answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw malformed(what, "no integer '" + field + "' in " + answer);
    }
    return value.intValue();
  }

  private SchemaRegistryException malformed(String what, String detail) {
    return new SchemaRegistryException(
        "schema registry at " + endpoint.baseUrl() + ": cannot " + what + ": " + detail, 0, 0);
  }

  @Override
  public String toString() {
    return "HttpSchemaRegistryClient[" + endpoint + "]";
  }
}
