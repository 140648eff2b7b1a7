package io.transfermonitor.streams.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.streams.Events;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class FactSerdeTest {

  private final FactSerde serde = new FactSerde();

  @Test
  void shouldCarryEveryKindOfFactThroughARepartitionTopicUnchanged() {
    List<Fact> facts =
        List.of(
            Fact.of(Events.refined("r1", "2024-06-18T06:00:00Z", 27_500)),
            Fact.of(
                Events.tanker(
                    "c1",
                    SourceKind.REPORTED,
                    "2024-12-21T00:00:00Z",
                    ProductClass.CRUDE,
                    "CRUDE",
                    5_000,
                    "METRIC_TON")),
            Fact.of(Events.containers("m1", "2023-09-07T00:00:00Z", CargoCategory.MUNITIONS, 120)),
            Fact.of(Events.arms("a1", "2024-01-10T00:00:00Z", "PRK", "RUS")),
            Fact.of(Events.troops("t1", "2024-10-20T00:00:00Z", 3_000)),
            Fact.of(Events.workers("w1", "2024-02-01T00:00:00Z", 400)),
            Fact.of(
                Events.component(
                    "k1",
                    "2024-01-02T00:00:00Z",
                    "Example Maker US-A",
                    "USA",
                    "2022-03-01",
                    "8542.31")),
            Fact.of(Events.component("k2", "2024-01-02T00:00:00Z", "Maker", null, null, null)));

    for (Fact fact : facts) {
      byte[] bytes = serde.serializer().serialize("facts-by-rule", fact);
      assertThat(serde.deserializer().deserialize("facts-by-rule", bytes)).isEqualTo(fact);
    }
  }

  @Test
  void shouldCarryPartiesRoutesAndStringsLongerThan64KibUnchanged() {
    // given
    String longName = "M".repeat(70_000);
    List<Fact> facts =
        List.of(
            Fact.of(Events.payment("p1", "2024-11-02T00:00:00Z", "Foreign Trade Bank", "FTBDKPPY")),
            Fact.of(Events.shipment("s1", "2023-10-01T00:00:00Z", "Rajin", "Dunai", "Tikhoretsk")),
            Fact.of(
                TankerDelivery.newBuilder(Events.refined("r2", "2024-06-18T06:00:00Z", 1_000))
                    .setVesselName(longName)
                    .build()));

    // when / then
    for (Fact fact : facts) {
      byte[] bytes = serde.serializer().serialize("facts-by-rule", fact);
      assertThat(serde.deserializer().deserialize("facts-by-rule", bytes)).isEqualTo(fact);
    }
  }

  @Test
  void shouldCarryTheSourceAndTheCorroborationOfAnObservationUnchanged() {
    // given
    Fact observed =
        Events.secondSighting(
            "b", "2024-03-01T12:00:00Z", "2024-03-01T00:00:00Z", 200_000, 210_000);

    // when
    byte[] bytes = serde.serializer().serialize("facts-by-rule", observed);
    Fact read = serde.deserializer().deserialize("facts-by-rule", bytes);

    // then
    assertThat(read).isEqualTo(observed);
    assertThat(read.sourceName()).isEqualTo("AIS");
    assertThat(read.contribution().amount()).isEqualTo(10_000.0);
  }

  @Test
  void shouldNameTheTopicWhenBytesAreNotAFact() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("facts-by-rule", new byte[] {9, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("facts-by-rule");
  }
}
