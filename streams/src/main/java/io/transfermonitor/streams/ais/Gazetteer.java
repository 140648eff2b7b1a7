package io.transfermonitor.streams.ais;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The places the AIS detectors know: ports (a position and a radius) and areas of interest
 * (polygons). Shipped as data ({@code ais/ports.csv}, {@code ais/areas.geojson} on the classpath),
 * each place with the public source of its position; users add their own files of the same formats
 * ({@link #load(Path...)}): a {@code .csv} of ports, a {@code .geojson} of areas.
 */
public final class Gazetteer {

  /** The shipped ports, a classpath resource. */
  public static final String PORTS_RESOURCE = "ais/ports.csv";

  /** The shipped areas of interest, a classpath resource. */
  public static final String AREAS_RESOURCE = "ais/areas.geojson";

  /**
   * A port: a vessel within {@code radiusMetres} of its position is in it.
   *
   * @param name as the reports write it, e.g. "Nampho"
   * @param country ISO alpha-3, e.g. PRK
   * @param lat degrees north
   * @param lon degrees east
   * @param radiusMetres how far from the position the port reaches
   * @param source where the position comes from
   */
  public record Port(
      String name, String country, double lat, double lon, double radiusMetres, String source) {
    public Port {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(country, "country");
    }

    /** Metres from the port's position to ({@code lat}, {@code lon}). */
    public double metresTo(double lat, double lon) {
      return Geo.metres(this.lat, this.lon, lat, lon);
    }
  }

  /**
   * An area of interest: a simple polygon (no holes) of {lat, lon} vertices, not closed (the last
   * vertex joins the first), and the country whose waters it is (ISO 3166-1 alpha-3), or null: an
   * encounter inside gets that country as its ship-to-ship event's destination.
   */
  public record Area(String name, List<double[]> vertices, String source, String country) {

    /** An area of no country. */
    public Area(String name, List<double[]> vertices, String source) {
      this(name, vertices, source, null);
    }

    public Area {
      Objects.requireNonNull(name, "name");
      vertices = List.copyOf(vertices);
      if (vertices.size() < 3) {
        throw new IllegalArgumentException("area " + name + " needs at least 3 vertices");
      }
    }

    /** Whether ({@code lat}, {@code lon}) is inside (ray casting on the plane of degrees). */
    public boolean contains(double lat, double lon) {
      boolean inside = false;
      for (int i = 0, j = vertices.size() - 1; i < vertices.size(); j = i++) {
        double[] a = vertices.get(i);
        double[] b = vertices.get(j);
        if ((a[0] > lat) != (b[0] > lat)
            && lon < (b[1] - a[1]) * (lat - a[0]) / (b[0] - a[0]) + a[1]) {
          inside = !inside;
        }
      }
      return inside;
    }
  }

  private final List<Port> ports;
  private final List<Area> areas;

  public Gazetteer(List<Port> ports, List<Area> areas) {
    this.ports = List.copyOf(ports);
    this.areas = List.copyOf(areas);
  }

  /** The shipped gazetteer: {@link #PORTS_RESOURCE} and {@link #AREAS_RESOURCE}. */
  public static Gazetteer shipped() {
    return load();
  }

  /**
   * The shipped gazetteer and the user's files: each {@code .csv} a file of ports, each {@code
   * .geojson} or {@code .json} a file of areas, in the shipped files' formats.
   *
   * @throws IllegalArgumentException naming the file, the line or feature, and what is wrong
   */
  public static Gazetteer load(Path... extra) {
    List<Port> ports =
        new ArrayList<>(GazetteerFiles.ports(PORTS_RESOURCE, resource(PORTS_RESOURCE)));
    List<Area> areas =
        new ArrayList<>(GazetteerFiles.areas(AREAS_RESOURCE, resource(AREAS_RESOURCE)));
    for (Path file : extra) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        if (name.endsWith(".csv")) {
          ports.addAll(GazetteerFiles.ports(file.toString(), reader));
        } else if (name.endsWith(".geojson") || name.endsWith(".json")) {
          areas.addAll(GazetteerFiles.areas(file.toString(), reader));
        } else {
          throw new IllegalArgumentException(
              file + ": not a gazetteer file (.csv for ports, .geojson for areas)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return new Gazetteer(ports, areas);
  }

  private static Reader resource(String name) {
    InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  public List<Port> ports() {
    return ports;
  }

  public List<Area> areas() {
    return areas;
  }

  /** The nearest port, whatever its distance; empty when there is none. */
  public Optional<Port> nearestPort(double lat, double lon) {
    Port best = null;
    double bestMetres = Double.POSITIVE_INFINITY;
    for (Port port : ports) {
      double m = port.metresTo(lat, lon);
      if (m < bestMetres) {
        bestMetres = m;
        best = port;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The nearest port whose radius reaches ({@code lat}, {@code lon}); empty when none does. */
  public Optional<Port> portAt(double lat, double lon) {
    Port best = null;
    double bestMetres = Double.POSITIVE_INFINITY;
    for (Port port : ports) {
      double m = port.metresTo(lat, lon);
      if (m <= port.radiusMetres() && m < bestMetres) {
        bestMetres = m;
        best = port;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The port a crew's typed destination names, e.g. "NAMPO" or "NAMPHO,DPRK": its letters contain a
   * port's name, spelled with or without the "h" of "ph" (Nampho, Nampo). UN/LOCODEs ("CN LKU") are
   * not understood.
   */
  public Optional<Port> portNamed(String destination) {
    if (destination == null) {
      return Optional.empty();
    }
    String typed = spelling(destination);
    return ports.stream().filter(p -> typed.contains(spelling(p.name()))).findFirst();
  }

  private static String spelling(String text) {
    return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "").replace("PH", "P");
  }

  /** Metres to the nearest port's position; infinite when there is none. */
  public double metresToNearestPort(double lat, double lon) {
    return nearestPort(lat, lon).map(p -> p.metresTo(lat, lon)).orElse(Double.POSITIVE_INFINITY);
  }

  /** The areas of interest that contain the position. */
  public List<Area> areasAt(double lat, double lon) {
    return areas.stream().filter(a -> a.contains(lat, lon)).toList();
  }

  /** The country of the first area holding ({@code lat}, {@code lon}) that names one, or null. */
  public String countryAt(double lat, double lon) {
    return areas.stream()
        .filter(a -> a.country() != null && a.contains(lat, lon))
        .map(Area::country)
        .findFirst()
        .orElse(null);
  }
}
