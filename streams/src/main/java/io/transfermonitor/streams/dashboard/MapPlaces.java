package io.transfermonitor.streams.dashboard;

import io.transfermonitor.streams.ais.Gazetteer;
import java.util.Comparator;
import java.util.List;

/**
 * The gazetteer as the dashboard's map draws it: the ports the detectors know, each with the radius
 * within which a vessel is in it, and the areas of interest, each with its source.
 *
 * @param ports by country, then name
 * @param areas by name
 */
record MapPlaces(List<Gazetteer.Port> ports, List<AreaOutline> areas) {

  static MapPlaces of(Gazetteer gazetteer) {
    return new MapPlaces(
        gazetteer.ports().stream()
            .sorted(
                Comparator.comparing(Gazetteer.Port::country).thenComparing(Gazetteer.Port::name))
            .toList(),
        gazetteer.areas().stream()
            .map(a -> new AreaOutline(a.name(), a.vertices(), a.source()))
            .sorted(Comparator.comparing(AreaOutline::name))
            .toList());
  }

  /**
   * An area of interest.
   *
   * @param name e.g. "West Korea Bay"
   * @param vertices its outline, each {@code [lat, lon]}, not closed
   * @param source where the outline comes from
   */
  record AreaOutline(String name, List<double[]> vertices, String source) {}
}
