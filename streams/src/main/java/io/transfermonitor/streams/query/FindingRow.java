package io.transfermonitor.streams.query;

import io.transfermonitor.model.VesselFinding;
import java.time.Instant;

/**
 * An AIS finding as the dashboard's map and its JSON API show it: the fields of the Avro {@link
 * VesselFinding}, with times as ISO-8601 text.
 *
 * @param findingId stable id, e.g. {@code mmsi/port-call/arrival-millis}
 * @param kind PORT_CALL, ENCOUNTER, DARK_PERIOD, IDENTITY_ANOMALY or OTHER
 * @param mmsi the vessel (an encounter: the one with the lower MMSI)
 * @param otherMmsi an encounter's other vessel, else null
 * @param imo the vessel's IMO number, when known
 * @param name the vessel's name, when known
 * @param flag the vessel's flag, ISO alpha-3, when known
 * @param start when it began
 * @param end when it ended; null while a dark period is open
 * @param latitude where: the port, the encounter, the last position before a silence
 * @param longitude likewise
 * @param endLatitude a dark period's first position after, an identity anomaly's second place
 * @param endLongitude likewise
 * @param place the port called at or the area of interest, when there is one
 * @param placeCountry a port call's country, ISO alpha-3
 * @param draughtChangeMetres draught at the end less at the start, when both are known
 * @param detail one sentence saying what was seen
 * @param eventId the event a rule counts it as, if any
 */
public record FindingRow(
    String findingId,
    String kind,
    String mmsi,
    String otherMmsi,
    String imo,
    String name,
    String flag,
    String start,
    String end,
    double latitude,
    double longitude,
    Double endLatitude,
    Double endLongitude,
    String place,
    String placeCountry,
    Double draughtChangeMetres,
    String detail,
    String eventId) {

  public static FindingRow of(VesselFinding f) {
    return new FindingRow(
        f.getFindingId(),
        f.getKind().name(),
        f.getMmsi(),
        f.getOtherMmsi(),
        f.getImo(),
        f.getName(),
        f.getFlag(),
        text(f.getStart()),
        text(f.getEnd()),
        f.getLatitude(),
        f.getLongitude(),
        f.getEndLatitude(),
        f.getEndLongitude(),
        f.getPlace(),
        f.getPlaceCountry(),
        f.getDraughtChangeMetres(),
        f.getDetail(),
        f.getEventId());
  }

  /** Whether it is about {@code mmsi}, as the vessel or (an encounter) as the other one. */
  public boolean about(String vessel) {
    return mmsi.equals(vessel) || vessel.equals(otherMmsi);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
