package io.transfermonitor.bench.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.cli.ais.PlantedKind;
import io.transfermonitor.cli.ais.TrackSet;
import io.transfermonitor.cli.ais.TrackSetScore;
import io.transfermonitor.cli.ais.Truth;
import io.transfermonitor.streams.ais.AisDetectors;
import io.transfermonitor.streams.ais.AisEvents;
import io.transfermonitor.streams.ais.AisSettings;
import io.transfermonitor.streams.ais.DarkPeriods;
import io.transfermonitor.streams.ais.EncounterParams;
import io.transfermonitor.streams.ais.Gazetteer;
import io.transfermonitor.streams.ais.PortVisits;
import io.transfermonitor.streams.ais.TrackFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrackSetScoreTest {

  private static final long MINUTE = 60_000;
  private static final long SEED = 23;

  private final TrackSet set = PlantedTracks.generate(SEED, 100);

  @Test
  void shouldScoreEveryDetectorAtLeast95PercentOnThePlantedSet() {
    // given the planted set and the monitor's defaults over its gazetteer

    // when
    List<TrackSetScore.Row> rows = TrackSetScore.scoreAll(set, AisSettings.of(set.gazetteer()));
    System.out.printf(
        "seed %d, %d positions of %d vessels%n%s",
        SEED, set.pings().size(), set.vessels(), TrackSetScore.table(rows));

    // then
    Map<PlantedKind, TrackSetScore.Row> byKind =
        rows.stream().collect(Collectors.toMap(TrackSetScore.Row::kind, Function.identity()));
    assertThat(byKind.keySet())
        .containsExactlyInAnyOrder(
            PlantedKind.ENCOUNTER,
            PlantedKind.PORT_CALL,
            PlantedKind.DARK_GAP,
            PlantedKind.CLONED_MMSI);
    assertThat(byKind.get(PlantedKind.ENCOUNTER).planted()).isEqualTo(24);
    assertThat(byKind.get(PlantedKind.PORT_CALL).planted()).isGreaterThanOrEqualTo(20);
    assertThat(byKind.get(PlantedKind.DARK_GAP).planted()).isEqualTo(10);
    assertThat(byKind.get(PlantedKind.CLONED_MMSI).planted()).isEqualTo(5);
    for (TrackSetScore.Row row : rows) {
      assertThat(row.precision())
          .as("%s precision; spurious: %s", row.kind(), row.spurious())
          .isGreaterThanOrEqualTo(0.95);
      assertThat(row.recall())
          .as("%s recall; missed: %s", row.kind(), row.missed())
          .isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void shouldCatchADetectorThatDropsARuleOnItsNearMisses() {
    // given the same set, and detectors that forget the duration, the ports or the 12 h gap
    Gazetteer g = set.gazetteer();
    EncounterParams p = AisSettings.of(g).encounters();
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
    DarkPeriods.Params tenHours = new DarkPeriods.Params(10 * 60 * MINUTE, 100);

    // when
    TrackSetScore.Row tooShort =
        row(settings(g, anyLength, DarkPeriods.Params.DEFAULTS), PlantedKind.ENCOUNTER);
    TrackSetScore.Row inPort =
        row(settings(g, inPorts, DarkPeriods.Params.DEFAULTS), PlantedKind.ENCOUNTER);
    TrackSetScore.Row shortGaps = row(settings(g, p, tenHours), PlantedKind.DARK_GAP);

    // then every near miss of the rule dropped is a false finding
    assertThat(tooShort.fellFor()).containsEntry("NEAR_MISS_SHORT", 20);
    assertThat(inPort.fellFor()).containsEntry("NEAR_MISS_IN_PORT", 20);
    assertThat(shortGaps.fellFor()).containsEntry("NEAR_MISS_GAP", 10);
    assertThat(tooShort.precision()).isLessThan(0.6);
    assertThat(inPort.precision()).isLessThan(0.6);
    assertThat(shortGaps.precision()).isLessThan(0.6);
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

    // 11 minutes off does not, and each false finding is named by its cause
    TrackSetScore.Row off =
        TrackSetScore.score(
            PlantedKind.ENCOUNTER,
            truths,
            List.of(
                new Truth(PlantedKind.ENCOUNTER, List.of("1", "2"), 11 * MINUTE, 180 * MINUTE),
                new Truth(PlantedKind.ENCOUNTER, List.of("3", "4"), 0, 110 * MINUTE)));
    assertThat(off.precision()).isEqualTo(0.0);
    assertThat(off.recall()).isEqualTo(0.0);
    assertThat(off.fellFor())
        .containsOnly(Map.entry("NEAR_MISS_SHORT", 1), Map.entry(TrackSetScore.ENDS_OFF, 1));
    assertThat(TrackSetScore.table(List.of(off)))
        .contains("ENCOUNTER", "0.000", "NEAR_MISS_SHORT=1");
  }

  private TrackSetScore.Row row(AisSettings settings, PlantedKind kind) {
    return TrackSetScore.scoreAll(set, settings).stream()
        .filter(r -> r.kind() == kind)
        .findFirst()
        .orElseThrow();
  }

  private static AisSettings settings(
      Gazetteer g, EncounterParams encounters, DarkPeriods.Params dark) {
    AisSettings defaults = AisSettings.of(g);
    return new AisSettings(
        true,
        g,
        new AisDetectors(g, TrackFilter.Params.DEFAULTS, PortVisits.Params.DEFAULTS, dark),
        encounters,
        defaults.imoClones(),
        AisEvents.Params.DEFAULTS,
        defaults.darkCheckInterval(),
        defaults.encounterCheckInterval(),
        0);
  }
}
