package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.REFINED_CAP;
import static io.transfermonitor.streams.Events.arms;
import static io.transfermonitor.streams.Events.containers;
import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.refined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.Case;
import io.transfermonitor.model.CaseChange;
import io.transfermonitor.model.CaseHistoryEntry;
import io.transfermonitor.model.CaseNotification;
import io.transfermonitor.model.CaseStep;
import io.transfermonitor.model.CaseTotal;
import io.transfermonitor.model.Severity;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.config.MonitorConfig;
import io.transfermonitor.streams.config.MonitorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts grouped in cases, and what of them pages someone, through the production topology. */
class CaseNotificationsTest {

  private static final String ARMS = "unscr-1718-arms-embargo";
  private static final String CAP_CASE = REFINED_CAP + "/2024-01-01/OBSERVED";
  private static final String GAP_CASE = "reporting-gap-refined-petroleum/2024-01-01";

  private final MonitorDriver monitor =
      new MonitorDriver(MonitorConfig.builder().caseQuietInterval(Duration.ofMinutes(5)).build());

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldFileArmsEmbargoAlertsInOneCasePerRouteDirectionWhoseCountsAddUpToTheAlerts() {
    // given
    monitor.rules(defaultRules());

    // when
    monitor.send(containers("m1", "2023-09-07T00:00:00Z", CargoCategory.MUNITIONS, 120));
    monitor.send(containers("m2", "2023-09-14T00:00:00Z", CargoCategory.MUNITIONS, 150));
    monitor.send(arms("kn23", "2024-01-02T00:00:00Z", "PRK", "RUS"));
    monitor.send(arms("air-defence", "2024-11-15T00:00:00Z", "RUS", "PRK"));

    // then
    List<Alert> alerts = monitor.alerts();
    assertThat(alerts)
        .extracting(Alert::getAlertId, Alert::getCaseId)
        .containsExactly(
            tuple(ARMS + "/m1", ARMS + "/PRK/RUS"),
            tuple(ARMS + "/m2", ARMS + "/PRK/RUS"),
            tuple(ARMS + "/kn23", ARMS + "/PRK/RUS"),
            tuple(ARMS + "/air-defence", ARMS + "/RUS/PRK"));
    // what each alert did to its case: the first of each direction opened it, the others updated it
    assertThat(monitor.caseOf(ARMS + "/PRK/RUS").getHistory())
        .extracting(CaseHistoryEntry::getStep, CaseHistoryEntry::getAlertId)
        .containsExactly(tuple(CaseStep.OPENED, ARMS + "/m1"));
    assertThat(monitor.caseOf(ARMS + "/RUS/PRK").getHistory())
        .extracting(CaseHistoryEntry::getStep, CaseHistoryEntry::getAlertId)
        .containsExactly(tuple(CaseStep.OPENED, ARMS + "/air-defence"));
    Case toRussia = monitor.caseOf(ARMS + "/PRK/RUS");
    assertThat(toRussia.getAlertCount()).isEqualTo(3);
    assertThat(toRussia.getTotals())
        .extracting(CaseTotal::getUnit, CaseTotal::getAmount)
        .containsExactly(tuple("CONTAINERS", 270.0), tuple("UNITS", 10.0));
    assertThat(monitor.caseOf(ARMS + "/RUS/PRK").getAlertCount()).isEqualTo(1);
    assertThat(monitor.cases().values().stream().mapToLong(Case::getAlertCount).sum())
        .isEqualTo(alerts.size());
  }

