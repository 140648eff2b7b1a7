package io.transfermonitor.cli.ais;

import io.transfermonitor.streams.ais.AisReplay;
import io.transfermonitor.streams.ais.AisSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well a detector's findings match a track set's truth: a finding matches a planted truth of
 * the same kind and the same vessels whose start and end are each within {@link #TOLERANCE_MILLIS}
 * of its own, each truth matched at most once. Precision is the share of findings that match,
 * recall the share of truths matched. A finding that matches nothing is named by its cause: {@link
 * #ENDS_OFF} when the same vessels have a truth of its kind (found, but a start or end more than 10
 * minutes off), else the near miss of the same vessels it fell for, else "unplanted".
 */
public final class TrackSetScore {

  /** The cause of a false finding on the vessels of a truth of its kind, its ends too far off. */
  public static final String ENDS_OFF = "ENDS_OFF";

  /** How far a finding's start and end may be from the truth's: 10 minutes. */
  public static final long TOLERANCE_MILLIS = 10 * 60_000;

  /**
   * One detector's score.
   *
   * @param kind what it finds
   * @param planted truths of that kind
   * @param found its findings
   * @param matched findings that matched a truth
   * @param missed truths no finding matched
   * @param spurious findings that matched no truth
   * @param fellFor how many spurious findings each near miss kind (or "unplanted") accounts for
   */
  public record Row(
      PlantedKind kind,
      int planted,
      int found,
      int matched,
      List<Truth> missed,
      List<Truth> spurious,
      Map<String, Integer> fellFor) {

    /** Share of findings that are true; 1 when there are none. */
    public double precision() {
      return found == 0 ? 1 : (double) matched / found;
    }

    /** Share of truths found; 1 when none were planted. */
    public double recall() {
      return planted == 0 ? 1 : (double) matched / planted;
    }
  }

  private TrackSetScore() {}

  /**
   * Every detector run over {@code set} as the monitor runs them ({@link AisReplay}) and scored
   * against the set's truth, one row per detector of {@link DetectorFindings#SCORED}.
   */
  public static List<Row> scoreAll(TrackSet set, AisSettings settings) {
    return scoreAll(set, DetectorFindings.of(AisReplay.of(settings, set.pings())));
  }

  /** {@code found} scored against {@code set}'s truth, one row per detector. */
  public static List<Row> scoreAll(TrackSet set, DetectorFindings found) {
    return DetectorFindings.SCORED.stream()
        .map(kind -> score(kind, set.truths(), found.of(kind)))
        .toList();
  }

  /** Scores {@code found} (findings of {@code kind}) against the truths of {@code truths}. */
  public static Row score(PlantedKind kind, List<Truth> truths, List<Truth> found) {
    List<Truth> open = new ArrayList<>(truths.stream().filter(t -> t.kind() == kind).toList());
    int planted = open.size();
    List<Truth> spurious = new ArrayList<>();
    List<Truth> ordered = new ArrayList<>(found);
    ordered.sort(Comparator.comparingLong(Truth::start));
    for (Truth finding : ordered) {
      Truth match = open.stream().filter(t -> matches(t, finding)).findFirst().orElse(null);
      if (match == null) {
        spurious.add(finding);
      } else {
        open.remove(match);
      }
    }
    Map<String, Integer> fellFor = new TreeMap<>();
    for (Truth finding : spurious) {
      String cause =
          truths.stream()
              .filter(t -> t.vessels().equals(finding.vessels()))
              .filter(t -> t.kind() == kind || !t.kind().isFinding())
              .map(t -> t.kind() == kind ? ENDS_OFF : t.kind().name())
              .findFirst()
              .orElse("unplanted");
      fellFor.merge(cause, 1, Integer::sum);
    }
    return new Row(
        kind,
        planted,
        found.size(),
        found.size() - spurious.size(),
        List.copyOf(open),
        List.copyOf(spurious),
        fellFor);
  }

  /** The rows as a table, one line per detector, for a person to read. */
  public static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-12s %8s %6s %8s %10s %7s  %s%n",
            "DETECTOR",
            "PLANTED",
            "FOUND",
            "MATCHED",
            "PRECISION",
            "RECALL",
            "FALSE FINDINGS BY CAUSE"));
    for (Row row : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s %8d %6d %8d %10.3f %7.3f  %s%n",
              row.kind(),
              row.planted(),
              row.found(),
              row.matched(),
              row.precision(),
              row.recall(),
              row.fellFor().isEmpty() ? "-" : row.fellFor()));
    }
    return out.toString();
  }

  private static boolean matches(Truth truth, Truth finding) {
    return truth.vessels().equals(finding.vessels())
        && Math.abs(truth.start() - finding.start()) <= TOLERANCE_MILLIS
        && Math.abs(truth.end() - finding.end()) <= TOLERANCE_MILLIS;
  }
}
