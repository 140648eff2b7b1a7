package io.transfermonitor.streams.ais;

import java.util.Locale;

/**
 * What the monitor knows of one vessel when it turns a finding into an event: what the vessel sent
 * over AIS, what the register holds, whether a list designates it.
 *
 * @param mmsi its MMSI
 * @param imo its IMO number (sent, else the register's), or null
 * @param name its name (sent, else the register's), or null
 * @param flag its flag: the register's, else the country of its MMSI (MID), or null
 * @param registerFlag the register's flag, or null when the register does not give one
 * @param aisShipType the AIS ship type it sent, or null
 * @param registerShipType the register's ship type, or null
 * @param deadweightTonnes the register's deadweight, or null
 * @param designationId the reference number of the designation of its IMO number, or null
 */
public record Vessel(
    String mmsi,
    String imo,
    String name,
    String flag,
    String registerFlag,
    Integer aisShipType,
    String registerShipType,
    Double deadweightTonnes,
    String designationId) {

  /** A tanker by its AIS ship type (80 to 89) or by the register's type naming one. */
  public boolean tanker() {
    return (aisShipType != null && aisShipType >= 80 && aisShipType <= 89)
        || (registerShipType != null
            && registerShipType.toLowerCase(Locale.ROOT).contains("tanker"));
  }

  /** Whether a list designates it (by its IMO number). */
  public boolean designated() {
    return designationId != null;
  }

  /** How a person reads it: "CHILBO 2 (IMO 9000033, MMSI 445123000)". */
  public String label() {
    StringBuilder s = new StringBuilder();
    if (name != null) {
      s.append(name).append(' ');
    }
    s.append('(');
    if (imo != null) {
      s.append("IMO ").append(imo).append(", ");
    }
    return s.append("MMSI ").append(mmsi).append(')').toString();
  }
}