  @Test
  void shouldNotifyOnOpeningAndEscalationButNotForAPlainUpdateWithinTheQuietInterval() {
    // given
    monitor.rules(defaultRules());

    // when
    monitor.send(refined("d1", "2024-03-01T00:00:00Z", 380_000));
    monitor.send(containers("m1", "2023-09-07T00:00:00Z", CargoCategory.MUNITIONS, 120));
    monitor.send(containers("m2", "2023-09-14T00:00:00Z", CargoCategory.MUNITIONS, 150));
    monitor.send(refined("d2", "2024-04-01T00:00:00Z", 70_000));
    List<CaseNotification> withinInterval = monitor.notifications();
    monitor.advanceClock(Duration.ofMinutes(5));

    // then: the cap opens at 75 % and escalates at 90 %, the reporting gap opens (nothing was
    // reported); its second alert (Russia's) and the second shipment wait
    assertThat(withinInterval)
        .extracting(
            CaseNotification::getCaseId, CaseNotification::getKind, CaseNotification::getLevel)
        .containsExactly(
            tuple(GAP_CASE, CaseChange.OPENED, "REPORTING_GAP"),
            tuple(CAP_CASE, CaseChange.OPENED, "NOTICE_75"),
            tuple(ARMS + "/PRK/RUS", CaseChange.OPENED, null),
            tuple(CAP_CASE, CaseChange.ESCALATED, "NOTICE_90"));
    assertThat(withinInterval.get(3).getSeverity()).isEqualTo(Severity.HIGH);
    assertThat(monitor.notifications())
        .hasSize(6)
        .last()
        .satisfies(
            n -> {
              assertThat(n.getCaseId()).isEqualTo(ARMS + "/PRK/RUS");
              assertThat(n.getKind()).isEqualTo(CaseChange.UPDATED);
              assertThat(n.getNewAlerts()).isEqualTo(1);
              assertThat(n.getAlertCount()).isEqualTo(2);
            });
  }

  @Test
  void shouldWriteNotificationsToTheTopicSetForThemAndPageNobodyOnTheUsualOne() {
    // given: a monitor replaying the event topics for an upgrade (docs/upgrading.md)
    MonitorConfig replay =
        MonitorSettings.parse(
            Map.of(
                MonitorSettings.NOTIFICATIONS_TOPIC, "tm.notifications.upgrade",
                MonitorSettings.CASE_QUIET_INTERVAL, "1s"));
    try (MonitorDriver replaying = new MonitorDriver(replay)) {
      TestOutputTopic<String, CaseNotification> usual =
          replaying.driver.createOutputTopic(
              "tm.notifications",
              new StringDeserializer(),
              AvroSerde.forValue(replaying.registry, CaseNotification.class).deserializer());
      replaying.rules(defaultRules());

      // when
      replaying.send(refined("d1", "2024-03-01T00:00:00Z", 380_000));
      replaying.send(containers("m1", "2023-09-07T00:00:00Z", CargoCategory.MUNITIONS, 120));
      replaying.send(containers("m2", "2023-09-14T00:00:00Z", CargoCategory.MUNITIONS, 150));
      replaying.advanceClock(Duration.ofSeconds(2));

      // then: the cases open and count as ever, their notifications on the topic set for them,
      // the updates held back by the (short) quiet interval included (the reporting gap's alert
      // for Russia, the second shipment), and none on tm.notifications
      assertThat(replaying.notifications())
          .extracting(CaseNotification::getCaseId, CaseNotification::getKind)
          .containsExactly(
              tuple(GAP_CASE, CaseChange.OPENED),
              tuple(CAP_CASE, CaseChange.OPENED),
              tuple(GAP_CASE, CaseChange.UPDATED),
              tuple(ARMS + "/PRK/RUS", CaseChange.OPENED),
              tuple(ARMS + "/PRK/RUS", CaseChange.UPDATED));
      assertThat(usual.isEmpty()).isTrue();
      assertThat(replaying.caseOf(ARMS + "/PRK/RUS"))
          .satisfies(
              c -> {
                assertThat(c.getAlertCount()).isEqualTo(2);
                assertThat(c.getNotificationCount()).isEqualTo(2);
                assertThat(c.getUnnotifiedAlerts()).isZero();
              });
    }
  }

  @Test
  void shouldRaiseNoSecondNotificationWhenTheEventsAreReplayed() {
    // given
    monitor.rules(defaultRules());
    List<SpecificRecord> events =
        List.of(
            refined("d1", "2024-03-01T00:00:00Z", 500_000),
            containers("m1", "2023-09-07T00:00:00Z", CargoCategory.MUNITIONS, 120),
            arms("air-defence", "2024-11-15T00:00:00Z", "RUS", "PRK"));
    events.forEach(monitor::send);
    // the updates held back by the quiet interval (the reporting gap's per-state alerts) go out
    monitor.advanceClock(Duration.ofMinutes(10));
    List<CaseNotification> first = monitor.notifications();

    // when
    events.forEach(monitor::send);
    monitor.advanceClock(Duration.ofMinutes(10));

    // then: the cap opens and escalates three times, the reporting gap opens, escalates to the
    // unreported breach and is updated once, the two arms cases open
    assertThat(first).hasSize(9);
    assertThat(monitor.notifications()).isEqualTo(first);
    assertThat(monitor.caseOf(CAP_CASE).getAlertCount()).isEqualTo(4);
  }
}
