package io.transfermonitor.streams.ais;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transfermonitor.streams.ais.Gazetteer.Area;
import io.transfermonitor.streams.ais.Gazetteer.Port;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the gazetteer's two file formats. Ports: a CSV with the header {@code
 * name,country,lat,lon,radius_m,source}, fields in double quotes where they hold commas, lines
 * starting with {@code #} ignored. Areas: a GeoJSON FeatureCollection of Polygon features (outer
 * ring only) with the properties {@code name} and {@code source}. Every error names the file and
 * the line or feature.
 */
final class GazetteerFiles {

  static final String PORTS_HEADER = "name,country,lat,lon,radius_m,source";

  private static final ObjectMapper JSON = new ObjectMapper();

  private GazetteerFiles() {}

  static List<Port> ports(String file, Reader reader) {
    List<Port> ports = new ArrayList<>();
    boolean header = false;
    int lineNumber = 0;
    try (BufferedReader lines = new BufferedReader(reader)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (!header) {
          if (!line.strip().equals(PORTS_HEADER)) {
            throw bad(file, lineNumber, "expected the header " + PORTS_HEADER + ", got " + line);
          }
          header = true;
          continue;
        }
        ports.add(port(file, lineNumber, fields(file, lineNumber, line)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (!header) {
      throw bad(file, lineNumber, "no header " + PORTS_HEADER);
    }
    return ports;
  }

  private static Port port(String file, int line, List<String> f) {
    if (f.size() != 6) {
      throw bad(file, line, "expected 6 fields (" + PORTS_HEADER + "), got " + f.size());
    }
    String name = f.get(0).strip();
    String country = f.get(1).strip();
    String source = f.get(5).strip();
    if (name.isEmpty()) {
      throw bad(file, line, "name is empty");
    }
    if (!country.matches("[A-Z]{3}")) {
      throw bad(file, line, "country '" + country + "' is not an ISO alpha-3 code");
    }
    double lat = number(file, line, "lat", f.get(2), -90, 90);
    double lon = number(file, line, "lon", f.get(3), -180, 180);
    double radius = number(file, line, "radius_m", f.get(4), 1, 100_000);
    if (source.isEmpty()) {
      throw bad(file, line, "source is empty: say where the position comes from");
    }
    return new Port(name, country, lat, lon, radius, source);
  }

  private static double number(
      String file, int line, String field, String text, double min, double max) {
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw bad(file, line, field + " '" + text + "' is not a number");
    }
    if (!(value >= min && value <= max)) {
      throw bad(file, line, field + " " + value + " is outside " + min + " to " + max);
    }
    return value;
  }

  /** The fields of one CSV line; a field in double quotes may hold commas and doubled quotes. */
  private static List<String> fields(String file, int line, String text) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw bad(file, line, "a quoted field is not closed");
    }
    fields.add(field.toString());
    return fields;
  }

  static List<Area> areas(String file, Reader reader) {
    JsonNode root;
    try (reader) {
      root = JSON.readTree(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage(), e);
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
      throw new IllegalArgumentException(file + ": not a GeoJSON FeatureCollection");
    }
    List<Area> areas = new ArrayList<>();
    JsonNode features = root.path("features");
    for (int i = 0; i < features.size(); i++) {
      areas.add(area(file, i + 1, features.get(i)));
    }
    return areas;
  }

  private static Area area(String file, int number, JsonNode feature) {
    String where = file + ": feature " + number;
    String name = feature.path("properties").path("name").asText("").strip();
    String source = feature.path("properties").path("source").asText("").strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException(where + ": property name is missing");
    }
    where += " (" + name + ")";
    if (source.isEmpty()) {
      throw new IllegalArgumentException(where + ": property source is missing");
    }
    JsonNode geometry = feature.path("geometry");
    if (!"Polygon".equals(geometry.path("type").asText())) {
      throw new IllegalArgumentException(where + ": geometry is not a Polygon");
    }
    JsonNode ring = geometry.path("coordinates").path(0);
    List<double[]> vertices = new ArrayList<>();
    for (int i = 0; i < ring.size(); i++) {
      JsonNode point = ring.get(i);
      double lon = point.path(0).asDouble(Double.NaN);
      double lat = point.path(1).asDouble(Double.NaN);
      if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
        throw new IllegalArgumentException(
            where + ": vertex " + (i + 1) + " " + point + " is no [lon, lat] position");
      }
      vertices.add(new double[] {lat, lon});
    }
    // GeoJSON closes a ring by repeating its first position; Area joins the last vertex itself
    if (vertices.size() > 1
        && vertices.get(0)[0] == vertices.get(vertices.size() - 1)[0]
        && vertices.get(0)[1] == vertices.get(vertices.size() - 1)[1]) {
      vertices.remove(vertices.size() - 1);
    }
    if (vertices.size() < 3) {
      throw new IllegalArgumentException(where + ": a polygon needs at least 3 vertices");
    }
    String country = feature.path("properties").path("country").asText("").strip();
    if (!country.isEmpty() && !country.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          where + ": property country " + country + " is no ISO 3166-1 alpha-3 code (e.g. PRK)");
    }
    return new Area(name, vertices, source, country.isEmpty() ? null : country);
  }

  private static IllegalArgumentException bad(String file, int line, String what) {
    return new IllegalArgumentException(file + ":" + line + ": " + what);
  }
}
