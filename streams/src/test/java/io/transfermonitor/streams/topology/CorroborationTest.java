package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.REFINED_CAP;
import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.refined;
import static io.transfermonitor.streams.Events.reported;
import static io.transfermonitor.streams.Events.sighting;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.TankerDelivery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CorroborationTest {

  private static final String OBSERVED_2024 = REFINED_CAP + "/2024-01-01/OBSERVED";
  private static final String IMAGERY = "satellite imagery";
  private static final String AIS = "AIS-based tracking";

  private final MonitorDriver monitor = new MonitorDriver();

  @BeforeEach
  void rules() {
    monitor.rules(defaultRules());
  }

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldCountTwoObservationsOfOneVesselAtOnePortTwelveHoursApartOnceWithTheLarger() {
    // when
    monitor.send(sighting("a", "2024-03-01T00:00:00Z", 200_000, "9000001", "Nampo", IMAGERY));
    monitor.send(sighting("b", "2024-03-01T12:00:00Z", 210_000, "9000001", "Nampo", AIS));

    // then
    CapUsage usage = latestUsage().get(OBSERVED_2024);
    assertThat(usage.getTotal()).isEqualTo(210_000.0);
    assertThat(usage.getEventCount()).isEqualTo(2);
    assertThat(usage.getDeliveryCount()).isEqualTo(1L);
    assertThat(usage.getCorroboratedDeliveryCount()).isEqualTo(1L);
  }

  @Test
  void shouldCountTheSameQuantitiesFromTwoVesselsTwice() {
    // when
    monitor.send(sighting("a", "2024-03-01T00:00:00Z", 200_000, "9000001", "Nampo", IMAGERY));
    monitor.send(sighting("b", "2024-03-01T12:00:00Z", 210_000, "9000002", "Nampo", AIS));

    // then
    CapUsage usage = latestUsage().get(OBSERVED_2024);
    assertThat(usage.getTotal()).isEqualTo(410_000.0);
    assertThat(usage.getDeliveryCount()).isEqualTo(2L);
    assertThat(usage.getCorroboratedDeliveryCount()).isZero();
  }

  @Test
  void shouldCountObservationsOfOneVesselTenDaysApartTwice() {
    // when
    monitor.send(sighting("a", "2024-03-01T00:00:00Z", 200_000, "9000001", "Nampo", IMAGERY));
    monitor.send(sighting("b", "2024-03-11T00:00:00Z", 210_000, "9000001", "Nampo", AIS));

    // then
    assertThat(latestUsage().get(OBSERVED_2024).getTotal()).isEqualTo(410_000.0);
  }

  @Test
  void shouldCountAReportAtTheSameTimeOnItsOwnBasis() {
    // when
    monitor.send(sighting("a", "2024-03-01T00:00:00Z", 200_000, "9000001", "Nampo", IMAGERY));
    TankerDelivery report = reported("r", "2024-03-01T06:00:00Z", 200_000, "RUS");
    report.setVesselImo("9000001");
    report.setDischargePort("Nampo");
    monitor.send(report);
    monitor.send(sighting("b", "2024-03-01T12:00:00Z", 210_000, "9000001", "Nampo", AIS));

    // then
    Map<String, CapUsage> usage = latestUsage();
    assertThat(usage.get(OBSERVED_2024).getTotal()).isEqualTo(210_000.0);
    assertThat(usage.get(REFINED_CAP + "/2024-01-01/REPORTED").getTotal()).isEqualTo(200_000.0);
  }

  @Test
  void shouldCountTheSameWhateverOrderTheObservationsArriveIn() {
    // when: the later, larger observation arrives first; the earlier one a week later
    monitor.send(sighting("b", "2024-03-01T12:00:00Z", 210_000, "9000001", "Nampo", AIS));
    monitor.send(sighting("a", "2024-03-01T00:00:00Z", 200_000, "9000001", "Nampo", IMAGERY));

    // then
    CapUsage usage = latestUsage().get(OBSERVED_2024);
    assertThat(usage.getTotal()).isEqualTo(210_000.0);
    assertThat(usage.getDeliveryCount()).isEqualTo(1L);
    assertThat(usage.getCorroboratedDeliveryCount()).isEqualTo(1L);
  }

  @Test
  void shouldSayHowManySourcesSawTheDeliveryThatReachedALevel() {
    // given
    monitor.send(sighting("a", "2024-03-01T00:00:00Z", 300_000, "9000001", "Nampo", IMAGERY));
    assertThat(monitor.alerts(RuleKind.CAP)).isEmpty();

    // when: a second source saw 100,000 bbl more of the same delivery
    monitor.send(sighting("b", "2024-03-01T08:00:00Z", 400_000, "9000001", "Nampo", AIS));

    // then
    assertThat(monitor.alerts(RuleKind.CAP))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getLevel()).isEqualTo("NOTICE_75");
              assertThat(alert.getTotal()).isEqualTo(400_000.0);
              assertThat(alert.getSources()).containsExactly(IMAGERY, AIS);
              assertThat(alert.getCorroboratedDeliveryCount()).isEqualTo(1L);
              assertThat(alert.getTriggeringEventIds()).containsExactly("a", "b");
              assertThat(alert.getMessage())
                  .contains("(1 delivery, 1 seen by more than one source)");
            });
  }

  @Test
  void shouldCountObservationsWithoutAnImoNumberOrAtAnotherPortOnTheirOwn() {
    // when
    monitor.send(refined("no-imo-1", "2024-03-01T00:00:00Z", 100_000));
    monitor.send(refined("no-imo-2", "2024-03-01T06:00:00Z", 100_000));
    monitor.send(sighting("nampo", "2024-04-01T00:00:00Z", 50_000, "9000001", "Nampo", IMAGERY));
    monitor.send(sighting("chongjin", "2024-04-01T06:00:00Z", 50_000, "9000001", "Chongjin", AIS));
    monitor.send(sighting("none", "2024-04-01T09:00:00Z", 40_000, "9000001", null, AIS));

    // then: the one without a port joins the first delivery
    CapUsage usage = latestUsage().get(OBSERVED_2024);
    assertThat(usage.getTotal()).isEqualTo(300_000.0);
    assertThat(usage.getEventCount()).isEqualTo(5);
    assertThat(usage.getDeliveryCount()).isEqualTo(4L);
  }

  @Test
  void shouldRaiseOneShipToShipAlertPerObservationButCountTheDeliveryOnce() {
    // given
    TankerDelivery first = sighting("a", "2024-05-07T06:00:00Z", 25_000, "9000003", null, IMAGERY);
    TankerDelivery second = sighting("b", "2024-05-07T10:00:00Z", 25_000, "9000003", null, AIS);
    for (TankerDelivery t : List.of(first, second)) {
      t.setShipToShip(true);
      t.setVesselFlag("PRK");
      t.setCounterpartVesselFlag("RUS");
    }

    // when
    monitor.send(first);
    monitor.send(second);

    // then
    assertThat(monitor.alerts(RuleKind.BAN))
        .extracting(Alert::getAlertId)
        .containsExactly("unscr-2375-ship-to-ship/a", "unscr-2375-ship-to-ship/b");
    assertThat(latestUsage().get(OBSERVED_2024).getTotal()).isEqualTo(25_000.0);
  }

  @Test
  void shouldCountADarkVesselsTransferInDprkWatersThatASourceReportsOnceWithTheReportsFigures() {
    // given the monitor's own AIS encounter of a dark Panama-flagged tanker and a Chinese one in
    // the DPRK's waters (destination from the area, no origin, cargo unknown), and a think tank's
    // report of the same transfer 8 h later naming the two the other way round, with its route and
    // quantity
    TankerDelivery encounter = darkEncounter("2024-07-10T14:00:00Z");
    TankerDelivery report = transferReport("2024-07-10T22:00:00Z");

    // when
    monitor.send(encounter);
    monitor.send(report);

    // then one delivery of the report's 26,000 bbl of two observations, seen by two sources; one
    // ban alert each
    CapUsage usage = latestUsage().get(OBSERVED_2024);
    assertThat(usage.getTotal()).isEqualTo(26_000.0);
    assertThat(usage.getEventCount()).isEqualTo(2);
    assertThat(usage.getDeliveryCount()).isEqualTo(1L);
    assertThat(usage.getCorroboratedDeliveryCount()).isEqualTo(1L);
    assertThat(monitor.alerts(RuleKind.BAN)).hasSize(2);
  }

  @Test
  void shouldCountADarkVesselsTransferOnceWhicheverOfTheEncounterAndTheReportArrivesFirst() {
    // when the report is read before the encounter it follows
    monitor.send(transferReport("2024-07-10T22:00:00Z"));
    monitor.send(darkEncounter("2024-07-10T14:00:00Z"));

    // then
    CapUsage usage = latestUsage().get(OBSERVED_2024);
    assertThat(usage.getTotal()).isEqualTo(26_000.0);
    assertThat(usage.getDeliveryCount()).isEqualTo(1L);
    assertThat(usage.getCorroboratedDeliveryCount()).isEqualTo(1L);
  }

  @Test
  void shouldCountADarkVesselsTransferNoSourceReportsNearItOnItsOwn() {
    // when the only report of the two vessels is three days after the encounter
    monitor.send(darkEncounter("2024-07-10T14:00:00Z"));
    monitor.send(transferReport("2024-07-13T14:00:01Z"));

    // then two deliveries: the encounter's, of unknown quantity, and the report's
    CapUsage usage = latestUsage().get(OBSERVED_2024);
    assertThat(usage.getTotal()).isEqualTo(26_000.0);
    assertThat(usage.getDeliveryCount()).isEqualTo(2L);
    assertThat(usage.getCorroboratedDeliveryCount()).isZero();
  }

  /**
   * A ship-to-ship transfer as the AIS stage makes it of an encounter with a vessel dark in the
   * DPRK's waters: the dark vessel (9000011, PAN) first, to the DPRK, no origin, 0 bbl.
   */
  private static TankerDelivery darkEncounter(String time) {
    TankerDelivery t = sighting("ais/encounter/x", time, 0, "9000011", null, "AIS");
    t.getHeader().setOrigin(null);
    t.setShipToShip(true);
    t.setVesselFlag("PAN");
    t.setCounterpartVesselImo("9000012");
    t.setCounterpartVesselFlag("CHN");
    return t;
  }

  /** A think tank's report of a transfer of 26,000 bbl from Russia by 9000012 (CHN) to 9000011. */
  private static TankerDelivery transferReport(String time) {
    TankerDelivery t = sighting("report-28", time, 26_000, "9000012", null, IMAGERY);
    t.setShipToShip(true);
    t.setVesselFlag("CHN");
    t.setCounterpartVesselImo("9000011");
    t.setCounterpartVesselFlag("PAN");
    return t;
  }

  private Map<String, CapUsage> latestUsage() {
    return monitor.capUsage.readKeyValuesToMap();
  }
}
