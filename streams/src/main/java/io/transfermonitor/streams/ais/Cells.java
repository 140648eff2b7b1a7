package io.transfermonitor.streams.ais;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A latitude/longitude grid that spreads the search for vessels close to each other over many keys:
 * pings are sent to the cells around them, and each cell compares only the vessels it receives.
 * Never one constant key, so the pair search runs on every partition.
 *
 * <p>Rows are {@code sizeDegrees} of latitude. A row has as many columns as fit cells at least
 * {@code sizeDegrees} of latitude wide (in metres) at its poleward edge, so cells stay roughly
 * square instead of shrinking to slivers near the poles: 3,600 columns at the equator for 0.1°,
 * about 620 at 80°N, one cell around each pole. Columns wrap at the antimeridian: a vessel at
 * 179.99°E and one at 179.99°W are neighbours.
 *
 * <p>A cell id is {@code row:column}, e.g. {@code 1275:3053}.
 */
public final class Cells {

  /** Metres per degree of latitude on the sphere of {@link Geo#EARTH_RADIUS_METRES}. */
  private static final double METRES_PER_DEGREE = Geo.EARTH_RADIUS_METRES * Math.PI / 180;

  private final double sizeDegrees;
  private final int rows;
  private final int[] columns;

  /** A grid of rows {@code sizeDegrees} high, 0.1° by default (about 11 km). */
  public Cells(double sizeDegrees) {
    if (!(sizeDegrees > 0 && sizeDegrees <= 10)) {
      throw new IllegalArgumentException(
          "cell size must be above 0 and at most 10 degrees, not " + sizeDegrees);
    }
    this.sizeDegrees = sizeDegrees;
    this.rows = (int) Math.ceil(180 / sizeDegrees);
    this.columns = new int[rows];
    for (int row = 0; row < rows; row++) {
      double south = -90 + row * sizeDegrees;
      double north = Math.min(90, south + sizeDegrees);
      double poleward = Math.max(Math.abs(south), Math.abs(north));
      int fit = (int) Math.floor(360 / sizeDegrees * Math.cos(Math.toRadians(poleward)));
      columns[row] = Math.max(1, fit);
    }
  }

  public double sizeDegrees() {
    return sizeDegrees;
  }

  /** The cell holding ({@code lat}, {@code lon}). */
  public String home(double lat, double lon) {
    int row = row(lat);
    return id(row, column(row, lon));
  }

  /**
   * The home cell of {@code ping} and every other cell within {@code marginMetres} of it (the
   * nearest point of the cell, not its centre). Two vessels within {@code marginMetres} of each
   * other therefore both reach the home cell of either: each is at most that far from the other's
   * cell.
   *
   * @return the home cell first, then the others in no promised order
   */
  public List<String> cellsFor(Ping ping, double marginMetres) {
    Set<String> cells = new LinkedHashSet<>();
    cells.add(home(ping.lat(), ping.lon()));
    double dLat = marginMetres / METRES_PER_DEGREE;
    int first = row(Math.max(-90, ping.lat() - dLat));
    int last = row(Math.min(90, ping.lat() + dLat));
    for (int row = first; row <= last; row++) {
      for (int column : candidateColumns(row, ping, marginMetres)) {
        if (metresToCell(ping.lat(), ping.lon(), row, column) <= marginMetres) {
          cells.add(id(row, column));
        }
      }
    }
    return new ArrayList<>(cells);
  }

  /**
   * The columns of {@code row} the cap of {@code marginMetres} around the ping may touch: the
   * ping's longitude plus or minus the widest the cap gets, all of them when it holds a pole.
   */
  private List<Integer> candidateColumns(int row, Ping ping, double marginMetres) {
    int n = columns[row];
    double delta = marginMetres / Geo.EARTH_RADIUS_METRES;
    double phi = Math.toRadians(ping.lat());
    double ratio = Math.sin(delta) / Math.cos(phi);
    List<Integer> result = new ArrayList<>();
    if (Math.abs(ping.lat()) + Math.toDegrees(delta) >= 90 || ratio >= 1) {
      for (int column = 0; column < n; column++) {
        result.add(column);
      }
      return result;
    }
    double dLon = Math.toDegrees(Math.asin(ratio));
    double width = 360.0 / n;
    int from = (int) Math.floor((wrap(ping.lon() - dLon) + 180) / width);
    int span = (int) Math.ceil(2 * dLon / width) + 1;
    for (int i = 0; i <= Math.min(span, n - 1); i++) {
      result.add(Math.floorMod(from + i, n));
    }
    return result;
  }

  /**
   * The great-circle distance from a point to the nearest point of a cell. Inside the cell's
   * longitudes the nearest point lies on the same meridian; otherwise on the nearer meridian edge,
   * where the distance along it is least at the foot of the perpendicular (clamped to the edge).
   */
  private double metresToCell(double lat, double lon, int row, int column) {
    double south = -90 + row * sizeDegrees;
    double north = Math.min(90, south + sizeDegrees);
    double width = 360.0 / columns[row];
    double west = -180 + column * width;
    double east = west + width;
    double pastWest = ((lon - west) % 360 + 360) % 360;
    if (pastWest <= width) {
      return Geo.metres(lat, lon, clamp(lat, south, north), lon);
    }
    double edge = pastWest - width < 360 - pastWest ? east : west;
    double dLambda = Math.toRadians(wrap(lon - edge));
    double foot =
        Math.abs(dLambda) >= Math.PI / 2
            ? (lat >= 0 ? 90 : -90)
            : Math.toDegrees(Math.atan(Math.tan(Math.toRadians(lat)) / Math.cos(dLambda)));
    return Geo.metres(lat, lon, clamp(foot, south, north), edge);
  }

  private int row(double lat) {
    return (int) clamp(Math.floor((lat + 90) / sizeDegrees), 0, rows - 1);
  }

  private int column(int row, double lon) {
    int n = columns[row];
    int column = (int) Math.floor((wrap(lon) + 180) / (360.0 / n));
    return Math.min(column, n - 1);
  }

  private static String id(int row, int column) {
    return row + ":" + column;
  }

  /** A longitude or a difference of longitudes in -180 (included) to 180 (excluded). */
  static double wrap(double degrees) {
    double w = (degrees + 180) % 360;
    return (w < 0 ? w + 360 : w) - 180;
  }

  private static double clamp(double x, double low, double high) {
    return Math.max(low, Math.min(high, x));
  }
}
