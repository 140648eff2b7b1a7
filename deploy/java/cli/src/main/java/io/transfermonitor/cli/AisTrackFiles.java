package io.transfermonitor.cli;

import io.transfermonitor.cli.ais.TrackSetCsv;
import io.transfermonitor.cli.settings.SettingsOptions;
import io.transfermonitor.streams.ais.AisReplay;
import io.transfermonitor.streams.ais.AisSettings;
import io.transfermonitor.streams.ais.Gazetteer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The files `ais detect` and `ais score` read: the positions, and the user's ports and areas added
 * to the shipped gazetteer, as the monitor's {@code tm.ais.gazetteer.files}; and the detectors run
 * over them with the monitor's AIS parameters ({@code tm.ais.*} from {@code --config} or {@code
 * TM_AIS_*}, else their defaults).
 */
public class AisTrackFiles {

  @Mixin SettingsOptions options;

  @Option(
      names = "--positions",
      required = true,
      paramLabel = "FILE",
      description = "Positions CSV.")
  Path positions;

  @Option(
      names = "--ports",
      paramLabel = "FILE",
      description = "Ports CSV (name,country,lat,lon,radius_m,source).")
  Path ports;

  @Option(
      names = "--areas",
      paramLabel = "FILE",
      description = "Areas of interest (GeoJSON FeatureCollection of polygons, name and source).")
  Path areas;

  /** The shipped gazetteer and the user's port and area files, checked to exist. */
  Gazetteer gazetteer() {
    requireFile(positions);
    List<Path> extra = new ArrayList<>();
    for (Path file : new Path[] {ports, areas}) {
      if (file != null) {
        requireFile(file);
        extra.add(file);
      }
    }
    return Gazetteer.load(extra.toArray(Path[]::new));
  }

  /** Every detector over the positions, as the monitor runs them, over {@code gazetteer}. */
  AisReplay replay(Gazetteer gazetteer) {
    return AisReplay.of(settings(gazetteer), TrackSetCsv.positions(positions));
  }

  /** The monitor's AIS parameters from the settings, over {@code gazetteer}. */
  AisSettings settings(Gazetteer gazetteer) {
    return options.settings().monitorConfig().ais().withGazetteer(gazetteer);
  }

  static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
  }
}
