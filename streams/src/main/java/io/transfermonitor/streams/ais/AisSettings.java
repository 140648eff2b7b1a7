package io.transfermonitor.streams.ais;

import java.time.Duration;
import java.util.Objects;

/**
 * How the AIS stages run: whether at all ({@code tm.ais.enabled}), the places they know, the
 * detectors' parameters (Global Fishing Watch's published ones by default), how findings become
 * events, and how often the stores are checked for vessels gone dark and encounters ended. Each is
 * a {@code tm.ais.*} setting (defined in {@code AisSettingKeys}, parsed by {@code
 * MonitorSettings}).
 *
 * @param enabled whether the monitor reads the AIS topics at all
 * @param gazetteer the ports and areas of interest (shipped, plus {@code tm.ais.gazetteer.files})
 * @param detectors the per-vessel detectors over {@code gazetteer}
 * @param encounters the encounter rules and the grid of the search
 * @param imoClones when one IMO number on two MMSIs is a clone
 * @param events how findings become events
 * @param darkCheckInterval how often (wall clock) each task looks for vessels gone dark ({@code
 *     tm.ais.dark.check-interval}, 1 min)
 * @param encounterCheckInterval how often (wall clock) each task closes encounters whose vessels
 *     stopped meeting ({@code tm.ais.encounter.check-interval}, 1 min)
 * @param trackTasks how many tasks read the positions (the positions topic's partitions), which the
 *     encounter search hears from before it pairs anything when it starts; 0 when not known (not a
 *     setting: the monitor reads it from the cluster as it starts)
 */
public record AisSettings(
    boolean enabled,
    Gazetteer gazetteer,
    AisDetectors detectors,
    EncounterParams encounters,
    ImoClones.Params imoClones,
    AisEvents.Params events,
    Duration darkCheckInterval,
    Duration encounterCheckInterval,
    int trackTasks) {

  public AisSettings {
    Objects.requireNonNull(gazetteer, "gazetteer");
    Objects.requireNonNull(detectors, "detectors");
    Objects.requireNonNull(encounters, "encounters");
    Objects.requireNonNull(imoClones, "imoClones");
    Objects.requireNonNull(events, "events");
  }

  /**
   * The defaults ({@code tm.ais.*}) over the shipped gazetteer. Encounter cells of 0.2° reached
   * from 10 km: about three cells per slow position away from ports (cells of 0.1° reached from 10
   * km take seven), and a pair may drift 10 km during a meeting before it is judged in two cells
   * (from 5 km, one planted pair of five seeds drifted out and had its end reported 80 minutes
   * early).
   */
  public static AisSettings defaults() {
    return of(Gazetteer.shipped());
  }

  /** The defaults over {@code gazetteer}. */
  public static AisSettings of(Gazetteer gazetteer) {
    EncounterParams published = EncounterParams.defaults();
    EncounterParams encounters =
        new EncounterParams(
            published.maxDistanceMetres(),
            published.minDuration(),
            published.maxSpeedKnots(),
            published.minPortMetres(),
            published.mergeGap(),
            published.pairingTolerance(),
            published.maxSilence(),
            0.2,
            10_000);
    return new AisSettings(
        true,
        gazetteer,
        AisDetectors.defaults(gazetteer),
        encounters,
        ImoClones.Params.DEFAULTS,
        AisEvents.Params.DEFAULTS,
        Duration.ofMinutes(1),
        Duration.ofMinutes(1),
        0);
  }

  /** The same, on or off. */
  public AisSettings withEnabled(boolean on) {
    return new AisSettings(
        on,
        gazetteer,
        detectors,
        encounters,
        imoClones,
        events,
        darkCheckInterval,
        encounterCheckInterval,
        trackTasks);
  }

  /** The same parameters over another gazetteer. */
  public AisSettings withGazetteer(Gazetteer places) {
    return new AisSettings(
        enabled,
        places,
        detectors.over(places),
        encounters,
        imoClones,
        events,
        darkCheckInterval,
        encounterCheckInterval,
        trackTasks);
  }

  /** The same, with {@code tasks} tasks reading the positions. */
  public AisSettings withTrackTasks(int tasks) {
    return new AisSettings(
        enabled,
        gazetteer,
        detectors,
        encounters,
        imoClones,
        events,
        darkCheckInterval,
        encounterCheckInterval,
        tasks);
  }

  /** The grid of the encounter search. */
  public Cells cells() {
    return new Cells(encounters.cellDegrees());
  }
}
