package io.transfermonitor.streams.ais;

import java.util.Locale;

/**
 * A position the track filter did not take ({@link TrackFilter}), with the reason; a position that
 * jumps is an {@link IdentityAnomaly} instead.
 *
 * @param mmsi the vessel
 * @param time the dropped position's time
 * @param reason why
 * @param lastTime the time of the track's newest position when it was dropped
 */
public record PositionDropped(String mmsi, long time, Reason reason, long lastTime)
    implements AisFinding {

  /** Why a position was dropped. */
  public enum Reason {
    /**
     * Same time and about the same place as the newest position: a re-sent or twice-received
     * message.
     */
    DUPLICATE,
    /** Older than the newest position by more than the out-of-order tolerance. */
    TOO_OLD
  }

  @Override
  public String id() {
    return mmsi + "/dropped-" + reason.name().toLowerCase(Locale.ROOT) + "/" + time;
  }
}
