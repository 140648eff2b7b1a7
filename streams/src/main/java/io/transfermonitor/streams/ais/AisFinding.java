package io.transfermonitor.streams.ais;

/**
 * What the per-vessel detectors report. Each finding has a stable id built from what it is about
 * (vessel, kind, start), so replaying the same positions yields the same ids and a consumer can
 * upsert by id: an open {@link DarkPeriod} reported by a periodic check is replaced by the closed
 * one with the same id when the vessel reappears.
 */
public sealed interface AisFinding permits PortCall, DarkPeriod, IdentityAnomaly, PositionDropped {

  /** Stable across replays: {@code mmsi/kind/start-epoch-millis}. */
  String id();

  /** The vessel it is about. */
  String mmsi();

  /** When it began, epoch milliseconds. */
  long time();
}
