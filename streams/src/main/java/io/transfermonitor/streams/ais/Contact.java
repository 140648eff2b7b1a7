package io.transfermonitor.streams.ais;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run of close pairings of one pair of vessels, with no silence longer than the params allow:
 * what becomes an {@link Encounter} once it lasts long enough. Mutable; kept in {@link Encounters}.
 */
final class Contact {

  /**
   * Samples kept at most: an encounter of days at a pairing a minute would make a cell's state grow
   * without end, so past this every other sample is dropped. The mean and median stay those of
   * samples spread over the whole encounter.
   */
  static final int MAX_SAMPLES = 512;

  /**
   * One close pairing.
   *
   * @param time epoch millis
   * @param lat midpoint latitude
   * @param lon midpoint longitude
   * @param metres distance between the two pings
   */
  record Sample(long time, double lat, double lon, double metres) {}

  private final boolean owned;
  private final long start;
  private long end;
  private boolean announced;
  private boolean counted;
  private final List<Sample> samples;

  Contact(
      boolean owned,
      long start,
      long end,
      boolean announced,
      boolean counted,
      List<Sample> samples) {
    this.owned = owned;
    this.start = start;
    this.end = end;
    this.announced = announced;
    this.counted = counted;
    this.samples = new ArrayList<>(samples);
  }

  /** A contact that begins with one close pairing. */
  static Contact begin(boolean owned, long start, long end, Sample first) {
    return new Contact(owned, start, end, false, false, List.of(first));
  }

  boolean owned() {
    return owned;
  }

  /**
   * Whether it has been reported as an encounter already, itself or an earlier one it merges with:
   * a rule has heard of it, a later report only updates the finding.
   */
  boolean announced() {
    return announced;
  }

  void announce() {
    announced = true;
  }

  /**
   * Whether its event has gone out (under its id, or an earlier one's it merges with): a rule has
   * been told, so no later report of this id makes another. An encounter announced when it was no
   * transfer yet is not counted, and gets its event at a later report that finds it one.
   */
  boolean counted() {
    return counted;
  }

  void count() {
    counted = true;
  }

  long start() {
    return start;
  }

  long end() {
    return end;
  }

  List<Sample> samples() {
    return samples;
  }

  long durationMillis() {
    return end - start;
  }

  /** One more close pairing, known close up to {@code knownUntil}. */
  void add(long knownUntil, Sample sample) {
    end = Math.max(end, knownUntil);
    samples.add(sample);
    thin();
  }

  /** This encounter with a later one of the same pair merged into it: this one's start and id. */
  Contact mergedWith(Contact later) {
    Contact merged =
        new Contact(
            owned,
            start,
            Math.max(end, later.end),
            announced || later.announced,
            counted || later.counted,
            samples);
    merged.samples.addAll(later.samples);
    merged.thin();
    return merged;
  }

  Encounter toEncounter(
      String lowerMmsi, String higherMmsi, boolean ongoing, boolean announced, boolean counted) {
    double lat = 0;
    double lonOffset = 0;
    double lon0 = samples.get(0).lon();
    double[] metres = new double[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      lat += s.lat();
      // relative to the first sample, so an encounter on the antimeridian averages to it
      lonOffset += Cells.wrap(s.lon() - lon0);
      metres[i] = s.metres();
    }
    int n = samples.size();
    Arrays.sort(metres);
    double median = n % 2 == 1 ? metres[n / 2] : (metres[n / 2 - 1] + metres[n / 2]) / 2;
    return new Encounter(
        Encounter.id(lowerMmsi, higherMmsi, start),
        lowerMmsi,
        higherMmsi,
        start,
        end,
        lat / n,
        Cells.wrap(lon0 + lonOffset / n),
        median,
        n,
        ongoing,
        announced,
        counted);
  }

  private void thin() {
    if (samples.size() <= MAX_SAMPLES) {
      return;
    }
    List<Sample> kept = new ArrayList<>(samples.size() / 2 + 1);
    for (int i = 0; i < samples.size(); i += 2) {
      kept.add(samples.get(i));
    }
    samples.clear();
    samples.addAll(kept);
  }
}
