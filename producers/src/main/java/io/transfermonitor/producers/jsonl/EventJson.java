package io.transfermonitor.producers.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.schemas.EventTypes;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The JSON Lines event format: one JSON object per line, {@code type} naming the event kind ({@code
 * "tanker-delivery"} or {@code "TANKER_DELIVERY"}), every other member named after the Avro field
 * of the event record, the common header nested under {@code "header"}. Times are ISO-8601 ({@code
 * 2024-03-15T00:00:00Z}; a bare date means midnight UTC), enums are their symbol names
 * (case-insensitive on input), optional fields may be left out, and unknown members are errors so
 * that typos do not silently lose data.
 *
 * <p>In: one line (or a parsed tree). Out: the generated {@link SpecificRecord} of {@code
 * io.transfermonitor.model}. And back: {@link #write} renders a record as one line (nulls left
 * out), which {@link #read} reads to an equal record. Scalars given as strings ({@code "25000"},
 * {@code "true"}) are accepted, so CSV mappings can hand in text.
 */
public final class EventJson {

  /** The member naming the event kind. */
  public static final String TYPE = "type";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SpecificData MODEL = SpecificData.get();

  private EventJson() {}

  /** Reads one JSON line; {@code line} (1-based, 0 if unknown) goes into error messages. */
  public static SpecificRecord read(String json, long line) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new EventJsonException(line, null, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new EventJsonException(line, null, "expected one JSON object per line");
    }
    try {
      return read((ObjectNode) tree);
    } catch (EventJsonException e) {
      throw e.atLine(line);
    }
  }

  /** Reads an event from a parsed object that carries its {@code type}. */
  public static SpecificRecord read(ObjectNode tree) {
    JsonNode type = tree.get(TYPE);
    if (type == null || !type.isTextual()) {
      throw new EventJsonException(
          0,
          TYPE,
          "missing: every line names its event kind, e.g. " + "\"type\":\"tanker-delivery\"");
    }
    return read(kindOf(type.asText()), tree);
  }

  /** Reads an event of {@code kind} from a parsed object ({@code type} is ignored if present). */
  public static SpecificRecord read(EventKind kind, ObjectNode tree) {
    Schema schema = MODEL.getSchema(EventTypes.recordClass(kind));
    return (SpecificRecord) record(tree, schema, "", true);
  }

  /**
   * Reads a record of the generated class {@code type} (any record of the model, not only events)
   * from a parsed object, with the same rules and messages as events.
   */
  public static <T extends SpecificRecord> T read(Class<T> type, ObjectNode tree) {
    return type.cast(record(tree, MODEL.getSchema(type), "", false));
  }

  /** Renders {@code event} as one JSON line, without a trailing newline. */
  public static String write(SpecificRecord event) {
    try {
      return MAPPER.writeValueAsString(tree(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + event.getSchema().getFullName(), e);
    }
  }

  /** The event as a JSON tree, {@code type} first. */
  public static ObjectNode tree(SpecificRecord event) {
    ObjectNode out = NODES.objectNode();
    out.put(TYPE, typeName(EventTypes.kindOf(event)));
    writeFields(event, event.getSchema(), out);
    return out;
  }

  /**
   * The kind named by {@code type}: {@code tanker-delivery}, {@code TANKER_DELIVERY} and {@code
   * Tanker_Delivery} all name {@link EventKind#TANKER_DELIVERY}.
   */
  public static EventKind kindOf(String type) {
    String symbol = type.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    try {
      return EventKind.valueOf(symbol);
    } catch (IllegalArgumentException e) {
      List<String> known = new ArrayList<>();
      for (EventKind kind : EventKind.values()) {
        known.add(typeName(kind));
      }
      throw new EventJsonException(
          0, TYPE, "unknown event kind '" + type + "', expected one of " + known);
    }
  }

  /** The name {@link #write} uses: TANKER_DELIVERY becomes {@code tanker-delivery}. */
  public static String typeName(EventKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  // ---- reading ------------------------------------------------------------------------------

  private static Object value(JsonNode node, Schema schema, String path) {
    return switch (schema.getType()) {
      case UNION -> union(node, schema, path);
      case RECORD -> record(node, schema, path, false);
      case ENUM -> enumSymbol(node, schema, path);
      case ARRAY -> array(node, schema, path);
      case STRING -> text(node, path);
      case INT -> integer(node, schema, path);
      case LONG -> longValue(node, schema, path);
      case DOUBLE, FLOAT -> decimal(node, schema, path);
      case BOOLEAN -> bool(node, path);
      case NULL -> {
        if (!isNull(node)) {
          throw new EventJsonException(0, path, "must be null");
        }
        yield null;
      }
      default -> throw new EventJsonException(0, path, "unsupported Avro type " + schema);
    };
  }

  private static Object union(JsonNode node, Schema schema, String path) {
    if (isNull(node)) {
      if (schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL)) {
        return null;
      }
      throw new EventJsonException(0, path, "required, must not be null");
    }
    EventJsonException first = null;
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        continue;
      }
      try {
        return value(node, branch, path);
      } catch (EventJsonException e) {
        first = first == null ? e : first;
      }
    }
    throw first;
  }

  private static Object record(JsonNode node, Schema schema, String path, boolean topLevel) {
    if (!node.isObject()) {
      throw new EventJsonException(0, path(path), "expected an object, got " + describe(node));
    }
    RecordPlan plan = PLANS.computeIfAbsent(schema, RecordPlan::new);
    // unknown members first: a misspelt field explains the 'missing' one better
    checkKnown(node, plan, schema, path, topLevel);
    SpecificRecord target = plan.newRecord();
    Schema.Field[] fields = plan.fields;
    for (int i = 0; i < fields.length; i++) {
      Schema.Field field = fields[i];
      String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
      JsonNode member = node.get(field.name());
      Object value;
      if (member == null) {
        value = plan.defaultValue(i, fieldPath);
      } else {
        value = value(member, field.schema(), fieldPath);
      }
      target.put(field.pos(), value);
    }
    return target;
  }

  private static void checkKnown(
      JsonNode node, RecordPlan plan, Schema schema, String path, boolean topLevel) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!plan.names.contains(name) && !(topLevel && TYPE.equals(name))) {
        throw new EventJsonException(
            0,
            path.isEmpty() ? name : path + "." + name,
            "unknown field for " + schema.getName() + ", expected one of " + plan.names);
      }
    }
  }

  private static final Map<Schema, RecordPlan> PLANS = new ConcurrentHashMap<>();

  /**
   * A record schema's fields and their defaults, worked out once per schema. Immutable defaults
   * (null, numbers, strings, enums) are converted once and shared; lists and records are made anew
   * for every record, since callers may change them.
   */
  private static final class RecordPlan {
    final Schema.Field[] fields;
    final JsonNode[] defaultTrees;
    final Object[] sharedDefaults;
    final boolean[] shared;
    final Set<String> names = new LinkedHashSet<>();
    private final Schema schema;
    private final Constructor<?> constructor;

    RecordPlan(Schema schema) {
      this.schema = schema;
      this.constructor = noArgConstructor(MODEL.getClass(schema));
      fields = schema.getFields().toArray(new Schema.Field[0]);
      defaultTrees = new JsonNode[fields.length];
      sharedDefaults = new Object[fields.length];
      shared = new boolean[fields.length];
      for (int i = 0; i < fields.length; i++) {
        names.add(fields[i].name());
        if (fields[i].hasDefaultValue()) {
          Object value = fields[i].defaultVal();
          defaultTrees[i] =
              value == JsonProperties.NULL_VALUE ? NODES.nullNode() : MAPPER.valueToTree(value);
          Object converted = value(defaultTrees[i], fields[i].schema(), fields[i].name());
          if (!(converted instanceof List<?>) && !(converted instanceof SpecificRecord)) {
            sharedDefaults[i] = converted;
            shared[i] = true;
          }
        }
      }
    }

    SpecificRecord newRecord() {
      if (constructor == null) {
        return (SpecificRecord) MODEL.newRecord(null, schema);
      }
      try {
        return (SpecificRecord) constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + schema.getFullName(), e);
      }
    }

    private static Constructor<?> noArgConstructor(Class<?> type) {
      try {
        return type == null ? null : type.getConstructor();
      } catch (NoSuchMethodException e) {
        return null;
      }
    }

    Object defaultValue(int i, String path) {
      if (shared[i]) {
        return sharedDefaults[i];
      }
      if (defaultTrees[i] == null) {
        throw new EventJsonException(0, path, "missing required field");
      }
      return value(defaultTrees[i], fields[i].schema(), path);
    }
  }

  private static Object enumSymbol(JsonNode node, Schema schema, String path) {
    if (!node.isTextual()) {
      throw new EventJsonException(
          0, path, "expected one of " + schema.getEnumSymbols() + ", got " + describe(node));
    }
    String symbol = node.asText();
    if (!schema.hasEnumSymbol(symbol)) {
      symbol = symbol.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
    if (!schema.hasEnumSymbol(symbol)) {
      throw new EventJsonException(
          0, path, "'" + node.asText() + "' is not one of " + schema.getEnumSymbols());
    }
    return MODEL.createEnum(symbol, schema);
  }

  private static Object array(JsonNode node, Schema schema, String path) {
    if (!node.isArray()) {
      throw new EventJsonException(0, path, "expected an array, got " + describe(node));
    }
    List<Object> items = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      items.add(value(node.get(i), schema.getElementType(), path + "[" + i + "]"));
    }
    return items;
  }

  private static String text(JsonNode node, String path) {
    if (node.isTextual() || node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    throw new EventJsonException(0, path, "expected a string, got " + describe(node));
  }

  private static Object integer(JsonNode node, Schema schema, String path) {
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.Date) {
      return date(node, path);
    }
    long value = whole(node, path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new EventJsonException(0, path, "out of range for an int: " + value);
    }
    return (int) value;
  }

  private static Object longValue(JsonNode node, Schema schema, String path) {
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return instant(node, path);
    }
    return whole(node, path);
  }

  private static long whole(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue())) {
      return (long) node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.asText().trim());
      } catch (NumberFormatException e) {
        try {
          double d = Double.parseDouble(node.asText().trim());
          if (d == Math.rint(d) && !Double.isInfinite(d)) {
            return (long) d;
          }
        } catch (NumberFormatException ignored) {
          // reported below
        }
      }
    }
    throw new EventJsonException(0, path, "expected a whole number, got " + describe(node));
  }

  private static double decimal(JsonNode node, Schema schema, String path) {
    double value;
    if (node.isNumber()) {
      value = node.doubleValue();
    } else if (node.isTextual()) {
      try {
        value = Double.parseDouble(node.asText().trim());
      } catch (NumberFormatException e) {
        throw new EventJsonException(0, path, "expected a number, got " + describe(node));
      }
    } else {
      throw new EventJsonException(0, path, "expected a number, got " + describe(node));
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new EventJsonException(0, path, "expected a finite number, got " + describe(node));
    }
    return value;
  }

  private static boolean bool(JsonNode node, String path) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String text = node.asText().trim().toLowerCase(Locale.ROOT);
      if (text.equals("true")) {
        return true;
      }
      if (text.equals("false")) {
        return false;
      }
    }
    throw new EventJsonException(0, path, "expected true or false, got " + describe(node));
  }

  private static Instant instant(JsonNode node, String path) {
    if (node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    if (node.isTextual()) {
      String text = node.asText().trim();
      try {
        if (text.length() == 10) {
          return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new EventJsonException(
        0, path, "expected an ISO-8601 time such as 2024-03-15T00:00:00Z, got " + describe(node));
  }

  private static LocalDate date(JsonNode node, String path) {
    if (node.isIntegralNumber()) {
      // a mapping's date format hands in epoch milliseconds at midnight UTC
      return Instant.ofEpochMilli(node.longValue()).atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (node.isTextual()) {
      try {
        return LocalDate.parse(node.asText().trim());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new EventJsonException(
        0, path, "expected an ISO-8601 date such as 2024-03-15, got " + describe(node));
  }

  private static boolean isNull(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static String path(String path) {
    return path.isEmpty() ? null : path;
  }

  private static String describe(JsonNode node) {
    String text = node.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  // ---- writing ------------------------------------------------------------------------------

  private static void writeFields(SpecificRecord record, Schema schema, ObjectNode out) {
    for (Schema.Field field : schema.getFields()) {
      Object value = record.get(field.pos());
      boolean emptyDefaultList =
          value instanceof List<?> list && list.isEmpty() && field.hasDefaultValue();
      if (value != null && !emptyDefaultList) {
        out.set(field.name(), node(value, field.schema()));
      }
    }
  }

  private static JsonNode number(double value) {
    // whole amounts as integers: "quantity":25000 reads better than 25000.0 or 2.5E4
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? NODES.numberNode((long) value)
        : NODES.numberNode(value);
  }

  private static Schema branchOf(Schema union, Object value) {
    List<Schema> branches =
        union.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
    // every union of the model is [null, X]; only a wider union needs Avro's resolution
    return branches.size() == 1
        ? branches.get(0)
        : union.getTypes().get(MODEL.resolveUnion(union, value));
  }

  private static JsonNode node(Object value, Schema schema) {
    if (value == null) {
      return NODES.nullNode();
    }
    return switch (schema.getType()) {
      case UNION -> node(value, branchOf(schema, value));
      case RECORD -> {
        ObjectNode out = NODES.objectNode();
        writeFields((SpecificRecord) value, schema, out);
        yield out;
      }
      case ARRAY -> {
        ArrayNode out = NODES.arrayNode();
        for (Object item : (Iterable<?>) value) {
          out.add(node(item, schema.getElementType()));
        }
        yield out;
      }
      case MAP -> {
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          out.set(e.getKey().toString(), node(e.getValue(), schema.getValueType()));
        }
        yield out;
      }
      case INT ->
          value instanceof LocalDate d
              ? NODES.textNode(d.toString())
              : NODES.numberNode((Integer) value);
      case LONG ->
          value instanceof Instant i
              ? NODES.textNode(i.toString())
              : NODES.numberNode((Long) value);
      case DOUBLE -> number((Double) value);
      case FLOAT -> NODES.numberNode((Float) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      default -> NODES.textNode(value.toString());
    };
  }
}
