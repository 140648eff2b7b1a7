package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.ais.Gazetteer.Port;

/**
 * A port visit under way, as a vessel's track keeps it.
 *
 * @param port the port
 * @param arrival the first position within its radius
 * @param lastInPort the newest position of the visit
 * @param draughtAtArrival the draught known on arrival, null when unknown
 * @param stopped whether the vessel has been below the stop speed in this visit
 * @param stoppedSince when its current stop began, null while it is moving
 * @param stoppedMillis the time stopped in the stops that have ended
 */
public record PortVisit(
    Port port,
    long arrival,
    long lastInPort,
    Double draughtAtArrival,
    boolean stopped,
    Long stoppedSince,
    long stoppedMillis) {}
