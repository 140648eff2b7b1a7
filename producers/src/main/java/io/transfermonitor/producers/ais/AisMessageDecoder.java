package io.transfermonitor.producers.ais;

import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.marineapi.ais.message.AISMessage;
import net.sf.marineapi.ais.message.AISMessage05;
import net.sf.marineapi.ais.message.AISMessage09;
import net.sf.marineapi.ais.message.AISMessage19;
import net.sf.marineapi.ais.message.AISMessage21;
import net.sf.marineapi.ais.message.AISMessage24;
import net.sf.marineapi.ais.message.AISPositionInfo;
import net.sf.marineapi.ais.message.AISPositionReport;
import net.sf.marineapi.ais.message.AISPositionReportB;
import net.sf.marineapi.ais.parser.AISMessageFactory;
import net.sf.marineapi.nmea.sentence.AISSentence;

/**
 * Turns one whole AIS message (its sentences in order) into records with the Java Marine API: types
 * 1, 2, 3, 9, 18 and 27 into a {@link VesselPosition}; 5 and 24 (part A: name; part B: type, call
 * sign, dimensions) into a {@link VesselVoyage}; 19 and 21 into both. Type 4, a base station
 * reporting its own fixed position, is refused as {@link RejectReason#NOT_A_VESSEL}: its MMSI
 * (00MIDxxxx) names no ship and its position would read as a vessel that never leaves port. Every
 * other type carries no vessel position or voyage data and is refused as unsupported.
 *
 * <p>The Marine API decodes whatever bits it is given, so the bit count is checked first against
 * ITU-R M.1371: a payload of the wrong length is a corrupted message whose fields are shifted.
 */
final class AisMessageDecoder {

  /**
   * Bits each supported type may have, {min, max}: type 5 is 424 but often sent as 420 or padded to
   * 426, 21 grows with its name extension; 24 (160 for part A, 168 for B) is checked alone.
   */
  private static final Map<Integer, int[]> BITS =
      Map.ofEntries(
          Map.entry(1, new int[] {168, 168}),
          Map.entry(2, new int[] {168, 168}),
          Map.entry(3, new int[] {168, 168}),
          Map.entry(4, new int[] {168, 168}),
          Map.entry(5, new int[] {420, 426}),
          Map.entry(9, new int[] {168, 168}),
          Map.entry(18, new int[] {168, 168}),
          Map.entry(19, new int[] {312, 312}),
          Map.entry(21, new int[] {272, 360}),
          Map.entry(24, new int[] {160, 168}),
          Map.entry(27, new int[] {96, 96}));

  private final AISMessageFactory factory = AISMessageFactory.getInstance();

  /** The records of one message, or one rejection per sentence of it. */
  List<AisResult> decode(List<Fragment> parts) {
    Fragment last = parts.get(parts.size() - 1);
    StringBuilder payload = new StringBuilder();
    for (Fragment part : parts) {
      payload.append(part.sentence().getPayload());
    }
    int type = sixbit(payload.charAt(0));
    int[] allowed = BITS.get(type);
    if (allowed == null) {
      return reject(parts, RejectReason.UNSUPPORTED_TYPE, "message type " + type);
    }
    int bits = payload.length() * 6 - last.sentence().getFillBits();
    boolean type24Length = type != 24 || bits == 160 || bits == 168;
    if (bits < allowed[0] || bits > allowed[1] || !type24Length) {
      String expected =
          type == 24
              ? "160 or 168"
              : allowed[0] == allowed[1] ? "" + allowed[0] : allowed[0] + ".." + allowed[1];
      return reject(
          parts,
          RejectReason.BAD_BIT_COUNT,
          "type " + type + " has " + bits + " bits, expected " + expected);
    }
    if (type == 4) {
      return reject(parts, RejectReason.NOT_A_VESSEL, "base station report");
    }
    AISMessage message;
    try {
      message = factory.create(parts.stream().map(Fragment::sentence).toArray(AISSentence[]::new));
    } catch (RuntimeException e) {
      return reject(parts, RejectReason.MALFORMED_SENTENCE, "type " + type + ": " + e.getMessage());
    }
    Fragment first = parts.get(0);
    Instant time = first.time();
    TimeSource timeSource = first.timeSource();
    String source = first.source();
    for (Fragment part : parts) {
      // the parts' own tag blocks can differ by a second; the first with a c: time speaks
      if (part.timeSource() == TimeSource.TAG_BLOCK) {
        time = part.time();
        timeSource = part.timeSource();
        source = part.source();
        break;
      }
    }
    List<Long> lines = parts.stream().map(Fragment::line).toList();
    try {
      String mmsi = AisValues.mmsi(Integer.toUnsignedLong(message.getMMSI()));
      List<AisResult> results = new ArrayList<>(2);
      if (message instanceof AISPositionInfo position) {
        VesselPosition record = position(mmsi, time, type, source, position);
        if (record == null) {
          return reject(parts, RejectReason.NO_POSITION, "latitude 91 or longitude 181");
        }
        results.add(new AisResult.Decoded(lines, record, timeSource));
      }
      VesselVoyage voyage = voyage(mmsi, time, type, source, message);
      if (voyage != null) {
        results.add(new AisResult.Decoded(lines, voyage, timeSource));
      }
      return results;
    } catch (IllegalArgumentException e) {
      return reject(parts, RejectReason.OUT_OF_RANGE, "type " + type + ": " + e.getMessage());
    }
  }

