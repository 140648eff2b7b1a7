package io.transfermonitor.producers.vessels;

import io.transfermonitor.model.VesselRecord;

/**
 * The key of a vessel on the register topic: {@code IMO:<7 digits>}, or {@code MMSI:<9 digits>} for
 * a vessel without an IMO number (small craft, many fishing vessels). The IMO number stays with a
 * hull for life, while the MMSI changes with the flag, so it is the key whenever there is one.
 */
public final class VesselKey {

  private VesselKey() {}

  /** The key of {@code vessel}, which has an IMO number or an MMSI. */
  public static String of(VesselRecord vessel) {
    if (vessel.getImo() != null) {
      return "IMO:" + vessel.getImo();
    }
    if (vessel.getMmsi() != null) {
      return "MMSI:" + vessel.getMmsi();
    }
    throw new IllegalArgumentException("a vessel without IMO number and MMSI has no key");
  }
}
