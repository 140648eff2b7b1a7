package io.transfermonitor.streams.ais;

/**
 * An MMSI claiming an IMO number in its voyage data, at its newest position: what {@link ImoClones}
 * compares, keyed by IMO.
 *
 * @param imo the IMO number sent
 * @param mmsi the MMSI that sent it
 * @param position the MMSI's newest accepted position when it did
 */
public record ImoSighting(String imo, String mmsi, Ping position) {}
