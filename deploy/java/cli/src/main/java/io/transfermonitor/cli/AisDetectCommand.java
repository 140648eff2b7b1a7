package io.transfermonitor.cli;

import io.transfermonitor.cli.ais.DetectorFindings;
import io.transfermonitor.cli.ais.Truth;
import io.transfermonitor.streams.ais.AisReplay;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code transfer-monitor ais detect --positions P.csv}: runs every AIS detector over a file of
 * positions the way the monitor runs them ({@link AisReplay}, no broker) and prints what they found
 * as CSV in the layout of a truth file ({@code kind,vessels,start,end}), so an analyst can read it,
 * keep it, or score a later run against it. Exit code 0 when it ran, 1 when a file is missing or
 * malformed.
 */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the AIS detectors over positions (mmsi,time,lat,lon,sog,cog,heading) and prints the"
          + " encounters, port calls, dark periods and cloned MMSIs as CSV: kind,vessels,start,end.",
      "The gazetteer is the shipped one plus --ports and --areas, as the monitor's"
          + " tm.ais.gazetteer.files."
    })
public class AisDetectCommand implements Callable<Integer> {

  @Mixin AisTrackFiles files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      AisReplay replay = files.replay(files.gazetteer());
      DetectorFindings found = DetectorFindings.of(replay);
      out.println("kind,vessels,start,end");
      for (Truth t : found.all()) {
        out.printf(
            "%s,%s,%s,%s%n",
            t.kind(),
            String.join(";", t.vessels()),
            Instant.ofEpochMilli(t.start()),
            Instant.ofEpochMilli(t.end()));
      }
      out.flush();
      spec.commandLine()
          .getErr()
          .printf(
              "%d positions of %d vessels; %d vessels still dark at the end (not listed)%n",
              replay.positions(), replay.vessels(), found.openDarkPeriods());
      return 0;
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      spec.commandLine().getErr().println("ais detect: " + e.getMessage());
      return 1;
    }
  }
}
