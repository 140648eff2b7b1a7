package io.transfermonitor.producers.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.transfermonitor.model.Designation;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.producers.jsonl.EventJson;
import io.transfermonitor.producers.jsonl.EventJsonException;
import io.transfermonitor.schemas.EventTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A declarative mapping from a CSV source to one event kind, read from YAML (see {@code
 * docs/adding-a-source.md}):
 *
 * <pre>
 * source: OSINT tanker sightings          # header.sourceName
 * type: tanker-delivery                   # event kind
 * csv: { delimiter: ",", header: true }   # or columns: [a, b, c] for files without a header row
 * id: { columns: [date, imo] }            # event id = name-based UUID of source + these columns
 * fields:
 *   header.eventTime: { column: date, format: "dd/MM/yyyy" }
 *   header.sourceKind: { value: OBSERVED }
 *   quantity: { column: barrels, thousands: "," }   # or thousands: ".", decimal: "," for 3.450,5
 *   unit: { value: BARREL }
 *   shipToShip: { column: sts, map: { Y: true, N: false }, default: false }
 *   header.parties[0].role: { value: PAYEE }   # list items by index; an item none of whose
 *   header.parties[0].name: { column: payee }  # columns has a value is left out
 * </pre>
 *
 * <p>{@code type: designation} maps a national list of designations instead ({@code designations
 * load}): {@code id:} gives the reference number ({@code designationId}), {@code source:} the
 * list's name, and the fields are those of the Designation record ({@code name}, {@code type},
 * {@code regime}, {@code identifiers[0].value}, ...).
 *
 * <p>Every value of a number field must fit its column's {@link NumberNotation} ({@code decimal:},
 * default {@code .}; {@code thousands:}, default none), or its row is rejected saying why.
 *
 * <p>Field paths and column names are checked when the mapping is bound to a file's header, so a
 * typo fails the run before the first row, naming the mapping file.
 */
public final class Mapping {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_KEYS = Set.of("source", "type", "csv", "id", "fields");
  private static final Set<String> FIELD_KEYS =
      Set.of("column", "value", "map", "default", "format", "split", "thousands", "decimal");
  private static final Set<Schema.Type> NUMBERS =
      Set.of(Schema.Type.INT, Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE);
  private static final Set<String> DESIGNATION_TYPES = Set.of("designation", "designations");
  private static final Pattern INDEXED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\[(\\d+)]");

  private final String name;
  private final String source;
  private final EventKind kind;
  private final Class<? extends SpecificRecord> target;
  private final char delimiter;
  private final List<String> columns;
  private final List<String> idColumns;
  private final String idColumn;
  private final String idPrefix;
  private final Map<String, JsonNode> fieldSpecs;

