package io.transfermonitor.streams.ais;

/**
 * Distances and directions on the Earth, as a sphere of the mean radius (IUGG, 6,371,008.8 m): at
 * the distances the detectors judge (hundreds of metres to a few hundred nautical miles) the
 * spherical error, under 0.5 %, is well inside their parameters' margins.
 */
public final class Geo {

  /** The mean Earth radius in metres. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  /** One international nautical mile in metres. */
  public static final double METRES_PER_NAUTICAL_MILE = 1_852.0;

  private static final double MILLIS_PER_HOUR = 3_600_000.0;

  private Geo() {}

  /** Great-circle distance in metres (haversine). */
  public static double metres(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dPhi = phi2 - phi1;
    double dLambda = Math.toRadians(lon2 - lon1);
    double h = sin2(dPhi / 2) + Math.cos(phi1) * Math.cos(phi2) * sin2(dLambda / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  /** Nautical miles between two positions. */
  public static double nauticalMiles(double lat1, double lon1, double lat2, double lon2) {
    return metres(lat1, lon1, lat2, lon2) / METRES_PER_NAUTICAL_MILE;
  }

  /**
   * The speed in knots a vessel needs to go from {@code a} to {@code b} in the time between them;
   * infinite when they are apart at the same instant, 0 when at the same place.
   */
  public static double impliedKnots(Ping a, Ping b) {
    double nm = a.metresTo(b) / METRES_PER_NAUTICAL_MILE;
    double hours = Math.abs(b.time() - a.time()) / MILLIS_PER_HOUR;
    if (hours == 0) {
      return nm == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return nm / hours;
  }

  /**
   * The position {@code metres} from ({@code lat}, {@code lon}) on the initial bearing {@code
   * bearingDegrees} (0 north, 90 east): for planting tracks and for tests.
   *
   * @return {lat, lon}, longitude in -180..180
   */
  public static double[] offset(double lat, double lon, double bearingDegrees, double metres) {
    double delta = metres / EARTH_RADIUS_METRES;
    double theta = Math.toRadians(bearingDegrees);
    double phi1 = Math.toRadians(lat);
    double lambda1 = Math.toRadians(lon);
    double phi2 =
        Math.asin(
            Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
    double lambda2 =
        lambda1
            + Math.atan2(
                Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
    double lon2 = (Math.toDegrees(lambda2) + 540) % 360 - 180;
    return new double[] {Math.toDegrees(phi2), lon2};
  }

  /** Initial bearing in degrees (0 to 360) from the first position to the second. */
  public static double bearing(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double dLambda = Math.toRadians(lon2 - lon1);
    double y = Math.sin(dLambda) * Math.cos(phi2);
    double x =
        Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
    return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
  }

  private static double sin2(double x) {
    double s = Math.sin(x);
    return s * s;
  }
}
