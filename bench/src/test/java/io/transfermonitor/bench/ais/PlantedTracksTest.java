package io.transfermonitor.bench.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.cli.ais.PlantedKind;
import io.transfermonitor.cli.ais.TrackSet;
import io.transfermonitor.cli.ais.Truth;
import io.transfermonitor.streams.ais.Geo;
import io.transfermonitor.streams.ais.Ping;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlantedTracksTest {

  private static final long HOUR = 3_600_000;

  private final TrackSet set = PlantedTracks.generate(23, 100);

  @Test
  void shouldPlantAtLeastTwentyOfEachFindingAndOfEachNearMiss() {
    assertThat(set.count(PlantedKind.ENCOUNTER)).isGreaterThanOrEqualTo(20);
    assertThat(set.count(PlantedKind.NEAR_MISS_PASSING)).isGreaterThanOrEqualTo(20);
    assertThat(set.count(PlantedKind.NEAR_MISS_SHORT)).isGreaterThanOrEqualTo(20);
    assertThat(set.count(PlantedKind.NEAR_MISS_IN_PORT)).isGreaterThanOrEqualTo(20);
    assertThat(set.count(PlantedKind.PORT_CALL)).isGreaterThanOrEqualTo(20);
    assertThat(set.count(PlantedKind.DARK_GAP)).isGreaterThanOrEqualTo(10);
    assertThat(set.count(PlantedKind.NEAR_MISS_GAP)).isGreaterThanOrEqualTo(10);
    assertThat(set.count(PlantedKind.CLONED_MMSI)).isEqualTo(5);
    // the planted vessels (two per pair, one per call, gap and clone, the loiterers) and 100 more
    assertThat(set.vessels()).isEqualTo(24 * 2 + 60 * 2 + 20 + 20 + 5 + 20 + 100);
  }

  @Test
  void shouldBeTheSameSetForTheSameSeedAndAnotherForAnother() {
    TrackSet again = PlantedTracks.generate(23, 100);
    assertThat(again.pings()).isEqualTo(set.pings());
    assertThat(again.truths()).isEqualTo(set.truths());
    assertThat(PlantedTracks.generate(24, 100).pings()).isNotEqualTo(set.pings());
  }

  @Test
  void shouldSpaceEachVesselsPingsOneToThreeMinutesApartInTimeOrder() {
    Map<String, List<Ping>> byVessel =
        set.pings().stream().collect(Collectors.groupingBy(Ping::mmsi));
    String passing = truth(PlantedKind.NEAR_MISS_PASSING).vessels().get(0);
    List<Ping> track = byVessel.get(passing);
    for (int i = 1; i < track.size(); i++) {
      assertThat(track.get(i).time() - track.get(i - 1).time()).isBetween(60_000L, 180_000L);
    }
    assertThat(set.pings()).isSortedAccordingTo((a, b) -> Long.compare(a.time(), b.time()));
  }

  @Test
  void shouldKeepDarkVesselsSilentForTheirWholeGapInTheAreaOfInterest() {
    for (Truth gap : set.truths()) {
      if (gap.kind() != PlantedKind.DARK_GAP && gap.kind() != PlantedKind.NEAR_MISS_GAP) {
        continue;
      }
      List<Ping> track =
          set.pings().stream().filter(p -> p.mmsi().equals(gap.vessels().get(0))).toList();
      Ping last = track.stream().filter(p -> p.time() == gap.start()).findFirst().orElseThrow();
      assertThat(track).noneMatch(p -> p.time() > gap.start() && p.time() < gap.end());
      assertThat(set.gazetteer().areasAt(last.lat(), last.lon())).isNotEmpty();
      if (gap.kind() == PlantedKind.DARK_GAP) {
        assertThat(gap.end() - gap.start()).isGreaterThanOrEqualTo(12 * HOUR);
      } else {
        assertThat(gap.end() - gap.start()).isLessThanOrEqualTo(11 * HOUR);
      }
    }
  }

  @Test
  void shouldBroadcastEachClonedMmsiFromTwoPlacesFarApartAtOnce() {
    for (Truth clone : set.truths()) {
      if (clone.kind() != PlantedKind.CLONED_MMSI) {
        continue;
      }
      List<Ping> track =
          set.pings().stream().filter(p -> p.mmsi().equals(clone.vessels().get(0))).toList();
      double fastest = 0;
      for (int i = 1; i < track.size(); i++) {
        fastest = Math.max(fastest, Geo.impliedKnots(track.get(i - 1), track.get(i)));
      }
      assertThat(fastest).isGreaterThan(1_000);
    }
  }

  private Truth truth(PlantedKind kind) {
    return set.truths().stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
  }
}