  private Mapping(String name, JsonNode root) {
    this.name = name;
    if (root == null || !root.isObject()) {
      throw fail("expected a YAML mapping with source, type, id and fields");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_KEYS.contains(key)) {
        throw fail("unknown key '" + key + "', expected one of " + TOP_KEYS);
      }
    }
    this.source = requiredText(root, "source");
    String type = requiredText(root, "type");
    if (DESIGNATION_TYPES.contains(type.trim().toLowerCase(Locale.ROOT))) {
      this.kind = null;
      this.target = Designation.class;
    } else {
      try {
        this.kind = EventJson.kindOf(type);
      } catch (EventJsonException e) {
        throw fail(e.reason() + ", or designation for a list of designations");
      }
      this.target = EventTypes.recordClass(kind);
    }
    JsonNode csv = root.path("csv");
    String delim = csv.path("delimiter").asText(",");
    if (delim.equals("\\t") || delim.equals("tab")) {
      delim = "\t";
    }
    if (delim.length() != 1) {
      throw fail("csv.delimiter must be one character, got '" + delim + "'");
    }
    this.delimiter = delim.charAt(0);
    this.columns = new ArrayList<>();
    csv.path("columns").forEach(c -> columns.add(c.asText()));
    boolean header = csv.path("header").asBoolean(columns.isEmpty());
    if (!header && columns.isEmpty()) {
      throw fail("csv.header is false: name the columns with csv.columns: [a, b, ...]");
    }
    JsonNode id = root.path("id");
    this.idColumns = new ArrayList<>();
    id.path("columns").forEach(c -> idColumns.add(c.asText()));
    this.idColumn = id.hasNonNull("column") ? id.get("column").asText() : null;
    this.idPrefix = id.path("prefix").asText("");
    if (idColumns.isEmpty() && idColumn == null) {
      throw fail(
          "id: name the columns an event id is derived from (id: { columns: [...] }) or the id"
              + " column (id: { column: ... }), so that ingesting a file twice yields the same ids");
    }
    JsonNode fields = root.path("fields");
    if (!fields.isObject() || fields.isEmpty()) {
      throw fail(
          kind == null
              ? "fields: map at least name, type and regime"
              : "fields: map at least header.eventTime and header.sourceKind");
    }
    this.fieldSpecs = new LinkedHashMap<>();
    fields.fields().forEachRemaining(e -> fieldSpecs.put(e.getKey(), e.getValue()));
  }

  /** Reads the mapping in {@code file}. */
  public static Mapping load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new MappingException("mapping " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads a mapping from YAML text; {@code name} (e.g. the file name) goes into errors. */
  public static Mapping parse(String yaml, String name) {
    try {
      return new Mapping(name, YAML.readTree(yaml));
    } catch (JsonProcessingException e) {
      throw new MappingException("mapping " + name + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  /** The source name every event gets in {@code header.sourceName}. */
  public String source() {
    return source;
  }

  /** The event kind this mapping produces, or null for a list of designations. */
  public EventKind kind() {
    return kind;
  }

  /** True when the mapping reads designations ({@code type: designation}), not events. */
  public boolean isDesignationList() {
    return kind == null;
  }

  /** The generated class of the records the mapping produces. */
  public Class<? extends SpecificRecord> target() {
    return target;
  }

  /** The CSV delimiter. */
  public char delimiter() {
    return delimiter;
  }

  /** True when the file's first row names the columns. */
  public boolean hasHeaderRow() {
    return columns.isEmpty();
  }

  /** Binds the mapping to a file whose columns are {@code header} (or the mapping's own). */
  public RowMapper bind(List<String> header) {
    List<String> names = hasHeaderRow() ? header.stream().map(String::trim).toList() : columns;
    Schema schema = SpecificData.get().getSchema(target);
    List<FieldRule> rules = new ArrayList<>();
    for (Map.Entry<String, JsonNode> spec : fieldSpecs.entrySet()) {
      rules.add(rule(spec.getKey(), spec.getValue(), schema, names));
    }
    int[] idIndexes;
    if (idColumn != null) {
      idIndexes = new int[] {index(idColumn, names, "id.column")};
    } else {
      idIndexes = idColumns.stream().mapToInt(c -> index(c, names, "id.columns")).toArray();
    }
    return new RowMapper(this, names.size(), rules, idIndexes, idColumn != null, idPrefix);
  }

  private FieldRule rule(String path, JsonNode spec, Schema schema, List<String> names) {
    Schema leafSchema = leaf(schema, path);
    boolean fromIdOrSource =
        kind == null
            ? path.equals("designationId") || path.equals("source")
            : path.equals("header.eventId") || path.equals("header.sourceName");
    if (fromIdOrSource) {
      throw fail("fields." + path + " is set from id: and source:, do not map it");
    }
    if (!spec.isObject()) {
      throw fail("fields." + path + ": expected { column: ... } or { value: ... }");
    }
    for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!FIELD_KEYS.contains(key)) {
        throw fail("fields." + path + ": unknown key '" + key + "', expected one of " + FIELD_KEYS);
      }
    }
    boolean hasColumn = spec.hasNonNull("column");
    if (hasColumn == spec.has("value")) {
      throw fail("fields." + path + ": give either column or value");
    }
    Map<String, JsonNode> values = new HashMap<>();
    spec.path("map")
        .fields()
        .forEachRemaining(
            e -> values.put(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue()));
    String pattern = spec.hasNonNull("format") ? spec.get("format").asText() : null;
    boolean isTime =
        leafSchema.getLogicalType() instanceof LogicalTypes.TimestampMillis
            || leafSchema.getLogicalType() instanceof LogicalTypes.Date;
    if (pattern != null && !isTime) {
      throw fail("fields." + path + ": format applies to time fields only");
    }
    String split = null;
    if (leafSchema.getType() == Schema.Type.ARRAY) {
      split = spec.path("split").asText(";");
    }
    NumberNotation numbers = numberNotation(path, spec, leafSchema);
    JsonNode otherwise = spec.has("default") ? spec.get("default") : null;
    if (otherwise != null && otherwise.isNull()) {
      otherwise = null;
    }
    if (!hasColumn) {
      JsonNode constant = spec.get("value");
      return new FieldRule(
          path,
          -1,
          null,
          constant.isNull() ? null : constant,
          values,
          null,
          null,
          null,
          null,
          null);
    }
    String column = spec.get("column").asText();
    return new FieldRule(
        path,
        index(column, names, "fields." + path + ".column"),
        column,
        null,
        values,
        otherwise,
        pattern == null ? null : dateFormat(pattern, path),
        pattern,
        split,
        numbers);
  }

  /**
   * How the column of a number field writes its numbers ({@code decimal:}, default {@code .}, and
   * {@code thousands:}, default none); null for a field that is not a number.
   */
  private NumberNotation numberNotation(String path, JsonNode spec, Schema leafSchema) {
    Character thousands = separator(path, spec, "thousands");
    Character decimal = separator(path, spec, "decimal");
    if (!NUMBERS.contains(leafSchema.getType())) {
      if (thousands != null || decimal != null) {
        throw fail(
            "fields."
                + path
                + ": thousands and decimal apply to number fields only, and "
                + path
                + " is "
                + leafSchema.getType().getName());
      }
      return null;
    }
    if (decimal == null && thousands != null && thousands == '.') {
      throw fail(
          "fields."
              + path
              + ": thousands is '.', which is also the default decimal separator: declare the"
              + " decimal separator too (decimal: \",\")");
    }
    try {
      return new NumberNotation(decimal == null ? '.' : decimal, thousands);
    } catch (IllegalArgumentException e) {
      throw fail("fields." + path + ": " + e.getMessage());
    }
  }

  private Character separator(String path, JsonNode spec, String key) {
    if (!spec.hasNonNull(key)) {
      return null;
    }
    String text = spec.get(key).asText();
    if (text.length() != 1 || Character.isDigit(text.charAt(0)) || text.charAt(0) == '-') {
      throw fail(
          "fields."
              + path
              + "."
              + key
              + ": expected one character that is not a digit or '-' (such as \",\" or \".\"), got '"
              + text
              + "'");
    }
    return text.charAt(0);
  }

  private Schema leaf(Schema schema, String path) {
    Schema current = schema;
    for (String step : path.split("\\.")) {
      Matcher indexed = INDEXED.matcher(step);
      String part = indexed.matches() ? indexed.group(1) : step;
      current = nonNull(current);
      if (current.getType() != Schema.Type.RECORD || current.getField(part) == null) {
        throw fail(
            "fields."
                + path
                + ": "
                + schema.getName()
                + " has no field '"
                + path
                + "' (fields: "
                + schema.getFields().stream().map(Schema.Field::name).toList()
                + ", header fields under header.)");
      }
      current = current.getField(part).schema();
      if (indexed.matches()) {
        current = nonNull(current);
        if (current.getType() != Schema.Type.ARRAY) {
          throw fail("fields." + path + ": '" + part + "' is not a list, it takes no [index]");
        }
        current = current.getElementType();
      }
    }
    return nonNull(current);
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElse(schema);
  }

  private DateTimeFormatter dateFormat(String pattern, String path) {
    try {
      // STRICT rejects 30 February; it wants 'u' (proleptic year) rather than 'y' (year of era)
      String strict = pattern.contains("'") ? pattern : pattern.replace('y', 'u');
      return new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern(strict)
          .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
          .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
          .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
          .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
          .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
          .toFormatter(Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw fail("fields." + path + ".format: not a date pattern: " + e.getMessage());
    }
  }

  private int index(String column, List<String> names, String where) {
    int i = names.indexOf(column);
    if (i < 0) {
      throw fail(where + ": no column '" + column + "' in the file (columns: " + names + ")");
    }
    return i;
  }

  private String requiredText(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || !node.isValueNode() || node.asText().isBlank()) {
      throw fail("'" + key + "' is required");
    }
    return node.asText();
  }

  MappingException fail(String reason) {
    return new MappingException("mapping " + name + ": " + reason);
  }
}
