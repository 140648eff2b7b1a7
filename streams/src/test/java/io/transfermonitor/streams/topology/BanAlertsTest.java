package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.arms;
import static io.transfermonitor.streams.Events.containers;
import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.header;
import static io.transfermonitor.streams.Events.troops;
import static io.transfermonitor.streams.Events.workers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BanAlertsTest {

  private final MonitorDriver monitor = new MonitorDriver();

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldRaiseACriticalAlertCitingUnscr1718ForMunitionsContainersFromPrkToRussia() {
    // given
    monitor.rules(defaultRules());

    // when
    monitor.send(containers("rajin-1", "2023-10-01T00:00:00Z", CargoCategory.MUNITIONS, 1_000));

    // then
    assertThat(monitor.alerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getAlertId()).isEqualTo("unscr-1718-arms-embargo/rajin-1");
              assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
              assertThat(alert.getRuleKind()).isEqualTo(RuleKind.BAN);
              assertThat(alert.getLegalBasis()).contains("UNSCR 1718");
              assertThat(alert.getEventKind()).isEqualTo(EventKind.CONTAINER_SHIPMENT);
              assertThat(alert.getTriggeringEventIds()).containsExactly("rajin-1");
              assertThat(alert.getReferences()).containsExactly("seed-000");
              // the event's source by name, for the dashboard's cases
              assertThat(alert.getSources()).containsExactly("test source");
              assertThat(alert.getMessage())
                  .startsWith(
                      "Container shipment rajin-1 (1,000 containers of munitions, PRK"
                          + " to RUS, 2023-10-01) is banned by UNSCR 1718");
            });
  }

  @Test
  void shouldAlertOnArmsInEitherDirectionButNotOnFoodAndOnlyOncePerEvent() {
    // given
    monitor.rules(defaultRules());

    // when
    monitor.send(arms("kn23", "2024-01-02T00:00:00Z", "PRK", "RUS"));
    monitor.send(arms("air-defence", "2024-11-15T00:00:00Z", "RUS", "PRK"));
    monitor.send(arms("kn23", "2024-01-02T00:00:00Z", "PRK", "RUS"));
    monitor.send(containers("rice", "2024-02-01T00:00:00Z", CargoCategory.FOOD, 3));

    // then
    assertThat(monitor.alerts())
        .extracting(Alert::getAlertId)
        .containsExactly("unscr-1718-arms-embargo/kn23", "unscr-1718-arms-embargo/air-defence");
  }

  @Test
  void shouldEscalateTroopDeploymentsAsCumulativePersonnelPassesItsLevels() {
    // given
    monitor.rules(defaultRules());

    // when
    monitor.send(troops("t1", "2024-10-20T00:00:00Z", 800));
    monitor.send(troops("t2", "2024-11-01T00:00:00Z", 300));
    monitor.send(troops("t3", "2024-12-01T00:00:00Z", 9_900));

    // then
    assertThat(monitor.alerts())
        .extracting(Alert::getAlertId, Alert::getSeverity)
        .containsExactly(
            tuple("unscr-1718-military-assistance/t1", Severity.CRITICAL),
            tuple("unscr-1718-military-assistance/t2", Severity.CRITICAL),
            tuple(
                "unscr-1718-military-assistance/2024-01-01/OBSERVED/PERSONNEL_1000", Severity.HIGH),
            tuple("unscr-1718-military-assistance/t3", Severity.CRITICAL),
            tuple(
                "unscr-1718-military-assistance/2024-01-01/OBSERVED/PERSONNEL_10000",
                Severity.CRITICAL));
  }

  @Test
  void shouldAlertOnWorkerDispatchesAndShipToShipTransfersWithADprkFlaggedVessel() {
    // given
    monitor.rules(defaultRules());
    TankerDelivery sts =
        TankerDelivery.newBuilder()
            .setHeader(header("sts-1", SourceKind.OBSERVED, "2024-05-01T00:00:00Z", null, null))
            .setVesselName("Sea Star")
            .setVesselFlag("PAN")
            .setShipToShip(true)
            .setCounterpartVesselName("Yu Jong 2")
            .setCounterpartVesselFlag("PRK")
            .setProductClass(ProductClass.REFINED)
            .setProduct("DIESEL")
            .setQuantity(5_000)
            .setUnit("BARREL")
            .build();

    // when
    monitor.send(workers("w1", "2024-04-01T00:00:00Z", 8_000));
    monitor.send(sts);

    // then
    List<Alert> alerts = monitor.alerts();
    assertThat(alerts)
        .extracting(Alert::getAlertId)
        .containsExactly("unscr-2397-overseas-workers/w1", "unscr-2375-ship-to-ship/sts-1");
    assertThat(alerts.get(1).getMessage()).startsWith("Ship-to-ship transfer sts-1");
  }
}
