package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.ais.Gazetteer.Port;

/**
 * A vessel's visit to a port (Global Fishing Watch's rules, {@link PortVisits}).
 *
 * @param mmsi the vessel
 * @param port where
 * @param arrival its first position within the port's radius
 * @param departure its first position beyond the radius plus the exit margin, or its last position
 *     in port when a silence ended the visit
 * @param stopped whether it went below the stop speed while in port
 * @param stoppedMillis how long it stayed stopped, in total
 * @param draughtAtArrival the draught it last sent before arriving (metres), null when unknown
 * @param draughtAtDeparture the draught it last sent before leaving, null when unknown
 */
public record PortCall(
    String mmsi,
    Port port,
    long arrival,
    long departure,
    boolean stopped,
    long stoppedMillis,
    Double draughtAtArrival,
    Double draughtAtDeparture)
    implements AisFinding {

  @Override
  public String id() {
    return mmsi + "/port-call/" + arrival;
  }

  @Override
  public long time() {
    return arrival;
  }

  /** Draught at departure less draught at arrival; null when either is unknown. */
  public Double draughtChange() {
    return draughtAtArrival == null || draughtAtDeparture == null
        ? null
        : draughtAtDeparture - draughtAtArrival;
  }
}
