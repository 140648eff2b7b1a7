package io.transfermonitor.streams.ais;

/**
 * The per-vessel detectors with their parameters and the gazetteer they read: what a {@link
 * VesselTrack} needs besides its own state. Immutable; one per application.
 */
public final class AisDetectors {

  private final Gazetteer gazetteer;
  private final TrackFilter filter;
  private final PortVisits portVisits;
  private final DarkPeriods darkPeriods;

  public AisDetectors(
      Gazetteer gazetteer,
      TrackFilter.Params track,
      PortVisits.Params port,
      DarkPeriods.Params dark) {
    this.gazetteer = gazetteer;
    this.filter = new TrackFilter(track);
    this.portVisits = new PortVisits(port, gazetteer);
    this.darkPeriods = new DarkPeriods(dark, gazetteer);
  }

  /** The published defaults over {@code gazetteer}. */
  public static AisDetectors defaults(Gazetteer gazetteer) {
    return new AisDetectors(
        gazetteer,
        TrackFilter.Params.DEFAULTS,
        PortVisits.Params.DEFAULTS,
        DarkPeriods.Params.DEFAULTS);
  }

  /** The same parameters over another gazetteer. */
  public AisDetectors over(Gazetteer places) {
    return new AisDetectors(places, filter.params(), portVisits.params(), darkPeriods.params());
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  TrackFilter filter() {
    return filter;
  }

  PortVisits portVisits() {
    return portVisits;
  }

  DarkPeriods darkPeriods() {
    return darkPeriods;
  }
}
