package io.transfermonitor.streams.ais;

import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselVoyage;

/** What the track stage reads for one MMSI: a position, or what the vessel says of itself. */
public sealed interface AisInput {

  /** A position as the detectors read it. */
  record Position(Ping ping) implements AisInput {}

  /** Static and voyage data: any field may be null, keeping what the track knew. */
  record Voyage(String imo, String name, Integer shipType, Double draughtMetres, String destination)
      implements AisInput {}

  /** The position record as a detector's {@link Ping}. */
  public static AisInput position(VesselPosition p) {
    return new Position(
        new Ping(
            p.getMmsi(),
            p.getTime().toEpochMilli(),
            p.getLatitude(),
            p.getLongitude(),
            p.getSpeedKnots(),
            p.getCourseDegrees(),
            p.getHeadingDegrees()));
  }

  /** The voyage record's fields the track keeps. */
  public static AisInput voyage(VesselVoyage v) {
    return new Voyage(
        v.getImo(), v.getName(), v.getShipType(), v.getDraughtMetres(), v.getDestination());
  }
}
