package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.ais.Gazetteer.Area;
import io.transfermonitor.streams.ais.Gazetteer.Port;
import java.util.List;
import java.util.Optional;

/**
 * Dark periods: no position for at least the dark gap from a vessel last seen in an area of
 * interest, or heading for one: its course (or, without one, its heading) from the last position
 * crosses an area within the look-ahead distance, or its voyage destination names a port that lies
 * in an area. A silence anywhere else is coverage, not a finding.
 */
public final class DarkPeriods {

  /**
   * @param gapMillis the silence that makes a vessel dark ({@code tm.ais.dark.gap}, 12 h; Global
   *     Fishing Watch's AIS gaps use 12 h, some uses 6 h)
   * @param lookAheadNauticalMiles how far along its course a vessel is "heading for" an area
   *     ({@code tm.ais.dark.look-ahead-nm}, 100 nm)
   */
  public record Params(long gapMillis, double lookAheadNauticalMiles) {

    /** The published defaults. */
    public static final Params DEFAULTS = new Params(12 * 3_600_000L, 100.0);
  }

  private static final double STEP_NAUTICAL_MILES = 1.0;

  private final Params params;
  private final Gazetteer gazetteer;

  public DarkPeriods(Params params, Gazetteer gazetteer) {
    this.params = params;
    this.gazetteer = gazetteer;
  }

  public Params params() {
    return params;
  }

  /**
   * The dark period {@code next} closes, if the silence since {@code last} is one.
   *
   * @param draughtBefore the draught known at {@code last}
   * @param draughtNow the draught known at {@code next}
   * @param destination the newest voyage destination the vessel sent
   */
  public Optional<DarkPeriod> closed(
      String mmsi,
      Ping last,
      Ping next,
      Double draughtBefore,
      Double draughtNow,
      String destination) {
    if (next.time() - last.time() < params.gapMillis()) {
      return Optional.empty();
    }
    return why(last, destination)
        .map(why -> new DarkPeriod(mmsi, last, next, next.time(), why, draughtBefore, draughtNow));
  }

  /** The open dark period of a vessel silent since {@code last}, as of {@code now}, if one. */
  public Optional<DarkPeriod> open(
      String mmsi,
      Ping last,
      long now,
      Double draughtBefore,
      Double draughtNow,
      String destination) {
    if (now - last.time() < params.gapMillis()) {
      return Optional.empty();
    }
    return why(last, destination)
        .map(why -> new DarkPeriod(mmsi, last, null, now, why, draughtBefore, draughtNow));
  }

  /** Why a silence from {@code last} concerns an area of interest; empty when it does not. */
  Optional<String> why(Ping last, String destination) {
    List<Area> in = gazetteer.areasAt(last.lat(), last.lon());
    if (!in.isEmpty()) {
      return Optional.of("last seen in " + in.get(0).name());
    }
    Optional<String> ahead = areaAhead(last);
    if (ahead.isPresent()) {
      return ahead;
    }
    Optional<Port> port = gazetteer.portNamed(destination);
    if (port.isPresent()) {
      List<Area> around = gazetteer.areasAt(port.get().lat(), port.get().lon());
      if (!around.isEmpty()) {
        return Optional.of(
            "bound for "
                + port.get().name()
                + " (destination "
                + destination.strip()
                + ") in "
                + around.get(0).name());
      }
    }
    return Optional.empty();
  }

  private Optional<String> areaAhead(Ping last) {
    Double course =
        last.courseDegrees() != null
            ? last.courseDegrees()
            : last.headingDegrees() == null ? null : last.headingDegrees().doubleValue();
    if (course == null) {
      return Optional.empty();
    }
    for (double nm = STEP_NAUTICAL_MILES;
        nm <= params.lookAheadNauticalMiles();
        nm += STEP_NAUTICAL_MILES) {
      double[] p = Geo.offset(last.lat(), last.lon(), course, nm * Geo.METRES_PER_NAUTICAL_MILE);
      List<Area> areas = gazetteer.areasAt(p[0], p[1]);
      if (!areas.isEmpty()) {
        return Optional.of(
            "heading for "
                + areas.get(0).name()
                + ", "
                + Math.round(nm)
                + " nm ahead on "
                + Math.round(course)
                + "°");
      }
    }
    return Optional.empty();
  }
}
