package io.transfermonitor.cli.ais;

import io.transfermonitor.producers.ingest.CsvReader;
import io.transfermonitor.streams.ais.Gazetteer;
import io.transfermonitor.streams.ais.Gazetteer.Area;
import io.transfermonitor.streams.ais.Gazetteer.Port;
import io.transfermonitor.streams.ais.Ping;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A track set as files, so the same set can go through the real monitor and an outside set in the
 * same layout can be scored here. In a directory:
 *
 * <ul>
 *   <li>{@code positions.csv}: {@code mmsi,time,lat,lon,sog,cog,heading}, one position a line, in
 *       time order; time as an ISO-8601 instant ({@code 2024-05-01T06:00:00Z}), a date-time without
 *       zone read as UTC (as NOAA's {@code BaseDateTime}), or epoch milliseconds; sog, cog and
 *       heading may be empty (not available);
 *   <li>{@code truth.csv}: {@code kind,vessels,start,end}, the vessels' MMSIs joined by {@code ;},
 *       times as above; kinds as {@link PlantedKind} names;
 *   <li>{@code ports.csv}: {@code name,country,lat,lon,radius_m,source};
 *   <li>{@code areas.csv}: {@code name,source,vertices}, the vertices as {@code lat lon} joined by
 *       {@code ;}.
 * </ul>
 *
 * Only {@code positions.csv} is required to read a set. Columns are found by their header's names,
 * in any order; a field holding a comma or a quote is quoted, CSV style.
 */
public final class TrackSetCsv {

  public static final String POSITIONS = "positions.csv";
  public static final String TRUTH = "truth.csv";
  public static final String PORTS = "ports.csv";
  public static final String AREAS = "areas.csv";

  private TrackSetCsv() {}

  /** Writes {@code set} into {@code dir} (created if need be), replacing the four files. */
  public static void write(TrackSet set, Path dir) {
    try {
      Files.createDirectories(dir);
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(POSITIONS))) {
        out.write("mmsi,time,lat,lon,sog,cog,heading\n");
        for (Ping p : set.pings()) {
          out.write(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%.6f,%.6f,%s,%s,%s%n",
                  p.mmsi(),
                  Instant.ofEpochMilli(p.time()),
                  p.lat(),
                  p.lon(),
                  p.speedKnots() == null ? "" : String.format(Locale.ROOT, "%.1f", p.speedKnots()),
                  p.courseDegrees() == null
                      ? ""
                      : String.format(Locale.ROOT, "%.1f", p.courseDegrees()),
                  p.headingDegrees() == null ? "" : p.headingDegrees()));
        }
      }
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(TRUTH))) {
        out.write("kind,vessels,start,end\n");
        for (Truth t : set.truths()) {
          out.write(
              String.join(
                      ",",
                      t.kind().name(),
                      String.join(";", t.vessels()),
                      Instant.ofEpochMilli(t.start()).toString(),
                      Instant.ofEpochMilli(t.end()).toString())
                  + "\n");
        }
      }
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(PORTS))) {
        out.write("name,country,lat,lon,radius_m,source\n");
        for (Port p : set.gazetteer().ports()) {
          out.write(
              String.join(
                      ",",
                      quoted(p.name()),
                      p.country(),
                      Double.toString(p.lat()),
                      Double.toString(p.lon()),
                      Double.toString(p.radiusMetres()),
                      quoted(p.source()))
                  + "\n");
        }
      }
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(AREAS))) {
        out.write("name,source,vertices\n");
        for (Area a : set.gazetteer().areas()) {
          List<String> vertices = a.vertices().stream().map(v -> v[0] + " " + v[1]).toList();
          out.write(
              String.join(",", quoted(a.name()), quoted(a.source()), String.join(";", vertices))
                  + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the track set to " + dir, e);
    }
  }

  /** The set in {@code dir}; no truth, ports or areas where their file is absent. */
  public static TrackSet read(Path dir) {
    List<Port> ports = rows(dir.resolve(PORTS), false, TrackSetCsv::port);
    List<Area> areas = rows(dir.resolve(AREAS), false, TrackSetCsv::area);
    return new TrackSet(
        positions(dir.resolve(POSITIONS)), truths(dir.resolve(TRUTH)), new Gazetteer(ports, areas));
  }

  /** The positions of a {@code positions.csv}-style file, in time order. */
  public static List<Ping> positions(Path file) {
    List<Ping> ordered = new ArrayList<>(rows(file, true, TrackSetCsv::ping));
    ordered.sort((a, b) -> Long.compare(a.time(), b.time()));
    return ordered;
  }

  /** The truth of a {@code truth.csv}-style file; none when the file is absent. */
  public static List<Truth> truths(Path file) {
    return rows(file, false, TrackSetCsv::truth);
  }

  private static Ping ping(Row r) {
    return new Ping(
        r.text("mmsi"),
        r.time("time"),
        r.number("lat"),
        r.number("lon"),
        r.optionalNumber("sog"),
        r.optionalNumber("cog"),
        r.optionalNumber("heading") == null ? null : (int) Math.round(r.optionalNumber("heading")));
  }

  private static Truth truth(Row r) {
    return new Truth(
        PlantedKind.valueOf(r.text("kind")),
        Arrays.asList(r.text("vessels").split(";")),
        r.time("start"),
        r.time("end"));
  }

  private static Port port(Row r) {
    return new Port(
        r.text("name"),
        r.text("country"),
        r.number("lat"),
        r.number("lon"),
        r.number("radius_m"),
        r.text("source"));
  }

  private static Area area(Row r) {
    List<double[]> vertices = new ArrayList<>();
    for (String vertex : r.text("vertices").split(";")) {
      String[] latLon = vertex.trim().split("\\s+");
      vertices.add(new double[] {Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1])});
    }
    return new Area(r.text("name"), vertices, r.text("source"));
  }

  private static <T> List<T> rows(Path file, boolean required, Function<Row, T> parse) {
    if (!required && !Files.exists(file)) {
      return List.of();
    }
    List<T> result = new ArrayList<>();
    try (CsvReader csv = new CsvReader(CsvReader.utf8(Files.newInputStream(file)), ',')) {
      if (!csv.next()) {
        throw new IllegalArgumentException(file + " is empty: it needs a header line");
      }
      Map<String, Integer> columns = new HashMap<>();
      List<String> header = csv.fields();
      for (int i = 0; i < header.size(); i++) {
        columns.put(header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
      }
      while (csv.next()) {
        if (csv.size() == 1 && csv.get(0).isBlank()) {
          continue;
        }
        try {
          result.add(parse.apply(new Row(columns, List.copyOf(csv.fields()))));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              file + " line " + csv.line() + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return result;
  }

  private static String quoted(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  private record Row(Map<String, Integer> columns, List<String> fields) {

    String text(String column) {
      Integer i = columns.get(column);
      if (i == null) {
        throw new IllegalArgumentException("no column " + column + " in the header");
      }
      if (i >= fields.size() || fields.get(i).isBlank()) {
        throw new IllegalArgumentException(column + " is empty");
      }
      return fields.get(i).trim();
    }

    double number(String column) {
      try {
        return Double.parseDouble(text(column));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(column + " is not a number: " + text(column), e);
      }
    }

    Double optionalNumber(String column) {
      Integer i = columns.get(column);
      if (i == null || i >= fields.size() || fields.get(i).isBlank()) {
        return null;
      }
      return number(column);
    }

    long time(String column) {
      String value = text(column);
      if (value.chars().allMatch(Character::isDigit)) {
        return Long.parseLong(value);
      }
      try {
        return Instant.parse(value).toEpochMilli();
      } catch (DateTimeParseException notAnInstant) {
        try {
          return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              column + " is neither an ISO-8601 time nor epoch milliseconds: " + value, e);
        }
      }
    }
  }
}
