package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.defaultRule;
import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.refined;
import static io.transfermonitor.streams.Events.reported;
import static io.transfermonitor.streams.Events.sighting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.ReportingGap;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.Severity;
import io.transfermonitor.model.TankerDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReportingGapTest {

  private static final String GAP_RULE = "reporting-gap-refined-petroleum";
  private static final String GAP_2024 = GAP_RULE + "/2024-01-01/";

  private final MonitorDriver monitor = new MonitorDriver();

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldRaiseTheGapWithBothTotalsAndTheRatioWhenObservedIsThreeTimesReported() {
    // given
    monitor.rules(defaultRules());
    monitor.send(reported("r1", "2024-02-01T00:00:00Z", 300_000, "RUS"));

    // when
    monitor.send(refined("o1", "2024-06-01T00:00:00Z", 1_000_000));

    // then
    List<Alert> gaps = monitor.alerts(RuleKind.DISCREPANCY);
    assertThat(gaps)
        .extracting(Alert::getAlertId, Alert::getSeverity)
        .containsExactly(
            tuple(GAP_2024 + "ALL/REPORTING_GAP", Severity.HIGH),
            tuple(GAP_2024 + "ALL/UNREPORTED_BREACH", Severity.CRITICAL),
            tuple(GAP_2024 + "RUS/REPORTING_GAP", Severity.HIGH),
            tuple(GAP_2024 + "RUS/UNREPORTED_BREACH", Severity.CRITICAL));
    Alert gap = gaps.get(0);
    assertThat(gap.getReportedTotal()).isEqualTo(300_000.0);
    assertThat(gap.getTotal()).isEqualTo(1_000_000.0);
    // the 100,000 bbl the gap must reach, as a fraction of the 500,000 bbl cap
    assertThat(gap.getThreshold()).isEqualTo(0.2);
    assertThat(gap.getLimit()).isEqualTo(500_000.0);
    assertThat(gap.getScope()).isEqualTo("ALL");
    assertThat(gap.getTriggeringEventIds()).containsExactly("o1");
    assertThat(gap.getMessage())
        .isEqualTo(
            "2024: reported 300,000 bbl (60 % of the cap), observed 1,000,000 bbl (200 %):"
                + " observed is 3.3 × reported. Observed refined petroleum deliveries exceed"
                + " officially reported ones: ask the supplying states to account for the"
                + " difference (UNSCR 2397 (2017) OP5 reporting obligation; MSMT report of 29 May"
                + " 2025).");
    // filed in one case of the period, at its most severe level
    assertThat(monitor.caseOf(GAP_RULE + "/2024-01-01"))
        .satisfies(
            c -> {
              assertThat(c.getAlertCount()).isEqualTo(4);
              assertThat(c.getLevel()).isEqualTo("UNREPORTED_BREACH");
              assertThat(c.getSeverity()).isEqualTo(Severity.CRITICAL);
            });
    assertThat(gaps.get(3).getMessage())
        .startsWith("2024, supplies from RUS: reported 300,000 bbl")
        .contains("past the 500,000 bbl cap while reported stays under it")
        .endsWith("breach UNSCR 2397 (2017) OP5 unreported, escalate to the sanctions desk now.");
    assertThat(latestGaps())
        .hasEntrySatisfying(
            GAP_2024 + "ALL",
            g -> {
              assertThat(g.getCapRuleId()).isEqualTo("unscr-2397-refined-petroleum-cap");
              assertThat(g.getReportedTotal()).isEqualTo(300_000.0);
              assertThat(g.getObservedTotal()).isEqualTo(1_000_000.0);
              assertThat(g.getGap()).isEqualTo(700_000.0);
              assertThat(g.getRatio()).isEqualTo(1_000_000.0 / 300_000.0);
              assertThat(g.getPeriodStart()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
              assertThat(g.getRaisedLevels()).containsExactly("REPORTING_GAP", "UNREPORTED_BREACH");
              assertThat(g.getObservedDeliveryCount()).isEqualTo(1L);
            });
  }

  @Test
  void shouldPublishTheGapAgainWhenASecondSourceCorroboratesADeliveryWithoutChangingTheTotal() {
    // given a delivery seen by imagery, 28,000 bbl
    monitor.rules(defaultRules());
    monitor.send(sighting("a", "2024-03-01T00:00:00Z", 28_000, "9000001", "Nampo", "imagery"));
    monitor.reportingGaps.readValuesToList();

    // when AIS sees it too, estimating less: the total stays, the delivery is now corroborated
    monitor.send(sighting("b", "2024-03-01T12:00:00Z", 27_700, "9000001", "Nampho", "AIS"));

    // then the aggregate says so (before, it kept saying 0 seen by more than one source)
    assertThat(monitor.reportingGaps.readValuesToList())
        .filteredOn(g -> g.getScope().equals("ALL"))
        .last()
        .satisfies(
            g -> {
              assertThat(g.getObservedTotal()).isEqualTo(28_000.0);
              assertThat(g.getObservedDeliveryCount()).isEqualTo(1L);
              assertThat(g.getCorroboratedDeliveryCount()).isEqualTo(1L);
            });
  }

  @Test
  void shouldRaiseTheSecondLevelWhenObservedPassesTheCapWhileReportedStaysUnder() {
    // given: 450,000 observed against 300,000 reported is a gap, still under the cap
    monitor.rules(defaultRules());
    monitor.send(reported("r1", "2024-02-01T00:00:00Z", 300_000, "RUS"));
    monitor.send(refined("o1", "2024-03-01T00:00:00Z", 450_000));
    assertThat(monitor.alerts(RuleKind.DISCREPANCY))
        .extracting(Alert::getLevel)
        .containsExactly("REPORTING_GAP", "REPORTING_GAP");

    // when
    monitor.send(refined("o2", "2024-04-01T00:00:00Z", 60_000));

    // then
    assertThat(monitor.alerts(RuleKind.DISCREPANCY))
        .extracting(Alert::getScope, Alert::getLevel, Alert::getSeverity, Alert::getTotal)
        .containsExactly(
            tuple("ALL", "UNREPORTED_BREACH", Severity.CRITICAL, 510_000.0),
            tuple("RUS", "UNREPORTED_BREACH", Severity.CRITICAL, 510_000.0));
  }

  @Test
  void shouldRaiseNothingNewAndUpdateTheAggregateWhenALateReportClosesTheGap() {
    // given: 400,000 observed against 100,000 reported
    monitor.rules(defaultRules());
    monitor.send(reported("r1", "2024-01-01T00:00:00Z", 100_000, "RUS"));
    monitor.send(refined("o1", "2024-05-01T00:00:00Z", 400_000));
    assertThat(monitor.alerts(RuleKind.DISCREPANCY)).hasSize(2);
    monitor.reportingGaps.readValuesToList();

    // when: a report of February arrives months late, 250,000 more reported
    monitor.send(reported("r2", "2024-02-01T00:00:00Z", 250_000, "RUS"));

    // then
    assertThat(monitor.alerts(RuleKind.DISCREPANCY)).isEmpty();
    assertThat(latestGaps())
        .hasEntrySatisfying(
            GAP_2024 + "ALL",
            g -> {
              assertThat(g.getReportedTotal()).isEqualTo(350_000.0);
              assertThat(g.getObservedTotal()).isEqualTo(400_000.0);
              assertThat(g.getRatio()).isEqualTo(400_000.0 / 350_000.0);
              assertThat(g.getRaisedLevels()).containsExactly("REPORTING_GAP");
            });
  }

  @Test
  void shouldCompareEachSupplyingStateOnItsOwnAsWellAsTheTotal() {
    // given
    monitor.rules(defaultRules());
    monitor.send(reported("chn-r", "2024-02-01T00:00:00Z", 100_000, "CHN"));
    monitor.send(reported("rus-r", "2024-02-01T00:00:00Z", 200_000, "RUS"));

    // when: China observed at 1.2 x reported, Russia at twice
    monitor.send(observedFrom("chn-o", "2024-04-01T00:00:00Z", 120_000, "CHN"));
    monitor.send(observedFrom("rus-o", "2024-04-02T00:00:00Z", 400_000, "RUS"));

    // then
    assertThat(monitor.alerts(RuleKind.DISCREPANCY))
        .extracting(Alert::getAlertId)
        .containsExactly(
            GAP_2024 + "ALL/REPORTING_GAP",
            GAP_2024 + "ALL/UNREPORTED_BREACH",
            GAP_2024 + "RUS/REPORTING_GAP");
    assertThat(latestGaps())
        .hasEntrySatisfying(
            GAP_2024 + "CHN",
            g -> {
              assertThat(g.getReportedTotal()).isEqualTo(100_000.0);
              assertThat(g.getObservedTotal()).isEqualTo(120_000.0);
              assertThat(g.getRaisedLevels()).isEmpty();
              assertThat(g.getObservedDeliveryCount()).isNull();
            })
        .hasEntrySatisfying(
            GAP_2024 + "ALL", g -> assertThat(g.getObservedTotal()).isEqualTo(520_000.0));
  }

  @Test
  void shouldRaiseTheGapOfAPastPeriodWhenObservationsOfThatYearArriveLate() {
    // given: 2024 is under way
    monitor.rules(defaultRules());
    monitor.send(reported("r24", "2024-02-01T00:00:00Z", 200_000, "RUS"));
    monitor.send(reported("r23", "2023-11-01T00:00:00Z", 50_000, "RUS"));

    // when: observations of December 2023 arrive
    monitor.send(refined("o23", "2023-12-20T00:00:00Z", 200_000));

    // then
    assertThat(monitor.alerts(RuleKind.DISCREPANCY))
        .extracting(Alert::getAlertId, Alert::getReportedTotal)
        .containsExactly(
            tuple(GAP_RULE + "/2023-01-01/ALL/REPORTING_GAP", 50_000.0),
            tuple(GAP_RULE + "/2023-01-01/RUS/REPORTING_GAP", 50_000.0));
  }

  @Test
  void shouldApplyALoweredRatioToTheTotalsAlreadyCountedWithoutAnEvent() {
    // given: 400,000 observed is 1.33 x the 300,000 reported, under the 1.5 of the rule
    monitor.rules(defaultRules());
    monitor.send(reported("r1", "2024-02-01T00:00:00Z", 300_000, "RUS"));
    monitor.send(refined("o1", "2024-03-01T00:00:00Z", 400_000));
    monitor.advanceClock(Duration.ofSeconds(1));
    assertThat(monitor.alerts(RuleKind.DISCREPANCY)).isEmpty();

    // when: ops lower the ratio to 1.25
    monitor.rule(Rule.newBuilder(defaultRule(GAP_RULE)).setMinGapRatio(1.25).build());
    monitor.advanceClock(Duration.ofSeconds(1));

    // then
    List<Alert> raised = monitor.alerts(RuleKind.DISCREPANCY);
    assertThat(raised)
        .extracting(Alert::getScope, Alert::getLevel)
        .containsExactly(tuple("ALL", "REPORTING_GAP"), tuple("RUS", "REPORTING_GAP"));
    assertThat(raised.get(0).getMessage()).contains("observed is 1.3 × reported");
    monitor.advanceClock(Duration.ofSeconds(5));
    assertThat(monitor.alerts(RuleKind.DISCREPANCY)).isEmpty();
  }

  private static TankerDelivery observedFrom(String id, String time, double barrels, String from) {
    TankerDelivery t = refined(id, time, barrels);
    t.getHeader().setOrigin(from);
    return t;
  }

  private Map<String, ReportingGap> latestGaps() {
    return monitor.reportingGaps.readKeyValuesToMap();
  }
}
