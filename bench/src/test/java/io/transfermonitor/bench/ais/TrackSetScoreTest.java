package io.transfermonitor.bench.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.streams.ais.EncounterParams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackSetScoreTest {

  private static final long MINUTE = 60_000;

  @Test
  void shouldFindThePlantedEncountersWithPrecisionAndRecallOfAtLeast95Percent() {
    // given
    TrackSet set = PlantedTracks.generate(23, 100);

    // when
    List<Truth> found = EncounterReplay.findings(set, EncounterParams.defaults());
    TrackSetScore.Row row = TrackSetScore.score(PlantedKind.ENCOUNTER, set.truths(), found);
    System.out.print(TrackSetScore.table(List.of(row)));

    // then
    assertThat(row.planted()).isEqualTo(24);
    assertThat(row.precision()).as("spurious: %s", row.spurious()).isGreaterThanOrEqualTo(0.95);
    assertThat(row.recall()).as("missed: %s", row.missed()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void shouldCatchADetectorThatDropsARuleOnItsNearMisses() {
    // given the same set, and detectors that forget the duration, the ports or the speed
    TrackSet set = PlantedTracks.generate(23, 100);
    EncounterParams p = EncounterParams.defaults();
    EncounterParams anyLength =
        new EncounterParams(
            p.maxDistanceMetres(),
            Duration.ofMinutes(60),
            p.maxSpeedKnots(),
            p.minPortMetres(),
            p.mergeGap(),
            p.pairingTolerance(),
            p.maxSilence(),
            p.cellDegrees(),
            p.cellReachMetres());
    EncounterParams inPorts =
        new EncounterParams(
            p.maxDistanceMetres(),
            p.minDuration(),
            p.maxSpeedKnots(),
            0,
            p.mergeGap(),
            p.pairingTolerance(),
            p.maxSilence(),
            p.cellDegrees(),
            p.cellReachMetres());

    // when
    TrackSetScore.Row tooShort =
        TrackSetScore.score(
            PlantedKind.ENCOUNTER, set.truths(), EncounterReplay.findings(set, anyLength));
    TrackSetScore.Row inPort =
        TrackSetScore.score(
            PlantedKind.ENCOUNTER, set.truths(), EncounterReplay.findings(set, inPorts));

    // then every near miss of the rule dropped is a false finding
    assertThat(tooShort.fellFor()).containsEntry("NEAR_MISS_SHORT", 20);
    assertThat(inPort.fellFor()).containsEntry("NEAR_MISS_IN_PORT", 20);
    assertThat(tooShort.precision()).isLessThan(0.6);
    assertThat(inPort.precision()).isLessThan(0.6);
  }

  @Test
  void shouldMatchOnlyTheSameVesselsWithin10MinutesAtBothEnds() {
    // given
    Truth planted = new Truth(PlantedKind.ENCOUNTER, List.of("2", "1"), 0, 180 * MINUTE);
    Truth nearMiss = new Truth(PlantedKind.NEAR_MISS_SHORT, List.of("3", "4"), 0, 110 * MINUTE);
    List<Truth> truths = List.of(planted, nearMiss);

    // when / then: 10 minutes off at both ends matches, whichever vessel comes first
    TrackSetScore.Row close =
        TrackSetScore.score(
            PlantedKind.ENCOUNTER,
            truths,
            List.of(
                new Truth(PlantedKind.ENCOUNTER, List.of("1", "2"), 10 * MINUTE, 170 * MINUTE)));
    assertThat(close.precision()).isEqualTo(1.0);
    assertThat(close.recall()).isEqualTo(1.0);

    // 11 minutes off does not, and a finding on the near miss is named by it
    TrackSetScore.Row off =
        TrackSetScore.score(
            PlantedKind.ENCOUNTER,
            truths,
            List.of(
                new Truth(PlantedKind.ENCOUNTER, List.of("1", "2"), 11 * MINUTE, 180 * MINUTE),
                new Truth(PlantedKind.ENCOUNTER, List.of("3", "4"), 0, 110 * MINUTE)));
    assertThat(off.precision()).isEqualTo(0.0);
    assertThat(off.recall()).isEqualTo(0.0);
    assertThat(off.fellFor()).containsEntry("NEAR_MISS_SHORT", 1).containsEntry("unplanted", 1);
    assertThat(TrackSetScore.table(List.of(off)))
        .contains("ENCOUNTER", "0.000", "NEAR_MISS_SHORT=1");
  }
}
