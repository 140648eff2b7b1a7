package io.transfermonitor.streams.ais;

import java.util.Locale;
import java.util.Optional;

/**
 * A vessel identity that cannot be one ship: one MMSI in two places at once, one IMO number on two
 * MMSIs far apart, or an MMSI whose country (MID) is not the register's flag.
 *
 * @param mmsi the MMSI it is about
 * @param kind which anomaly
 * @param time when it was seen
 * @param detail what was seen, in words, with the figures
 */
public record IdentityAnomaly(String mmsi, Kind kind, long time, String detail)
    implements AisFinding {

  /** The kinds of identity anomaly. */
  public enum Kind {
    /** The MMSI's next position needs more than the maximum speed from its last. */
    POSITION_JUMP,
    /** The IMO number is sent by another MMSI too far away at nearly the same time. */
    IMO_CLONE,
    /** The MMSI's MID names another country than the register's flag. */
    FLAG_MISMATCH
  }

  @Override
  public String id() {
    return mmsi + "/" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "/" + time;
  }

  /** {@code mmsi}'s MID against the register's {@code flag}; for the register stage. */
  public static Optional<IdentityAnomaly> flagMismatch(String mmsi, String flag, long time) {
    return Mid.disagrees(mmsi, flag)
        ? Optional.of(
            new IdentityAnomaly(
                mmsi,
                Kind.FLAG_MISMATCH,
                time,
                "MMSI "
                    + mmsi
                    + " has the MID of "
                    + Mid.country(mmsi).orElseThrow()
                    + ", the register's flag is "
                    + flag))
        : Optional.empty();
  }
}
