package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.ais.Gazetteer.Port;
import java.util.Optional;

/**
 * Port visits by Global Fishing Watch's rules (its anchorages and port-visit documentation,
 * https://globalfishingwatch.org/datasets-and-code/anchorages/ and the carrier-portal FAQ): a
 * vessel enters a port within the port's radius (3 km for GFW's anchorages) and leaves it beyond
 * the radius plus 1 km (4 km); it is stopped below 0.2 kn and moving again above 0.5 kn (between
 * the two it keeps its state, so speed noise does not flap); a silence of 4 h or more ends the
 * visit at its last position, and the next position may begin another. A visit is a call when the
 * vessel stopped or stayed at least the minimum visit (GFW's 3 h); a vessel passing at speed makes
 * none. Where a position has no speed over ground, the speed from the previous position stands in.
 */
public final class PortVisits {

  /**
   * @param exitMarginMetres how far beyond its radius a port still holds a vessel in it ({@code
   *     tm.ais.port.exit-margin-metres}, 1,000 m)
   * @param stopKnots below this a vessel is stopped ({@code tm.ais.port.stop-knots}, 0.2 kn)
   * @param moveKnots above this a stopped vessel moves again ({@code tm.ais.port.move-knots}, 0.5)
   * @param silenceMillis a silence this long ends a visit ({@code tm.ais.port.silence}, 4 h)
   * @param minVisitMillis a visit without a stop is a call when at least this long ({@code
   *     tm.ais.port.min-visit}, 3 h)
   */
  public record Params(
      double exitMarginMetres,
      double stopKnots,
      double moveKnots,
      long silenceMillis,
      long minVisitMillis) {

    /** The published defaults. */
    public static final Params DEFAULTS =
        new Params(1_000.0, 0.2, 0.5, 4 * 3_600_000L, 3 * 3_600_000L);
  }

  /** A visit after one position, and the call that position ended, if any. */
  public record Step(PortVisit visit, Optional<PortCall> call) {}

  private final Params params;
  private final Gazetteer gazetteer;

  public PortVisits(Params params, Gazetteer gazetteer) {
    this.params = params;
    this.gazetteer = gazetteer;
  }

  public Params params() {
    return params;
  }

  /**
   * The visit after the vessel's next position.
   *
   * @param visit the visit under way, or null
   * @param previous the vessel's previous position, or null
   * @param next its next position
   * @param draught its draught known at {@code next}, or null
   */
  public Step step(String mmsi, PortVisit visit, Ping previous, Ping next, Double draught) {
    Optional<PortCall> call = Optional.empty();
    boolean silence = false;
    if (visit != null) {
      silence = next.time() - visit.lastInPort() >= params.silenceMillis();
      if (silence) {
        call = call(mmsi, visit, visit.lastInPort(), draught);
      } else if (visit.port().metresTo(next.lat(), next.lon())
          > visit.port().radiusMetres() + params.exitMarginMetres()) {
        call = call(mmsi, visit, next.time(), draught);
      } else {
        return new Step(moved(visit, previous, next), call);
      }
    }
    Optional<Port> entered = gazetteer.portAt(next.lat(), next.lon());
    if (entered.isEmpty()) {
      return new Step(null, call);
    }
    PortVisit arrived =
        new PortVisit(entered.get(), next.time(), next.time(), draught, false, null, 0);
    // after a silence the speed between the two positions says nothing of this visit's stops
    return new Step(moved(arrived, silence ? null : previous, next), call);
  }

  private PortVisit moved(PortVisit visit, Ping previous, Ping next) {
    Double knots =
        next.speedKnots() != null
            ? next.speedKnots()
            : previous == null ? null : Geo.impliedKnots(previous, next);
    boolean stopped = visit.stopped();
    Long since = visit.stoppedSince();
    long stoppedMillis = visit.stoppedMillis();
    if (knots != null && knots < params.stopKnots() && since == null) {
      since = next.time();
      stopped = true;
    } else if (knots != null && knots > params.moveKnots() && since != null) {
      stoppedMillis += next.time() - since;
      since = null;
    }
    return new PortVisit(
        visit.port(),
        visit.arrival(),
        next.time(),
        visit.draughtAtArrival(),
        stopped,
        since,
        stoppedMillis);
  }

  private Optional<PortCall> call(String mmsi, PortVisit visit, long departure, Double draught) {
    long stoppedMillis =
        visit.stoppedMillis()
            + (visit.stoppedSince() == null ? 0 : visit.lastInPort() - visit.stoppedSince());
    if (!visit.stopped() && departure - visit.arrival() < params.minVisitMillis()) {
      return Optional.empty();
    }
    return Optional.of(
        new PortCall(
            mmsi,
            visit.port(),
            visit.arrival(),
            departure,
            visit.stopped(),
            stoppedMillis,
            visit.draughtAtArrival(),
            draught));
  }
}
