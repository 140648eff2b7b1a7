package io.transfermonitor.streams.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.fact.Fact;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class ActivityCountsTest {

  @Test
  void shouldPutTheLastMondayOf2024InWeekOneOf2025ButItsTroopsIn2024() {
    // when
    List<KeyValue<String, ActivityCount>> rows =
        ActivityCounts.of(Fact.of(Events.troops("t", "2024-12-30T10:00:00Z", 500)));

    // then
    assertThat(rows)
        .extracting(kv -> kv.key)
        .containsExactly(
            "TROOP_DEPLOYMENT/2025-W01/PRK/RUS/-/-/-", "TROOP_DEPLOYMENT/2024/PRK/RUS");
    assertThat(rows).allSatisfy(kv -> assertThat(kv.value.quantity()).isEqualTo(500.0));
  }

  @Test
  void shouldKeepASlashInsideAPlaceNameFromSplittingTheKey() {
    // given
    ContainerShipment shipment =
        Events.shipment("c", "2023-09-07T00:00:00Z", "Rajin", "Dunai", "Tikhoretsk/depot 2");

    // when
    List<KeyValue<String, ActivityCount>> rows = ActivityCounts.of(Fact.of(shipment));

    // then
    assertThat(rows)
        .singleElement()
        .satisfies(
            kv -> {
              assertThat(kv.key)
                  .isEqualTo("CONTAINER_SHIPMENT/2023-W36/PRK/RUS/SEA/Rajin/Tikhoretsk%2Fdepot 2");
              assertThat(kv.value.routeEnd()).isEqualTo("Tikhoretsk/depot 2");
            });
  }

  @Test
  void shouldCountACorroboratedObservationInTheWeekOfItsDeliverysFirstObservation() {
    // given: seen on Monday 4 March (W10), its delivery first seen on Sunday 3 March (W09)
    Fact later =
        Events.secondSighting(
            "b", "2024-03-04T02:00:00Z", "2024-03-03T20:00:00Z", 200_000, 210_000);

    // when
    List<KeyValue<String, ActivityCount>> rows = ActivityCounts.of(later);

    // then
    assertThat(rows)
        .singleElement()
        .satisfies(
            kv -> {
              assertThat(kv.key).isEqualTo("TANKER_DELIVERY/2024-W09/RUS/PRK/SEA/-/-");
              assertThat(kv.value.quantity()).isEqualTo(10_000.0);
              assertThat(kv.value.events()).isEqualTo(1);
              assertThat(kv.value.deliveries()).isZero();
              assertThat(kv.value.corroboratedDeliveries()).isEqualTo(1L);
            });
  }
}