  private static VesselPosition position(
      String mmsi, Instant time, int type, String source, AISPositionInfo info) {
    double latitude = info.getLatitudeInDegrees();
    double longitude = info.getLongitudeInDegrees();
    if (AisValues.positionNotAvailable(latitude, longitude)) {
      return null;
    }
    AisValues.checkPosition(latitude, longitude);
    VesselPosition.Builder record =
        VesselPosition.newBuilder()
            .setMmsi(mmsi)
            .setTime(time)
            .setLatitude(latitude)
            .setLongitude(longitude)
            .setMessageType(type)
            .setSource(source);
    if (info instanceof AISPositionReportB report) {
      record
          .setSpeedKnots(speed(type, report))
          .setCourseDegrees(course(type, report))
          .setHeadingDegrees(AisValues.heading(report.getTrueHeading()));
    }
    if (info instanceof AISPositionReport report) {
      record.setNavigationStatus(AisValues.navigationStatus(report.getNavigationalStatus()));
    }
    if (info instanceof AISMessage09 aircraft) {
      // SAR aircraft send whole knots, 1023 not available, 1022 for 1022 kn or more
      int knots = aircraft.getSpeedOverGround();
      record
          .setSpeedKnots(knots == 1023 ? null : (double) knots)
          .setCourseDegrees(AisValues.course(aircraft.getCourseOverGround()));
    }
    return record.build();
  }

  /** Type 27 sends whole knots, 63 not available; the others tenths, 102.3 not available. */
  private static Double speed(int type, AISPositionReportB report) {
    double knots = report.getSpeedOverGround();
    if (type == 27) {
      return knots >= 63 ? null : knots;
    }
    return AisValues.speed(knots);
  }

  /** Type 27 sends whole degrees, 511 not available. */
  private static Double course(int type, AISPositionReportB report) {
    double degrees = report.getCourseOverGround();
    if (type == 27 && degrees == 511) {
      return null;
    }
    return AisValues.course(degrees);
  }

  private static VesselVoyage voyage(
      String mmsi, Instant time, int type, String source, AISMessage message) {
    VesselVoyage.Builder record =
        VesselVoyage.newBuilder()
            .setMmsi(mmsi)
            .setTime(time)
            .setMessageType(type)
            .setSource(source);
    if (message instanceof AISMessage05 m) {
      return record
          .setImo(AisValues.imo(Integer.toUnsignedLong(m.getIMONumber())))
          .setName(AisValues.text(m.getName()))
          .setCallSign(AisValues.text(m.getCallSign()))
          .setShipType(AisValues.shipType(m.getTypeOfShipAndCargoType()))
          .setLengthMetres(AisValues.sum(m.getBow(), m.getStern()))
          .setBeamMetres(AisValues.sum(m.getPort(), m.getStarboard()))
          .setDraughtMetres(AisValues.draught(m.getMaximumDraught()))
          .setDestination(AisValues.text(m.getDestination()))
          .setEta(eta(m.getETAMonth(), m.getETADay(), m.getETAHour(), m.getETAMinute()))
          .build();
    }
    if (message instanceof AISMessage19 m) {
      return record
          .setName(AisValues.text(m.getName()))
          .setShipType(AisValues.shipType(m.getTypeOfShipAndCargoType()))
          .setLengthMetres(AisValues.sum(m.getBow(), m.getStern()))
          .setBeamMetres(AisValues.sum(m.getPort(), m.getStarboard()))
          .build();
    }
    if (message instanceof AISMessage21 m) {
      String extension = AisValues.text(m.getNameExtension());
      String name = AisValues.text(m.getName());
      return record
          .setName(extension == null || name == null ? name : name + extension)
          .setLengthMetres(AisValues.sum(m.getBow(), m.getStern()))
          .setBeamMetres(AisValues.sum(m.getPort(), m.getStarboard()))
          .build();
    }
    if (message instanceof AISMessage24 m) {
      if (m.getPartNumber() == 0) {
        return record.setName(AisValues.text(m.getName())).build();
      }
      return record
          .setShipType(AisValues.shipType(m.getTypeOfShipAndCargoType()))
          .setCallSign(AisValues.text(m.getCallSign()))
          .setLengthMetres(AisValues.sum(m.getBow(), m.getStern()))
          .setBeamMetres(AisValues.sum(m.getPort(), m.getStarboard()))
          .build();
    }
    return null;
  }

  /** 'MM-DD HH:mm'; month 0, day 0, hour 24 or minute 60 mean not available. */
  static String eta(int month, int day, int hour, int minute) {
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) {
      return null;
    }
    return String.format("%02d-%02d %02d:%02d", month, day, hour, minute);
  }

  /** The 6-bit value of a payload character ('0' is 0, 'w' is 63). */
  static int sixbit(char c) {
    int value = c - 48;
    return value > 40 ? value - 8 : value;
  }

  /** One rejection per line of the message (parts of one message can share a line). */
  private static List<AisResult> reject(List<Fragment> parts, RejectReason reason, String detail) {
    List<AisResult> rejected = new ArrayList<>(parts.size());
    long previous = -1;
    for (Fragment part : parts) {
      if (part.line() != previous) {
        rejected.add(new AisResult.Rejected(part.line(), part.text(), reason, detail));
      }
      previous = part.line();
    }
    return rejected;
  }
}
