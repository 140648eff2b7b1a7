package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.CRUDE_CAP;
import static io.transfermonitor.streams.Events.REFINED_CAP;
import static io.transfermonitor.streams.Events.defaultRule;
import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.refined;
import static io.transfermonitor.streams.Events.tanker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.Basis;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.streams.config.MonitorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CapAlertsTest {

  private MonitorDriver monitor = new MonitorDriver();

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldRaiseEachOfTheFourLevelsOnceInOrderAndNothingOnReplay() {
    // given
    monitor.rules(defaultRules());
    List<TankerDelivery> deliveries =
        List.of(
            refined("d1", "2024-03-01T00:00:00Z", 375_000),
            refined("d2", "2024-04-01T00:00:00Z", 75_000),
            refined("d3", "2024-05-01T00:00:00Z", 25_000),
            refined("d4", "2024-06-01T00:00:00Z", 25_000));

    // when
    deliveries.forEach(monitor::send);
    List<Alert> first = monitor.alerts(RuleKind.CAP);
    deliveries.forEach(monitor::send);
    List<Alert> replay = monitor.alerts(RuleKind.CAP);

    // then
    assertThat(first)
        .extracting(Alert::getAlertId, Alert::getSeverity, Alert::getTotal)
        .containsExactly(
            tuple(REFINED_CAP + "/2024-01-01/OBSERVED/NOTICE_75", Severity.MEDIUM, 375_000.0),
            tuple(REFINED_CAP + "/2024-01-01/OBSERVED/NOTICE_90", Severity.HIGH, 450_000.0),
            tuple(REFINED_CAP + "/2024-01-01/OBSERVED/CEASE_SUPPLY_95", Severity.HIGH, 475_000.0),
            tuple(REFINED_CAP + "/2024-01-01/OBSERVED/BREACH", Severity.CRITICAL, 500_000.0));
    Alert breach = first.get(3);
    assertThat(breach.getLimit()).isEqualTo(500_000.0);
    assertThat(breach.getUnit()).isEqualTo("BARREL");
    assertThat(breach.getBasis()).isEqualTo(Basis.OBSERVED);
    assertThat(breach.getPeriodStart()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(breach.getPeriodEnd()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(breach.getTriggeringEventIds()).containsExactly("d1", "d2", "d3", "d4");
    assertThat(breach.getEventTime()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(breach.getLegalBasis()).isEqualTo("UNSCR 2397 (2017) OP5");
    assertThat(breach.getMessage())
        .isEqualTo(
            "OBSERVED total of 'Refined petroleum supplied to the DPRK' reached 100 % of the"
                + " limit (500,000 of 500,000 bbl) in the period 2024-01-01..2025-01-01, reached"
                + " by event time in 2024-06: breach of UNSCR 2397 (2017) OP5, escalate to the"
                + " sanctions desk now.");
    assertThat(first.get(2).getMessage())
        .contains("must cease supplying for the rest of the period");
    assertThat(replay).isEmpty();
  }

  @Test
  void shouldSayWhenByEventTimeALevelWasReachedWhenDeliveriesArriveOutOfOrder() {
    // given the July delivery arrives before the June ones
    monitor.rules(defaultRules());
    monitor.send(refined("may", "2024-05-10T00:00:00Z", 400_000));
    monitor.send(refined("july", "2024-07-06T00:00:00Z", 60_000));
    monitor.send(refined("june", "2024-06-18T00:00:00Z", 50_000));

    // when
    List<Alert> alerts = monitor.alerts(RuleKind.CAP);

    // then the breach is raised by the June delivery's arrival, and dated by event time
    assertThat(alerts)
        .filteredOn(a -> a.getLevel().equals("BREACH"))
        .singleElement()
        .satisfies(
            breach -> {
              assertThat(breach.getTotal()).isEqualTo(510_000.0);
              assertThat(breach.getEventTime()).isEqualTo(Instant.parse("2024-06-18T00:00:00Z"));
              assertThat(breach.getMessage()).contains("reached by event time in 2024-07");
            });
    assertThat(alerts)
        .filteredOn(a -> a.getLevel().equals("NOTICE_90"))
        .singleElement()
        .satisfies(n -> assertThat(n.getMessage()).contains("reached by event time in 2024-07"));
    assertThat(alerts)
        .filteredOn(a -> a.getLevel().equals("NOTICE_75"))
        .singleElement()
        .satisfies(n -> assertThat(n.getMessage()).contains("reached by event time in 2024-05"));
  }

  @Test
  void shouldNotRaiseAReachedLevelAgainWhenMoreDeliveriesArrive() {
    // given
    monitor.rules(defaultRules());
    monitor.send(refined("d1", "2024-03-01T00:00:00Z", 480_000));
    assertThat(monitor.alerts(RuleKind.CAP)).hasSize(3);

    // when
    monitor.send(refined("d2", "2024-04-01T00:00:00Z", 10_000));
    monitor.send(refined("d3", "2024-05-01T00:00:00Z", 20_000));
    monitor.send(refined("d4", "2024-06-01T00:00:00Z", 30_000));

    // then
    assertThat(monitor.alerts(RuleKind.CAP))
        .extracting(Alert::getLevel, Alert::getTotal)
        .containsExactly(tuple("BREACH", 510_000.0));
  }

  @Test
  void shouldRaiseEveryLevelASingleDeliveryJumpsAcross() {
    // given
    monitor.rules(defaultRules());

    // when
    monitor.send(refined("big", "2024-02-01T00:00:00Z", 512_300));

    // then
    assertThat(monitor.alerts(RuleKind.CAP))
        .extracting(Alert::getLevel)
        .containsExactly("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
  }

  @Test
  void shouldCountMetricTonsOfDieselAtSevenAndAHalfBarrelsPerTon() {
    // given
    monitor.rules(defaultRules());

    // when: 50,000 t of diesel = 375,000 bbl, exactly the 75 % notice
    monitor.send(
        tanker(
            "tons",
            SourceKind.OBSERVED,
            "2024-03-01T00:00:00Z",
            ProductClass.REFINED,
            "DIESEL",
            50_000,
            "METRIC_TON"));

    // then
    assertThat(monitor.alerts(RuleKind.CAP))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getLevel()).isEqualTo("NOTICE_75");
              assertThat(alert.getTotal()).isEqualTo(375_000.0);
            });
    CapUsage usage = monitor.capUsage.readValuesToList().get(0);
    assertThat(usage.getTotal()).isEqualTo(375_000.0);
    assertThat(usage.getRatio()).isEqualTo(0.75);
  }

  @Test
  void shouldUseTheConfiguredBarrelsPerTonFactor() {
    // given: a deployment that counts diesel at 8 bbl/t
    monitor.close();
    monitor =
        new MonitorDriver(
            MonitorConfig.builder()
                .barrelsPerTon(Map.of("DIESEL", 8.0, "CRUDE", 7.62, "REFINED_UNSPECIFIED", 7.33))
                .build());
    monitor.rules(defaultRules());

    // when
    monitor.send(
        tanker(
            "tons",
            SourceKind.OBSERVED,
            "2024-03-01T00:00:00Z",
            ProductClass.REFINED,
            "DIESEL",
            50_000,
            "METRIC_TON"));

    // then
    assertThat(monitor.capUsage.readValuesToList())
        .extracting(CapUsage::getTotal)
        .containsExactly(400_000.0);
  }

  @Test
  void shouldCountALateDecemberDeliveryInItsOwnYearAndAlertForThatYear() {
    // given: 2025 is already under way
    monitor.rules(defaultRules());
    monitor.send(refined("y25", "2025-02-01T00:00:00Z", 380_000));
    assertThat(monitor.alerts(RuleKind.CAP))
        .extracting(Alert::getAlertId)
        .containsExactly(REFINED_CAP + "/2025-01-01/OBSERVED/NOTICE_75");
    monitor.send(refined("y24a", "2024-06-01T00:00:00Z", 200_000));
    monitor.capUsage.readValuesToList();

    // when: a delivery of 30 December 2024 is reported late
    monitor.send(refined("late", "2024-12-30T00:00:00Z", 180_000));

    // then
    assertThat(monitor.alerts(RuleKind.CAP))
        .extracting(Alert::getAlertId, Alert::getTotal)
        .containsExactly(tuple(REFINED_CAP + "/2024-01-01/OBSERVED/NOTICE_75", 380_000.0));
    assertThat(monitor.capUsage.readValuesToList())
        .singleElement()
        .satisfies(
            usage -> {
              assertThat(usage.getPeriodStart()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
              assertThat(usage.getTotal()).isEqualTo(380_000.0);
            });
  }

  @Test
  void shouldAnchorCrudePeriodsOnTwentySecondDecember() {
    // given
    monitor.rules(defaultRules());

    // when: 3,000,000 bbl (75 %) on each side of the anchor
    monitor.send(
        tanker(
            "c1",
            SourceKind.OBSERVED,
            "2024-12-21T23:00:00Z",
            ProductClass.CRUDE,
            "CRUDE",
            3_000_000,
            "BARREL"));
    monitor.send(
        tanker(
            "c2",
            SourceKind.OBSERVED,
            "2024-12-22T01:00:00Z",
            ProductClass.CRUDE,
            "CRUDE",
            3_000_000,
            "BARREL"));

    // then
    assertThat(monitor.alerts(RuleKind.CAP))
        .extracting(Alert::getRuleId, Alert::getLevel, Alert::getPeriodStart, Alert::getPeriodEnd)
        .containsExactly(
            tuple(
                CRUDE_CAP,
                "NOTICE_75",
                Instant.parse("2023-12-22T00:00:00Z"),
                Instant.parse("2024-12-22T00:00:00Z")),
            tuple(
                CRUDE_CAP,
                "NOTICE_75",
                Instant.parse("2024-12-22T00:00:00Z"),
                Instant.parse("2025-12-22T00:00:00Z")));
  }

  @Test
  void shouldKeepReportedAndObservedTotalsApart() {
    // given
    monitor.rules(defaultRules());

    // when: the 2024 picture of the seeds, 300,000 reported and 1,000,000 observed/estimated
    monitor.send(
        tanker(
            "r1",
            SourceKind.REPORTED,
            "2024-02-01T00:00:00Z",
            ProductClass.REFINED,
            "DIESEL",
            300_000,
            "BARREL"));
    monitor.send(refined("o1", "2024-03-01T00:00:00Z", 600_000));
    monitor.send(
        tanker(
            "e1",
            SourceKind.ESTIMATED,
            "2024-09-01T00:00:00Z",
            ProductClass.REFINED,
            "GASOLINE",
            400_000,
            "BARREL"));

    // then
    List<Alert> alerts = monitor.alerts(RuleKind.CAP);
    assertThat(alerts).extracting(Alert::getBasis).containsOnly(Basis.OBSERVED);
    assertThat(alerts)
        .extracting(Alert::getLevel)
        .containsExactly("NOTICE_75", "NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
    assertThat(monitor.capUsage.readKeyValuesToMap())
        .hasEntrySatisfying(
            REFINED_CAP + "/2024-01-01/REPORTED",
            u -> assertThat(u.getTotal()).isEqualTo(300_000.0))
        .hasEntrySatisfying(
            REFINED_CAP + "/2024-01-01/OBSERVED",
            u -> assertThat(u.getTotal()).isEqualTo(1_000_000.0));
  }

  @Test
  void shouldRaiseTheCrossedLevelsAtOnceWhenTheLimitIsLowered() {
    // given: 400,000 bbl observed raise only the 75 % notice of 500,000
    monitor.rules(defaultRules());
    monitor.send(refined("d1", "2024-03-01T00:00:00Z", 400_000));
    assertThat(monitor.alerts(RuleKind.CAP))
        .extracting(Alert::getLevel)
        .containsExactly("NOTICE_75");

    // when: ops lower the limit to 400,000 bbl
    Rule lowered = Rule.newBuilder(defaultRule(REFINED_CAP)).setLimit(400_000.0).build();
    monitor.rule(lowered);
    monitor.advanceClock(Duration.ofSeconds(1));

    // then
    List<Alert> alerts = monitor.alerts(RuleKind.CAP);
    assertThat(alerts)
        .extracting(Alert::getLevel)
        .containsExactly("NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
    assertThat(alerts).extracting(Alert::getLimit).containsOnly(400_000.0);
    assertThat(monitor.capUsage.readValuesToList())
        .last()
        .satisfies(u -> assertThat(u.getRatio()).isEqualTo(1.0));

    // and nothing more while nothing changes
    monitor.advanceClock(Duration.ofSeconds(5));
    assertThat(monitor.alerts(RuleKind.CAP)).isEmpty();
  }
}
