package io.transfermonitor.producers.vessels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.transfermonitor.producers.ingest.MappingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a vessel register CSV holds which field of {@code VesselRecord}, read from YAML:
 *
 * <pre>
 * source: Example flag registry        # optional; the records' source (default: the file name)
 * csv: { delimiter: ";" }              # optional; the file has a header row
 * fields:                              # field: column header (case does not matter)
 *   imo: IMO number
 *   mmsi: MMSI
 *   name: Ship name
 *   flag: Flag                         # ISO alpha-3 or a country name
 *   shipType: Type
 *   deadweightTonnes: DWT
 *   owner: Registered owner
 *   manager: Manager
 * </pre>
 *
 * <p>A mapping maps imo or mmsi (or both): one of them is a vessel's key. Without a mapping file
 * the {@linkplain #plain() plain} one reads the header {@code
 * imo,mmsi,name,flag,ship_type,deadweight_t,owner,manager}.
 */
public final class VesselMapping {

  /** The fields a mapping may name, in the order of the VesselRecord schema. */
  public static final List<String> FIELDS =
      List.of("imo", "mmsi", "name", "flag", "shipType", "deadweightTonnes", "owner", "manager");

  private static final Map<String, String> PLAIN_COLUMNS =
      orderedMap(
          "imo", "imo",
          "mmsi", "mmsi",
          "name", "name",
          "flag", "flag",
          "shipType", "ship_type",
          "deadweightTonnes", "deadweight_t",
          "owner", "owner",
          "manager", "manager");
  private static final Set<String> TOP_KEYS = Set.of("source", "csv", "fields");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String name;
  private final String source;
  private final char delimiter;
  private final Map<String, String> columns;
  private final boolean plain;

  private VesselMapping(
      String name, String source, char delimiter, Map<String, String> columns, boolean plain) {
    this.name = name;
    this.source = source;
    this.delimiter = delimiter;
    this.columns = columns;
    this.plain = plain;
  }

  /**
   * The mapping of the plain header {@code
   * imo,mmsi,name,flag,ship_type,deadweight_t,owner,manager}. A file may leave out any of these
   * columns but must have imo or mmsi; a column the plain mapping does not know is not read, and
   * said so.
   */
  public static VesselMapping plain() {
    return new VesselMapping("(plain header)", null, ',', PLAIN_COLUMNS, true);
  }

  /** Reads a mapping file; a broken one fails here, naming the file and what is wrong. */
  public static VesselMapping load(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new MappingException("vessel mapping " + file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(file.toString(), root);
  }

  static VesselMapping parse(String name, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw fail(name, "expected a YAML mapping with fields (and optionally source and csv)");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP_KEYS.contains(key)) {
        throw fail(name, "unknown key '" + key + "', expected one of " + TOP_KEYS);
      }
    }
    String delim = root.path("csv").path("delimiter").asText(",");
    if (delim.equals("\\t") || delim.equals("tab")) {
      delim = "\t";
    }
    if (delim.length() != 1) {
      throw fail(name, "csv.delimiter must be one character, got '" + delim + "'");
    }
    Map<String, String> columns = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("fields").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!FIELDS.contains(field.getKey())) {
        throw fail(name, "unknown field '" + field.getKey() + "', expected one of " + FIELDS);
      }
      if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
        throw fail(name, "fields." + field.getKey() + ": give the column's header as text");
      }
      columns.put(field.getKey(), field.getValue().asText().strip());
    }
    if (!columns.containsKey("imo") && !columns.containsKey("mmsi")) {
      throw fail(name, "fields: map imo or mmsi (or both): a vessel is keyed by one of them");
    }
    String source = root.hasNonNull("source") ? root.get("source").asText().strip() : null;
    return new VesselMapping(
        name, source == null || source.isEmpty() ? null : source, delim.charAt(0), columns, false);
  }

  /** The source the mapping names, or null: the caller then uses the file's name. */
  public String source() {
    return source;
  }

  /** The CSV delimiter. */
  public char delimiter() {
    return delimiter;
  }

  /**
   * Where each mapped field is in {@code header}: the field's column index, by field.
   *
   * @param warnings receives what the caller should know, e.g. a column the plain mapping skips
   * @throws MappingException naming the column when a mapped one is missing
   */
  Map<String, Integer> bind(List<String> header, List<String> warnings) {
    List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    Map<String, Integer> indexes = new LinkedHashMap<>();
    columns.forEach(
        (field, column) -> {
          int index = names.indexOf(column.toLowerCase(Locale.ROOT));
          if (index >= 0) {
            indexes.put(field, index);
          } else if (!plain) {
            throw fail(name, field + ": no column '" + column + "' in the header " + header);
          }
        });
    if (plain) {
      if (!indexes.containsKey("imo") && !indexes.containsKey("mmsi")) {
        throw fail(
            name,
            "the header "
                + header
                + " has neither an imo nor an mmsi column; the plain header is "
                + String.join(",", PLAIN_COLUMNS.values())
                + ", or give a mapping (--mapping FILE)");
      }
      List<String> skipped = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        if (!PLAIN_COLUMNS.containsValue(names.get(i))) {
          skipped.add(header.get(i).strip());
        }
      }
      if (!skipped.isEmpty()) {
        warnings.add(
            "column(s) "
                + skipped
                + " not read: the plain header is "
                + String.join(",", PLAIN_COLUMNS.values())
                + "; give a mapping (--mapping FILE) to read other columns");
      }
    }
    return indexes;
  }

  private static MappingException fail(String name, String why) {
    return new MappingException("vessel mapping " + name + ": " + why);
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
