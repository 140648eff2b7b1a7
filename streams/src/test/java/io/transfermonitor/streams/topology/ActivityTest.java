package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.defaultRules;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Activity;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.streams.Events;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActivityTest {

  private static final String ROUTE = "PRK/RUS/SEA/Rajin/Tikhoretsk";

  private final MonitorDriver monitor = new MonitorDriver();

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldCountEachWeekAndTheYearsTroopAndWorkerTotalsAsComputedByHand() {
    // given
    monitor.rules(defaultRules());

    // when: ISO weeks 2023-W36 (Thu 7 and Sun 10 Sep) and 2023-W37 (Mon 11 Sep)
    monitor.send(Events.shipment("c1", "2023-09-07T00:00:00Z", "Rajin", "Dunai", "Tikhoretsk"));
    monitor.send(Events.shipment("c2", "2023-09-10T23:00:00Z", "Rajin", "Dunai", "Tikhoretsk"));
    monitor.send(Events.shipment("c3", "2023-09-11T00:00:00Z", "Rajin", "Dunai", "Tikhoretsk"));
    // 2024-W41 twice; Monday 30 December 2024 is in ISO week 2025-W01 but in the year 2024
    monitor.send(Events.troops("t1", "2024-10-08T00:00:00Z", 1_500));
    monitor.send(Events.troops("t2", "2024-10-13T00:00:00Z", 2_000));
    monitor.send(Events.troops("t3", "2024-12-30T00:00:00Z", 500));
    monitor.send(Events.workers("w1", "2024-02-01T00:00:00Z", 400));
    monitor.send(Events.workers("w2", "2024-02-20T00:00:00Z", 600));
    monitor.send(Events.payment("p1", "2024-03-04T00:00:00Z", "Foreign Trade Bank", null));
    FinancialTransfer dollars =
        Events.payment("p2", "2024-03-05T00:00:00Z", "Foreign Trade Bank", null);
    dollars.setAmount(50_000);
    dollars.setCurrency("USD");
    monitor.send(dollars);
    // one delivery seen twice, 2024-W09
    monitor.send(Events.sighting("a", "2024-03-01T00:00:00Z", 200_000, "9000001", "Nampo", "x"));
    monitor.send(Events.sighting("b", "2024-03-01T12:00:00Z", 210_000, "9000001", "Nampo", "y"));

    // then
    Map<String, Activity> rows = monitor.activity.readKeyValuesToMap();
    assertThat(rows).hasSize(10);
    assertRow(rows, "CONTAINER_SHIPMENT/2023-W36/" + ROUTE, 2, Map.of("CONTAINERS", 200.0));
    assertRow(rows, "CONTAINER_SHIPMENT/2023-W37/" + ROUTE, 1, Map.of("CONTAINERS", 100.0));
    assertRow(rows, "TROOP_DEPLOYMENT/2024-W41/PRK/RUS/-/-/-", 2, Map.of("PERSONNEL", 3_500.0));
    assertRow(rows, "TROOP_DEPLOYMENT/2025-W01/PRK/RUS/-/-/-", 1, Map.of("PERSONNEL", 500.0));
    assertRow(rows, "TROOP_DEPLOYMENT/2024/PRK/RUS", 3, Map.of("PERSONNEL", 4_000.0));
    assertRow(rows, "WORKER_DISPATCH/2024-W05/PRK/RUS/-/-/-", 1, Map.of("WORKERS", 400.0));
    assertRow(rows, "WORKER_DISPATCH/2024-W08/PRK/RUS/-/-/-", 1, Map.of("WORKERS", 600.0));
    assertRow(rows, "WORKER_DISPATCH/2024/PRK/RUS", 2, Map.of("WORKERS", 1_000.0));
    assertRow(
        rows,
        "FINANCIAL_TRANSFER/2024-W10/RUS/PRK/-/-/-",
        2,
        Map.of("RUB", 1_000_000.0, "USD", 50_000.0));
    assertRow(rows, "TANKER_DELIVERY/2024-W09/RUS/PRK/SEA/-/-", 2, Map.of("BARREL", 210_000.0));

    Activity containers = rows.get("CONTAINER_SHIPMENT/2023-W36/" + ROUTE);
    assertThat(containers.getDimension())
        .isEqualTo("kind/week/origin/destination/transportMode/routeStart/routeEnd");
    assertThat(containers.getWeek()).isEqualTo("2023-W36");
    assertThat(containers.getTransportMode()).isEqualTo(TransportMode.SEA);
    assertThat(containers.getRouteStart()).isEqualTo("Rajin");
    assertThat(containers.getRouteEnd()).isEqualTo("Tikhoretsk");
    assertThat(containers.getQuantity()).isEqualTo(200.0);
    Activity troops = rows.get("TROOP_DEPLOYMENT/2024/PRK/RUS");
    assertThat(troops.getDimension()).isEqualTo("kind/period/origin/destination");
    assertThat(troops.getPeriod()).isEqualTo("2024");
    assertThat(troops.getWeek()).isNull();
    assertThat(rows.get("FINANCIAL_TRANSFER/2024-W10/RUS/PRK/-/-/-").getQuantity()).isNull();
    Activity tankers = rows.get("TANKER_DELIVERY/2024-W09/RUS/PRK/SEA/-/-");
    assertThat(tankers.getDeliveryCount()).isEqualTo(1L);
    assertThat(tankers.getCorroboratedDeliveryCount()).isEqualTo(1L);
  }

  private static void assertRow(
      Map<String, Activity> rows, String key, long events, Map<String, Double> quantities) {
    assertThat(rows).containsKey(key);
    Activity row = rows.get(key);
    assertThat(row.getValue()).isEqualTo(key);
    assertThat(row.getEventCount()).as(key).isEqualTo(events);
    assertThat(row.getQuantities()).as(key).containsExactlyInAnyOrderEntriesOf(quantities);
  }
}
