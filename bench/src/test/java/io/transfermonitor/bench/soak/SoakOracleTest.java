package io.transfermonitor.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The soak's oracle on inputs small enough to work out by hand. */
class SoakOracleTest {

  @Test
  void shouldCountEachEventIdOnceAndRaiseTheLevelsItsTotalReaches() {
    // given: 3 x 100,000 bbl observed, 150 t of gasoline estimated (1,275 bbl), a re-send
    TankerDelivery first = refined("a", SourceKind.OBSERVED, 100_000, "BARREL", "DIESEL");
    List<SpecificRecord> input =
        List.of(
            first,
            refined("b", SourceKind.OBSERVED, 100_000, "BARREL", "DIESEL"),
            refined("c", SourceKind.ESTIMATED, 150, "METRIC_TON", "GASOLINE"),
            refined("d", SourceKind.OBSERVED, 100_000, "BARREL", "DIESEL"),
            refined("e", SourceKind.REPORTED, 400_000, "BARREL", "DIESEL"),
            first);

    // when
    SoakOracle oracle = SoakOracle.of(input);

    // then
    String observed = "unscr-2397-refined-petroleum-cap/2024-01-01/OBSERVED";
    String reported = "unscr-2397-refined-petroleum-cap/2024-01-01/REPORTED";
    assertThat(oracle.capTotals())
        .containsEntry(observed, 301_275.0)
        .containsEntry(reported, 400_000.0);
    assertThat(oracle.alerts()).containsExactly(reported + "/NOTICE_75");
    assertThat(oracle.eventIds()).hasSize(5);
  }

  @Test
  void shouldExpectABanAlertPerMunitionsShipmentToOrFromTheDprkOnly() {
    List<SpecificRecord> input =
        List.of(
            containers("m1", "PRK", CargoCategory.MUNITIONS),
            containers("g1", "PRK", CargoCategory.GENERAL),
            containers("m2", "CHN", CargoCategory.MUNITIONS));

    assertThat(SoakOracle.of(input).alerts()).containsExactly("unscr-1718-arms-embargo/m1");
  }

  @Test
  void shouldGenerateTheSameInputFromTheSameSeed() {
    assertThat(SoakWorkload.generate(2_000, 7)).isEqualTo(SoakWorkload.generate(2_000, 7));
    assertThat(SoakWorkload.generate(2_000, 7)).hasSize(2_000);
  }

  private static TankerDelivery refined(
      String id, SourceKind kind, double quantity, String unit, String product) {
    return TankerDelivery.newBuilder()
        .setHeader(header(id, kind, "RUS", "PRK"))
        .setVesselName("V " + id)
        .setProductClass(ProductClass.REFINED)
        .setProduct(product)
        .setQuantity(quantity)
        .setUnit(unit)
        .build();
  }

  private static ContainerShipment containers(String id, String from, CargoCategory cargo) {
    return ContainerShipment.newBuilder()
        .setHeader(header(id, SourceKind.OBSERVED, from, "RUS"))
        .setContainers(10)
        .setCargoCategory(cargo)
        .setTransportMode(TransportMode.SEA)
        .build();
  }

  private static EventHeader header(String id, SourceKind kind, String from, String to) {
    return EventHeader.newBuilder()
        .setEventId(id)
        .setSourceName("oracle test")
        .setSourceKind(kind)
        .setEventTime(Instant.parse("2024-05-01T00:00:00Z"))
        .setOrigin(from)
        .setDestination(to)
        .build();
  }
}
