package io.transfermonitor.producers.ais;

/**
 * The "not available" codes of ITU-R M.1371 turned into null, shared by the NMEA decoder and the
 * CSV reader so a position means the same whichever way it came: speed 102.3 kn, course 360°,
 * heading 511, navigational status 15, draught 0, ship type 0, IMO 0. Values no message can carry
 * (a course of 400°, a heading of 400) are refused with an {@link IllegalArgumentException} that
 * names the field.
 */
final class AisValues {

  static final double LATITUDE_NOT_AVAILABLE = 91;
  static final double LONGITUDE_NOT_AVAILABLE = 181;

  private AisValues() {}

  /** True for the "no position" codes: latitude 91 or longitude 181. */
  static boolean positionNotAvailable(double latitude, double longitude) {
    return latitude == LATITUDE_NOT_AVAILABLE || longitude == LONGITUDE_NOT_AVAILABLE;
  }

  /** Refuses a latitude or longitude outside the globe. */
  static void checkPosition(double latitude, double longitude) {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude " + latitude + " outside -90..90");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude " + longitude + " outside -180..180");
    }
  }

  /** Speed over ground in knots; 102.3 (and above) is not available. */
  static Double speed(Double knots) {
    if (knots == null || knots >= 102.3) {
      return null;
    }
    if (knots < 0) {
      throw new IllegalArgumentException("speed " + knots + " kn below 0");
    }
    return knots;
  }

  /** Course over ground in degrees; 360 is not available, above it no course. */
  static Double course(Double degrees) {
    if (degrees == null || degrees == 360) {
      return null;
    }
    if (degrees < 0 || degrees > 360) {
      throw new IllegalArgumentException("course " + degrees + " outside 0..360");
    }
    return degrees;
  }

  /** True heading in degrees; 511 is not available, 360..510 no heading. */
  static Integer heading(Integer degrees) {
    if (degrees == null || degrees == 511) {
      return null;
    }
    if (degrees < 0 || degrees > 359) {
      throw new IllegalArgumentException("heading " + degrees + " outside 0..359 (511: n/a)");
    }
    return degrees;
  }

  /** Navigational status 0..14; 15 is not defined. */
  static Integer navigationStatus(Integer status) {
    if (status == null || status == 15) {
      return null;
    }
    if (status < 0 || status > 15) {
      throw new IllegalArgumentException("navigational status " + status + " outside 0..15");
    }
    return status;
  }

  /** Ship and cargo type; 0 is not available. */
  static Integer shipType(Integer type) {
    return type == null || type == 0 ? null : type;
  }

  /** Draught in metres; 0 is not available. */
  static Double draught(Double metres) {
    return metres == null || metres == 0 ? null : metres;
  }

  /** A dimension pair (bow and stern, port and starboard) summed; both 0 is not available. */
  static Double sum(int a, int b) {
    return a == 0 && b == 0 ? null : (double) (a + b);
  }

  /** IMO number as 7 digits; 0 (and any number that is no IMO number) is not available. */
  static String imo(long number) {
    return number >= 1_000_000 && number <= 9_999_999 ? Long.toString(number) : null;
  }

  /** MMSI as the 9 digits it is written with, leading zeros kept (base stations: 00MIDxxxx). */
  static String mmsi(long number) {
    if (number < 0 || number > 999_999_999) {
      throw new IllegalArgumentException("MMSI " + number + " is not 9 digits");
    }
    return String.format("%09d", number);
  }

  /** AIS text with its '@' padding and spaces trimmed; empty is not available. */
  static String text(String value) {
    if (value == null) {
      return null;
    }
    int end = value.indexOf('@');
    String trimmed = (end < 0 ? value : value.substring(0, end)).strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
