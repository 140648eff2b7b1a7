package io.transfermonitor.producers.ais;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.transfermonitor.producers.ingest.MappingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a CSV of decoded AIS positions maps onto {@code VesselPosition} and {@code VesselVoyage},
 * read from YAML. The event mappings ({@code ingest.Mapping}) fill one event per row through the
 * event validator; a row here gives a position and, when it carries static fields, a voyage, with
 * the AIS "not available" codes applied, so it has a small language of its own:
 *
 * <pre>
 * source: NOAA MarineCadastre               # the records' source
 * csv: { delimiter: "," }                   # the file has a header row
 * notAvailable: ["", "Unknown"]             # cell values that mean no value, in every column
 * fields:
 *   mmsi: MMSI                              # a column name
 *   time: { column: BaseDateTime, format: "yyyy-MM-dd'T'HH:mm:ss" }   # UTC
 *   speedKnots: { column: SOG, scale: 1.0 } # a factor for other units (m/s: 1.943844)
 *   imo: { column: IMO, strip: "IMO" }      # text to drop from the value's start
 *   shipType: { column: Ship type, map: { Tanker: 80, Cargo: 70 } }   # values to codes
 * </pre>
 *
 * <p>Required fields: mmsi, time, latitude, longitude. The others, when mapped: speedKnots,
 * courseDegrees, headingDegrees, navigationStatus (positions); imo, name, callSign, shipType,
 * lengthMetres, beamMetres, draughtMetres, destination, eta (voyages; {@code eta} with a {@code
 * format} is written 'MM-dd HH:mm'); source (a column that overrides {@code source:}).
 */
public final class AisCsvMapping {

  static final List<String> REQUIRED = List.of("mmsi", "time", "latitude", "longitude");
  static final List<String> POSITION_FIELDS =
      List.of("speedKnots", "courseDegrees", "headingDegrees", "navigationStatus");
  static final List<String> VOYAGE_FIELDS =
      List.of(
          "imo",
          "name",
          "callSign",
          "shipType",
          "lengthMetres",
          "beamMetres",
          "draughtMetres",
          "destination",
          "eta");
  private static final Set<String> FIELD_KEYS = Set.of("column", "format", "scale", "strip", "map");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * One field's column and how its text is read.
   *
   * @param column the column's header
   * @param format a date-time pattern (time, eta), or null
   * @param scale factor applied to a number
   * @param strip text dropped from the start of the value, or null
   * @param map values (lower case) to what they stand for
   */
  record Field(
      String column,
      DateTimeFormatter format,
      double scale,
      String strip,
      Map<String, String> map) {}

  private final String name;
  private final String source;
  private final char delimiter;
  private final Set<String> notAvailable;
  private final Map<String, Field> fields;

  private AisCsvMapping(String name, JsonNode root) {
    this.name = name;
    if (root == null || !root.isObject()) {
      throw fail("expected a YAML mapping with source and fields");
    }
    this.source = root.path("source").asText(null);
    String delim = root.path("csv").path("delimiter").asText(",");
    if (delim.equals("\\t") || delim.equals("tab")) {
      delim = "\t";
    }
    if (delim.length() != 1) {
      throw fail("csv.delimiter must be one character, got '" + delim + "'");
    }
    this.delimiter = delim.charAt(0);
    this.notAvailable = new HashSet<>();
    root.path("notAvailable").forEach(v -> notAvailable.add(v.asText().strip()));
    notAvailable.add("");
    this.fields = new LinkedHashMap<>();
    Set<String> known = new HashSet<>(REQUIRED);
    known.addAll(POSITION_FIELDS);
    known.addAll(VOYAGE_FIELDS);
    known.add("source");
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("fields").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!known.contains(entry.getKey())) {
        throw fail("unknown field '" + entry.getKey() + "', expected one of " + known);
      }
      fields.put(entry.getKey(), field(entry.getKey(), entry.getValue()));
    }
    for (String required : REQUIRED) {
      if (!fields.containsKey(required)) {
        throw fail("field '" + required + "' is not mapped");
      }
    }
  }

  /** Reads a mapping file; a broken one fails here, naming the file. */
  public static AisCsvMapping load(Path file) {
    try {
      return new AisCsvMapping(file.toString(), YAML.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new MappingException("AIS mapping " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private Field field(String key, JsonNode spec) {
    if (spec.isTextual()) {
      return new Field(spec.asText(), null, 1, null, Map.of());
    }
    for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
      String option = it.next();
      if (!FIELD_KEYS.contains(option)) {
        throw fail(key + ": unknown key '" + option + "', expected one of " + FIELD_KEYS);
      }
    }
    String column = spec.path("column").asText(null);
    if (column == null) {
      throw fail(key + ": no column");
    }
    DateTimeFormatter format = null;
    if (spec.has("format")) {
      try {
        format = DateTimeFormatter.ofPattern(spec.get("format").asText(), Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw fail(key + ": bad format '" + spec.get("format").asText() + "': " + e.getMessage());
      }
    }
    Map<String, String> map = new HashMap<>();
    spec.path("map")
        .fields()
        .forEachRemaining(
            e -> map.put(e.getKey().strip().toLowerCase(Locale.ROOT), e.getValue().asText()));
    return new Field(
        column, format, spec.path("scale").asDouble(1), spec.path("strip").asText(null), map);
  }

  private MappingException fail(String why) {
    return new MappingException("AIS mapping " + name + ": " + why);
  }

  String name() {
    return name;
  }

  String source() {
    return source;
  }

  char delimiter() {
    return delimiter;
  }

  /** True when a cell's text means "no value". */
  boolean notAvailable(String value) {
    return value == null || notAvailable.contains(value.strip());
  }

  Map<String, Field> fields() {
    return fields;
  }

  /** The column index of every mapped field in {@code header}, or a failure naming the column. */
  Map<String, Integer> bind(List<String> header) {
    Map<String, Integer> indexes = new HashMap<>();
    fields.forEach(
        (key, field) -> {
          int index = header.indexOf(field.column());
          if (index < 0) {
            throw fail(key + ": no column '" + field.column() + "' in the header " + header);
          }
          indexes.put(key, index);
        });
    return indexes;
  }
}
