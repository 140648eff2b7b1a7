package io.transfermonitor.cli;

import io.transfermonitor.cli.ais.DetectorFindings;
import io.transfermonitor.cli.ais.TrackSet;
import io.transfermonitor.cli.ais.TrackSetCsv;
import io.transfermonitor.cli.ais.TrackSetScore;
import io.transfermonitor.streams.ais.AisReplay;
import io.transfermonitor.streams.ais.Gazetteer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor ais score --positions P.csv --truth T.csv}: runs every AIS detector over
 * a file of positions the way the monitor runs them ({@link AisReplay}, no broker) and prints
 * precision and recall per detector against the file of truth, both ends within 10 minutes. Exit
 * code 0 when it ran, 1 when a file is missing or malformed (the message names file and line).
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the AIS detectors on a track set: positions (mmsi,time,lat,lon,sog,cog,heading) and"
          + " truth (kind,vessels,start,end; kinds ENCOUNTER, PORT_CALL, DARK_GAP, CLONED_MMSI and"
          + " the near misses NEAR_MISS_*), no broker needed.",
      "A finding matches a truth of the same kind and vessels with start and end each within 10"
          + " minutes. The gazetteer is the shipped one plus --ports and --areas, as the monitor's"
          + " tm.ais.gazetteer.files."
    })
public class AisScoreCommand implements Callable<Integer> {

  @Mixin AisTrackFiles files;

  @Option(names = "--truth", required = true, paramLabel = "FILE", description = "Truth CSV.")
  Path truth;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      AisTrackFiles.requireFile(truth);
      Gazetteer gazetteer = files.gazetteer();
      TrackSet set =
          new TrackSet(
              TrackSetCsv.positions(files.positions), TrackSetCsv.truths(truth), gazetteer);
      AisReplay replay = AisReplay.of(files.settings(gazetteer), set.pings());
      DetectorFindings found = DetectorFindings.of(replay);
      out.printf(
          "%d positions of %d vessels, %d truths%n",
          replay.positions(), replay.vessels(), set.truths().size());
      out.print(TrackSetScore.table(TrackSetScore.scoreAll(set, found)));
      out.printf(
          "%d vessels still dark when the positions end (open dark periods, not scored)%n",
          found.openDarkPeriods());
      out.flush();
      return 0;
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      spec.commandLine().getErr().println("ais score: " + e.getMessage());
      return 1;
    }
  }
}
