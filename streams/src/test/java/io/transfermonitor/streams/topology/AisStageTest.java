package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.defaultRules;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.VesselActivityType;
import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.model.VesselFindingKind;
import io.transfermonitor.model.VesselPosition;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.model.VesselVoyage;
import io.transfermonitor.streams.ais.Geo;
import io.transfermonitor.streams.config.AisSettingKeys;
import io.transfermonitor.streams.config.MonitorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The AIS stage in the production topology: positions in, findings on {@code tm.ais.findings} and
 * the events a rule is about on the event topics, read back and counted like any other event.
 */
class AisStageTest {

  private static final String TANKER = "445000001";
  private static final String RUSSIAN = "273000002";
  private static final double[] NAMPHO = {38.7356, 125.4089};
  private static final double[] VOSTOCHNY = {42.75, 133.05};

  /** Open water in West Korea Bay, far from every port. */
  private static final double[] BAY = {38.95, 124.40};

  private final MonitorDriver monitor = new MonitorDriver();

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldCountATankersCallAtNamphoAsAnObservedDeliveryEstimatedFromItsDeadweight() {
    // given the default rules and a DPRK tanker of 4,000 t deadweight in the register
    monitor.rules(defaultRules());
    monitor.register(
        VesselRecord.newBuilder()
            .setImo("9000001")
            .setMmsi(TANKER)
            .setName("CHON MA SAN")
            .setFlag("PRK")
            .setShipType("Oil products tanker")
            .setDeadweightTonnes(4_000.0)
            .build());
    monitor.voyage(voyage(TANKER, "9000001", "CHON MA SAN", 80, 4.0));

    // when it calls at Vostochny, then at Nampho: in, stopped a day, out
    Instant t = Instant.parse("2024-05-01T00:00:00Z");
    List<VesselPosition> track = new ArrayList<>();
    t = call(track, TANKER, VOSTOCHNY, t);
    t = t.plus(Duration.ofDays(3));
    call(track, TANKER, NAMPHO, t);
    monitor.positions(track);

    // then one delivery to the DPRK, from Russia, of 4,000 t x 0.9, marked as an estimate
    List<TankerDelivery> deliveries = monitor.tankerDeliveries.readValuesToList();
    assertThat(deliveries)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getHeader().getEventId()).startsWith("ais/" + TANKER + "/port-call/");
              assertThat(d.getHeader().getDestination()).isEqualTo("PRK");
              assertThat(d.getHeader().getOrigin()).isEqualTo("RUS");
              assertThat(d.getQuantity()).isEqualTo(3_600.0);
              assertThat(d.getUnit()).isEqualTo("METRIC_TON");
              assertThat(d.getVesselImo()).isEqualTo("9000001");
              assertThat(d.getDischargePort()).isEqualTo("Nampho");
              assertThat(d.getHeader().getReferences())
                  .anySatisfy(r -> assertThat(r).startsWith("estimate: deadweight 4000 t"));
            });
    // and both calls on the findings topic, the Nampho one naming its event
    List<VesselFinding> findings = monitor.aisFindings.readValuesToList();
    assertThat(findings)
        .filteredOn(f -> f.getKind() == VesselFindingKind.PORT_CALL)
        .extracting(VesselFinding::getPlace)
        .containsExactly("Vostochny", "Nampho");
    assertThat(findings.get(findings.size() - 1).getEventId())
        .isEqualTo(deliveries.get(0).getHeader().getEventId());
    // and counted: 3,600 t of REFINED_UNSPECIFIED is 26,388 bbl in the observed 2024 total
    assertThat(monitor.capUsage.readValuesToList())
        .anySatisfy(
            u -> {
              assertThat(u.getRuleId()).isEqualTo("unscr-2397-refined-petroleum-cap");
              assertThat(u.getTotal())
                  .isCloseTo(26_388.0, org.assertj.core.data.Offset.offset(0.5));
            });
  }

  @Test
  void shouldRaiseTheShipToShipBanForAnEncounterWithADprkVessel() {
    // given the default rules; a DPRK tanker and a Russian one meet in West Korea Bay
    monitor.rules(defaultRules());
    Instant start = Instant.parse("2024-07-10T00:00:00Z");
    List<VesselPosition> track = new ArrayList<>();
    for (int minute = 0; minute <= 180; minute += 3) {
      Instant at = start.plus(Duration.ofMinutes(minute));
      track.add(position(TANKER, at, BAY[0], BAY[1], 0.3));
      double[] beside = Geo.offset(BAY[0], BAY[1], 90, 150);
      track.add(position(RUSSIAN, at.plusSeconds(20), beside[0], beside[1], 0.4));
    }
    // then they part at 10 kn, and an hour later the contact is over
    for (int minute = 183; minute <= 300; minute += 3) {
      Instant at = start.plus(Duration.ofMinutes(minute));
      double[] away = Geo.offset(BAY[0], BAY[1], 0, (minute - 180) * 310.0);
      track.add(position(TANKER, at, away[0], away[1], 10));
      double[] other = Geo.offset(BAY[0], BAY[1], 180, (minute - 180) * 310.0);
      track.add(position(RUSSIAN, at.plusSeconds(20), other[0], other[1], 10));
    }

    // when
    monitor.positions(track);
    // the cells learn how far the positions have gone, then end the contact
    monitor.advanceClock(Duration.ofMinutes(1));
    monitor.advanceClock(Duration.ofMinutes(1));

    // then one encounter of 3 h (the map's finding: its report at 2 h updated by its end), one
    // ship-to-ship transfer, one ban alert
    assertThat(monitor.aisFindings.readKeyValuesToMap().values())
        .filteredOn(f -> f.getKind() == VesselFindingKind.ENCOUNTER)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getMmsi()).isEqualTo(RUSSIAN);
              assertThat(f.getOtherMmsi()).isEqualTo(TANKER);
              assertThat(Duration.between(f.getStart(), f.getEnd()))
                  .isBetween(Duration.ofMinutes(170), Duration.ofMinutes(181));
            });
    assertThat(monitor.tankerDeliveries.readValuesToList())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getShipToShip()).isTrue();
              assertThat(d.getQuantity()).isZero();
              // the DPRK vessel first, as a source writes such a transfer
              assertThat(d.getVesselFlag()).isEqualTo("PRK");
              assertThat(d.getCounterpartVesselFlag()).isEqualTo("RUS");
            });
    List<Alert> alerts = monitor.alerts();
    assertThat(alerts).extracting(Alert::getRuleId).containsExactly("unscr-2375-ship-to-ship");
    // who supplied whom is not in the positions: the case says so
    monitor.advanceClock(Duration.ofSeconds(1));
    assertThat(monitor.caseOf(alerts.get(0).getCaseId()).getTitle()).endsWith(": route unknown");
  }

  @Test
  void shouldRaiseTheShipToShipBanWhenAnEncounterReachesTwoHoursNotOnlyWhenItEnds() {
    // given the default rules; a DPRK tanker and a Russian one side by side in West Korea Bay for
    // 2 h 30 min, and still there when the positions read end
    monitor.rules(defaultRules());
    Instant start = Instant.parse("2024-07-10T00:00:00Z");
    List<VesselPosition> track = new ArrayList<>();
    for (int minute = 0; minute <= 150; minute += 3) {
      Instant at = start.plus(Duration.ofMinutes(minute));
      track.add(position(TANKER, at, BAY[0], BAY[1], 0.3));
      double[] beside = Geo.offset(BAY[0], BAY[1], 90, 150);
      track.add(position(RUSSIAN, at.plusSeconds(20), beside[0], beside[1], 0.4));
    }

    // when
    monitor.positions(track);
    monitor.advanceClock(Duration.ofMinutes(1));

    // then the encounter is on the map without an end, and the ban alert is raised already
    assertThat(monitor.aisFindings.readKeyValuesToMap().values())
        .filteredOn(f -> f.getKind() == VesselFindingKind.ENCOUNTER)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getEnd()).isNull();
              assertThat(f.getDetail().toString()).contains("still together");
            });
    assertThat(monitor.tankerDeliveries.readValuesToList()).hasSize(1);
    List<Alert> alerts = monitor.alerts();
    assertThat(alerts).extracting(Alert::getRuleId).containsExactly("unscr-2375-ship-to-ship");

    // and when they part, the finding gets its end, and no second event or alert comes
    List<VesselPosition> parting = new ArrayList<>();
    for (int minute = 153; minute <= 270; minute += 3) {
      Instant at = start.plus(Duration.ofMinutes(minute));
      double[] away = Geo.offset(BAY[0], BAY[1], 0, (minute - 150) * 310.0);
      parting.add(position(TANKER, at, away[0], away[1], 10));
      double[] other = Geo.offset(BAY[0], BAY[1], 180, (minute - 150) * 310.0);
      parting.add(position(RUSSIAN, at.plusSeconds(20), other[0], other[1], 10));
    }
    monitor.positions(parting);
    monitor.advanceClock(Duration.ofMinutes(1));
    monitor.advanceClock(Duration.ofMinutes(1));
    assertThat(monitor.aisFindings.readKeyValuesToMap().values())
        .filteredOn(f -> f.getKind() == VesselFindingKind.ENCOUNTER)
        .singleElement()
        .satisfies(
            f ->
                assertThat(Duration.between(f.getStart(), f.getEnd()))
                    .isBetween(Duration.ofMinutes(140), Duration.ofMinutes(151)));
    assertThat(monitor.tankerDeliveries.readValuesToList()).isEmpty();
    assertThat(monitor.alerts()).isEmpty();
  }

  @Test
  void shouldRaiseTheShipToShipBanAtTheEndOfAnEncounterWhoseVesselWasRegisteredAsTheDprksSince() {
    // given the default rules; a Russian vessel and one the register does not know meet in West
    // Korea Bay for 2 h 30 min: at 2 h no DPRK, designated or dark vessel is in it
    monitor.rules(defaultRules());
    String unknown = "412000009";
    Instant start = Instant.parse("2024-07-10T00:00:00Z");
    List<VesselPosition> together = new ArrayList<>();
    for (int minute = 0; minute <= 150; minute += 3) {
      Instant at = start.plus(Duration.ofMinutes(minute));
      together.add(position(RUSSIAN, at, BAY[0], BAY[1], 0.3));
      double[] beside = Geo.offset(BAY[0], BAY[1], 90, 150);
      together.add(position(unknown, at.plusSeconds(20), beside[0], beside[1], 0.4));
    }
    monitor.positions(together);
    monitor.advanceClock(Duration.ofMinutes(1));
    assertThat(monitor.aisFindings.readKeyValuesToMap().values())
        .filteredOn(f -> f.getKind() == VesselFindingKind.ENCOUNTER)
        .singleElement()
        .satisfies(f -> assertThat(f.getEventId()).isNull());
    assertThat(monitor.tankerDeliveries.readValuesToList()).isEmpty();

    // when the register names the other vessel a DPRK tanker while they are still together, and
    // then they part
    monitor.register(
        VesselRecord.newBuilder()
            .setImo("9000009")
            .setMmsi(unknown)
            .setName("RYE SONG GANG 1")
            .setFlag("PRK")
            .setShipType("Oil products tanker")
            .build());
    List<VesselPosition> parting = new ArrayList<>();
    for (int minute = 153; minute <= 270; minute += 3) {
      Instant at = start.plus(Duration.ofMinutes(minute));
      double[] away = Geo.offset(BAY[0], BAY[1], 0, (minute - 150) * 310.0);
      parting.add(position(RUSSIAN, at, away[0], away[1], 10));
      double[] other = Geo.offset(BAY[0], BAY[1], 180, (minute - 150) * 310.0);
      parting.add(position(unknown, at.plusSeconds(20), other[0], other[1], 10));
    }
    monitor.positions(parting);
    monitor.advanceClock(Duration.ofMinutes(1));
    monitor.advanceClock(Duration.ofMinutes(1));

    // then the end report judges it again: a ship-to-ship transfer with a DPRK vessel, its one
    // event going out then, and the ban alert (beside the identity anomaly of a DPRK flag on a
    // Chinese MMSI)
    assertThat(monitor.aisFindings.readKeyValuesToMap().values())
        .filteredOn(f -> f.getKind() == VesselFindingKind.ENCOUNTER)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getEnd()).isNotNull();
              assertThat(f.getEventId()).isNotNull();
            });
    assertThat(monitor.tankerDeliveries.readValuesToList())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getShipToShip()).isTrue();
              assertThat(d.getVesselName()).isEqualTo("RYE SONG GANG 1");
              assertThat(d.getVesselFlag()).isEqualTo("PRK");
            });
    assertThat(monitor.alerts())
        .extracting(Alert::getRuleId)
        .containsExactlyInAnyOrder("unscr-2375-ship-to-ship", "ais-identity-anomaly-dprk-waters");
  }

  @Test
  void shouldRaiseTheShipToShipBanForAnEncounterWithAVesselBackFromTheDarkInDprkWaters() {
    // given the default rules; a Panama-flagged vessel in West Korea Bay falls silent for 13 h,
    // and once back meets a Chinese one there for 2 h 30 min (neither flag is the DPRK's)
    monitor.rules(defaultRules());
    String panama = "351000001";
    String chinese = "412000001";
    Instant start = Instant.parse("2024-07-10T00:00:00Z");
    List<VesselPosition> track = new ArrayList<>();
    for (int minute = 0; minute <= 60; minute += 3) {
      track.add(position(panama, start.plus(Duration.ofMinutes(minute)), BAY[0], BAY[1], 0.3));
    }
    Instant back = start.plus(Duration.ofHours(14));
    for (int minute = 0; minute <= 150; minute += 3) {
      Instant at = back.plus(Duration.ofMinutes(minute));
      track.add(position(panama, at, BAY[0], BAY[1], 0.3));
      double[] beside = Geo.offset(BAY[0], BAY[1], 90, 150);
      track.add(position(chinese, at.plusSeconds(20), beside[0], beside[1], 0.4));
    }

    // when
    monitor.positions(track);
    monitor.advanceClock(Duration.ofMinutes(1));

    // then the dark period, and the encounter as a ship-to-ship transfer to the DPRK (its place)
    assertThat(monitor.tankerDeliveries.readValuesToList())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getShipToShip()).isTrue();
              assertThat(d.getVesselFlag()).isEqualTo("PAN");
              assertThat(d.getCounterpartVesselFlag()).isEqualTo("CHN");
              assertThat(d.getHeader().getDestination()).isEqualTo("PRK");
            });
    List<Alert> alerts = monitor.alerts();
    assertThat(alerts)
        .extracting(Alert::getRuleId)
        .containsExactlyInAnyOrder("ais-dark-period-dprk-waters", "unscr-2375-ship-to-ship");
    Alert ban =
        alerts.stream()
            .filter(a -> a.getRuleId().equals("unscr-2375-ship-to-ship"))
            .findFirst()
            .orElseThrow();
    monitor.advanceClock(Duration.ofSeconds(1));
    assertThat(monitor.caseOf(ban.getCaseId()).getTitle()).endsWith(": - → PRK");
  }

  @Test
  void shouldFileADarkPeriodInDprkWatersInACaseOfItsVessel() {
    // given the default rules; a vessel in West Korea Bay falls silent for 13 h
    monitor.rules(defaultRules());
    Instant t = Instant.parse("2023-11-02T00:00:00Z");
    List<VesselPosition> track = new ArrayList<>();
    track.add(position(TANKER, t, BAY[0], BAY[1], 8));
    track.add(position(TANKER, t.plus(Duration.ofMinutes(10)), BAY[0] + 0.02, BAY[1], 8));
    track.add(position(TANKER, t.plus(Duration.ofHours(13)), BAY[0] + 0.2, BAY[1], 8));
    // and another one 11 h only
    String other = "445000003";
    track.add(position(other, t, BAY[0], BAY[1] + 0.1, 8));
    track.add(position(other, t.plus(Duration.ofHours(11)), BAY[0], BAY[1] + 0.2, 8));

    // when
    monitor.positions(track);

    // then one vessel activity, one alert of the dark-period rule, in the case of that vessel
    assertThat(monitor.vesselActivities.readValuesToList())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getActivity()).isEqualTo(VesselActivityType.DARK_PERIOD);
              assertThat(a.getVesselMmsi()).isEqualTo(TANKER);
              assertThat(a.getVesselFlag()).isEqualTo("PRK");
            });
    assertThat(monitor.alerts())
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getRuleId()).isEqualTo("ais-dark-period-dprk-waters");
              assertThat(alert.getVessel()).isEqualTo("MMSI:" + TANKER);
              assertThat(alert.getMessage()).contains("no AIS position for 12.8 h");
              assertThat(monitor.caseOf(alert.getCaseId()).getTitle()).endsWith("MMSI:" + TANKER);
            });
  }

  @Test
  void shouldFileOneImoNumberSentByTwoMmsisFarApartAsAnIdentityAnomalyOnce() {
    // given the default rules; a ship in West Korea Bay and one off Vostochny, 600 nm apart,
    // both sending the same IMO number, each twice within the hour
    monitor.rules(defaultRules());
    Instant t = Instant.parse("2024-03-01T00:00:00Z");
    String clone = "445000009";
    monitor.positions(
        List.of(
            position(TANKER, t, BAY[0], BAY[1], 8),
            position(clone, t.plusSeconds(60), VOSTOCHNY[0] - 0.3, VOSTOCHNY[1], 8)));
    for (int i = 0; i < 2; i++) {
      monitor.voyage(voyage(TANKER, "9000001", "CHON MA SAN", 80, 4.0));
      monitor.voyage(voyage(clone, "9000001", "CHON MA SAN", 80, 4.0));
    }
    monitor.positions(List.of());

    // then one anomaly on the findings topic, an event and an alert filed for that vessel
    assertThat(monitor.aisFindings.readValuesToList())
        .filteredOn(f -> f.getKind() == VesselFindingKind.IDENTITY_ANOMALY)
        .singleElement()
        .satisfies(f -> assertThat(f.getDetail()).contains("IMO 9000001 sent by MMSI"));
    assertThat(monitor.vesselActivities.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.getActivity()).isEqualTo(VesselActivityType.IDENTITY_ANOMALY));
    assertThat(monitor.alerts())
        .extracting(Alert::getRuleId)
        .containsExactly("ais-identity-anomaly-dprk-waters");
  }

  @Test
  void shouldTakeTheImoCloneDistanceFromItsSetting() {
    // given a monitor that takes one IMO number on two MMSIs closer than 1,000 nm for one ship
    try (MonitorDriver configured =
        new MonitorDriver(MonitorSettings.parse(Map.of(AisSettingKeys.IMO_CLONE_MIN_NM, "1000")))) {
      configured.rules(defaultRules());

      // when the ships of the test above, 600 nm apart, send the same IMO number
      Instant t = Instant.parse("2024-03-01T00:00:00Z");
      configured.positions(
          List.of(
              position(TANKER, t, BAY[0], BAY[1], 8),
              position("445000009", t.plusSeconds(60), VOSTOCHNY[0] - 0.3, VOSTOCHNY[1], 8)));
      configured.voyage(voyage(TANKER, "9000001", "CHON MA SAN", 80, 4.0));
      configured.voyage(voyage("445000009", "9000001", "CHON MA SAN", 80, 4.0));
      configured.positions(List.of());

      // then no identity anomaly
      assertThat(configured.aisFindings.readValuesToList())
          .extracting(VesselFinding::getKind)
          .doesNotContain(VesselFindingKind.IDENTITY_ANOMALY);
      assertThat(configured.alerts()).isEmpty();
    }
  }

  @Test
  void shouldTakeTheDeliveryCountriesAndTheEstimatesConfidenceFromTheirSettings() {
    // given a monitor that counts deliveries to Russian ports, estimates at confidence 0.5
    try (MonitorDriver configured =
        new MonitorDriver(
            MonitorSettings.parse(
                Map.of(
                    AisSettingKeys.DELIVERY_COUNTRIES, "RUS",
                    AisSettingKeys.DELIVERY_ESTIMATE_CONFIDENCE, "0.5")))) {
      configured.rules(defaultRules());
      configured.voyage(voyage(TANKER, "9000001", "CHON MA SAN", 80, 4.0));

      // when the tanker calls at Vostochny, then at Nampho
      Instant t = Instant.parse("2024-05-01T00:00:00Z");
      List<VesselPosition> track = new ArrayList<>();
      t = call(track, TANKER, VOSTOCHNY, t);
      call(track, TANKER, NAMPHO, t.plus(Duration.ofDays(3)));
      configured.positions(track);

      // then the Vostochny call is the one delivery, at the confidence set
      assertThat(configured.tankerDeliveries.readValuesToList())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.getDischargePort()).isEqualTo("Vostochny");
                assertThat(d.getHeader().getDestination()).isEqualTo("RUS");
                assertThat(d.getHeader().getConfidence()).isEqualTo(0.5);
              });
    }
  }

  @Test
  void shouldFileAnMmsiOfTheDprkOnAShipTheRegisterFlagsElsewhereOnce() {
    // given the default rules; the register flags a ship Sierra Leone, its MMSI is the DPRK's
    monitor.rules(defaultRules());
    monitor.register(
        VesselRecord.newBuilder().setImo("9000001").setMmsi(TANKER).setFlag("SLE").build());
    Instant t = Instant.parse("2024-03-01T00:00:00Z");

    // when it sends three positions in West Korea Bay
    monitor.positions(
        List.of(
            position(TANKER, t, BAY[0], BAY[1], 8),
            position(TANKER, t.plus(Duration.ofMinutes(5)), BAY[0] + 0.01, BAY[1], 8),
            position(TANKER, t.plus(Duration.ofMinutes(10)), BAY[0] + 0.02, BAY[1], 8)));

    // then one flag mismatch, counted as a vessel activity and alerted once
    assertThat(monitor.aisFindings.readValuesToList())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getKind()).isEqualTo(VesselFindingKind.IDENTITY_ANOMALY);
              assertThat(f.getDetail())
                  .contains("MMSI " + TANKER + " has the MID of PRK, the register's flag is SLE");
            });
    assertThat(monitor.alerts())
        .extracting(Alert::getRuleId)
        .containsExactly("ais-identity-anomaly-dprk-waters");
  }

  @Test
  void shouldRaiseOneAlertADayForAnMmsiSentFromTwoPlacesAtOnce() {
    // given the default rules; one MMSI sent by a ship in West Korea Bay and one off Vostochny,
    // alternately every 10 minutes for 6 hours
    monitor.rules(defaultRules());
    Instant t = Instant.parse("2024-03-01T00:00:00Z");
    List<VesselPosition> track = new ArrayList<>();
    for (int i = 0; i < 36; i++) {
      double[] at = i % 2 == 0 ? BAY : new double[] {VOSTOCHNY[0] - 0.3, VOSTOCHNY[1]};
      track.add(position(TANKER, t.plus(Duration.ofMinutes(10L * i)), at[0], at[1], 8));
    }

    // when
    monitor.positions(track);

    // then every jump is a finding, but one event and one alert tell the rule
    assertThat(monitor.aisFindings.readValuesToList())
        .hasSizeGreaterThan(10)
        .allSatisfy(f -> assertThat(f.getKind()).isEqualTo(VesselFindingKind.IDENTITY_ANOMALY));
    assertThat(monitor.vesselActivities.readValuesToList()).hasSize(1);
    assertThat(monitor.alerts())
        .extracting(Alert::getRuleId)
        .containsExactly("ais-identity-anomaly-dprk-waters");
  }

  /** Positions of a call at {@code port}: in from 8 km, stopped for a day, out to 8 km. */
  private static Instant call(List<VesselPosition> to, String mmsi, double[] port, Instant t) {
    for (int km = 8; km >= 0; km--) {
      double[] p = Geo.offset(port[0], port[1], 180, km * 1_000.0);
      to.add(position(mmsi, t, p[0], p[1], km == 0 ? 0.1 : 6));
      t = t.plus(Duration.ofMinutes(5));
    }
    for (int h = 0; h < 24; h++) {
      to.add(position(mmsi, t, port[0], port[1], 0.0));
      t = t.plus(Duration.ofHours(1));
    }
    for (int km = 1; km <= 8; km++) {
      double[] p = Geo.offset(port[0], port[1], 180, km * 1_000.0);
      to.add(position(mmsi, t, p[0], p[1], 6));
      t = t.plus(Duration.ofMinutes(5));
    }
    return t;
  }

  private static VesselPosition position(
      String mmsi, Instant at, double lat, double lon, double knots) {
    return VesselPosition.newBuilder()
        .setMmsi(mmsi)
        .setTime(at)
        .setLatitude(lat)
        .setLongitude(lon)
        .setSpeedKnots(knots)
        .setMessageType(1)
        .build();
  }

  private static VesselVoyage voyage(
      String mmsi, String imo, String name, int type, double draught) {
    return VesselVoyage.newBuilder()
        .setMmsi(mmsi)
        .setTime(Instant.parse("2024-04-30T00:00:00Z"))
        .setImo(imo)
        .setName(name)
        .setShipType(type)
        .setDraughtMetres(draught)
        .setMessageType(5)
        .build();
  }
}
