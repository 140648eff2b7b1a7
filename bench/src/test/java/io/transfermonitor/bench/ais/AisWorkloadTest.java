package io.transfermonitor.bench.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.cli.ais.PlantedKind;
import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.model.VesselVoyage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AisWorkloadTest {

  private static List<AisWorkload.AisRecord> all(AisWorkload feed) {
    List<AisWorkload.AisRecord> records = new ArrayList<>();
    feed.forEachRemaining(records::add);
    return records;
  }

  @Test
  void shouldSendTheAskedPositionsOfTheAskedVesselsInTimeOrder() {
    // given two planted sets' worth of vessels
    AisWorkload feed = new AisWorkload(300_000, 2_000, 3);

    // when
    List<AisWorkload.AisRecord> records = all(feed);

    // then every position is there, keyed by its MMSI, as a live feed sends them
    List<VesselPosition> positions =
        records.stream()
            .filter(AisWorkload.AisRecord::isPosition)
            .map(r -> (VesselPosition) r.value())
            .toList();
    assertThat(positions).hasSize(300_000);
    assertThat(records)
        .allMatch(
            r ->
                r.mmsi()
                    .equals(
                        r.value() instanceof VesselPosition p
                            ? p.getMmsi()
                            : ((VesselVoyage) r.value()).getMmsi()));
    for (int i = 1; i < positions.size(); i++) {
      assertThat(positions.get(i).getTime()).isAfterOrEqualTo(positions.get(i - 1).getTime());
    }
    Set<String> vessels = new HashSet<>();
    positions.forEach(p -> vessels.add(p.getMmsi()));
    assertThat(vessels).hasSizeBetween(1_990, 2_000).allMatch(m -> m.matches("\\d{9}"));
    assertThat(feed.register()).hasSize(2_000);
  }

  @Test
  void shouldPlantEveryKindOfFindingOncePerThousandVessels() {
    // when
    AisWorkload feed = new AisWorkload(300_000, 2_000, 3);
    all(feed);

    // then both sets are complete in the feed
    assertThat(feed.plantedSoFar())
        .containsEntry(PlantedKind.ENCOUNTER, 48L)
        // 20 calls at a berth and the 40 vessels of the 20 side-by-side pairs in port, per set
        .containsEntry(PlantedKind.PORT_CALL, 120L)
        .containsEntry(PlantedKind.DARK_GAP, 20L)
        .containsEntry(PlantedKind.CLONED_MMSI, 10L)
        .containsEntry(PlantedKind.NEAR_MISS_PASSING, 40L);
  }

  @Test
  void shouldTellWhoEachVesselIsBeforeItsFirstPositionAndRegisterTankers() {
    // when
    AisWorkload feed = new AisWorkload(50_000, 500, 5);
    List<AisWorkload.AisRecord> records = all(feed);

    // then
    Set<String> introduced = new HashSet<>();
    for (AisWorkload.AisRecord r : records) {
      if (r.isPosition()) {
        assertThat(introduced).contains(r.mmsi());
      } else {
        introduced.add(r.mmsi());
      }
    }
    List<VesselRecord> tankers =
        feed.register().stream().filter(v -> v.getShipType().contains("tanker")).toList();
    assertThat(tankers).isNotEmpty().allMatch(v -> v.getDeadweightTonnes() > 0);
  }

  @Test
  void shouldSendTheSameFeedForTheSameSeed() {
    List<AisWorkload.AisRecord> first = all(new AisWorkload(20_000, 300, 9));
    List<AisWorkload.AisRecord> second = all(new AisWorkload(20_000, 300, 9));
    List<AisWorkload.AisRecord> other = all(new AisWorkload(20_000, 300, 10));

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void shouldRefuseMorePositionsThanItsVesselsCanSend() {
    assertThatThrownBy(() -> new AisWorkload(10_000_000, 300, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give more vessels");
  }

  @Test
  void shouldKnowThePlantedPortsSomeOfThemTheDprks() {
    assertThat(AisWorkload.gazetteer().ports()).hasSize(8).anyMatch(p -> p.country().equals("PRK"));
    assertThat(AisWorkload.gazetteer().areas()).isNotEmpty();
  }
}
