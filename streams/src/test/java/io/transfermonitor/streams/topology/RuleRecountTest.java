package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.REFINED_CAP;
import static io.transfermonitor.streams.Events.defaultRule;
import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.refined;
import static io.transfermonitor.streams.Events.sighting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.CapUsage;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.RuleRecount;
import io.transfermonitor.model.TankerDelivery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code rules recount} on the production topology: a cap tombstoned and restored counts, on
 * request, the deliveries that came while it was gone, and only those, once; its ledger ends where
 * it would stand had the cap never gone.
 */
class RuleRecountTest {

  private static final TankerDelivery BEFORE = refined("d1", "2024-03-01T00:00:00Z", 375_000);
  private static final TankerDelivery GAP_1 = refined("d2", "2024-04-01T00:00:00Z", 100_000);
  private static final TankerDelivery GAP_2 = refined("d3", "2024-04-15T00:00:00Z", 20_000);
  private static final TankerDelivery AFTER = refined("d4", "2024-05-01T00:00:00Z", 5_000);
  private static final TankerDelivery SEEN =
      sighting("s1", "2024-06-01T00:00:00Z", 50_000, "9000001", "Nampo", "imagery");
  private static final TankerDelivery SEEN_LARGER =
      sighting("s2", "2024-06-01T12:00:00Z", 70_000, "9000001", "Nampo", "AIS");
  private static final TankerDelivery SEEN_NEXT =
      sighting("s3", "2024-07-01T00:00:00Z", 30_000, "9000001", "Nampo", "AIS");

  private final MonitorDriver monitor = new MonitorDriver();

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldCountTheDeliveriesOfTheGapOnceAsIfTheCapHadNeverGone() {
    // given: a delivery counted, the cap tombstoned, two deliveries, the cap restored, one more
    monitor.rules(defaultRules());
    monitor.send(BEFORE);
    monitor.removeRule(REFINED_CAP);
    monitor.send(GAP_1);
    monitor.send(GAP_2);
    monitor.rule(defaultRule(REFINED_CAP));
    monitor.send(AFTER);
    assertThat(latestUsage().getTotal()).isEqualTo(380_000.0);
    monitor.alerts();

    // when
    monitor.recount("r1", REFINED_CAP);

    // then: the gap's deliveries counted, the ledger as if the cap had never gone
    CapUsage usage = latestUsage();
    assertThat(usage.getTotal()).isEqualTo(500_000.0);
    assertThat(usage.getEventCount()).isEqualTo(4L);
    assertThat(usage)
        .usingRecursiveComparison()
        .comparingOnlyFields("total", "eventCount", "deliveryCount")
        .isEqualTo(neverGone(BEFORE, GAP_1, GAP_2, AFTER));
    // the levels crossed are raised, naming the recounted deliveries
    List<Alert> alerts = monitor.alerts(RuleKind.CAP);
    assertThat(alerts)
        .extracting(Alert::getLevel)
        .containsExactly("NOTICE_90", "CEASE_SUPPLY_95", "BREACH");
    assertThat(alerts.get(alerts.size() - 1).getTriggeringEventIds()).contains("d2", "d3");
    // and the task said what it counted: of the events it read, and none of its observations
    assertThat(reports())
        .extracting(RuleRecount::getRequestId, RuleRecount::getEvents, RuleRecount::getAmount)
        .containsExactlyInAnyOrder(tuple("r1", 2L, 120_000.0), tuple("r1", 0L, 0.0));
  }

  @Test
  void shouldCountNothingTwiceWhenTheRecountIsRepeatedOrRequestedAgain() {
    // given: the gap recounted
    monitor.rules(defaultRules());
    monitor.send(BEFORE);
    monitor.removeRule(REFINED_CAP);
    monitor.send(GAP_1);
    monitor.rule(defaultRule(REFINED_CAP));
    monitor.send(AFTER);
    monitor.recount("r1", REFINED_CAP);
    assertThat(latestUsage().getTotal()).isEqualTo(480_000.0);
    monitor.alerts();
    reports();

    // when: the same request published again, then a new request
    monitor.recount("r1", REFINED_CAP);
    monitor.recount("r2", REFINED_CAP);

    // then: nothing more counted, no alert; the new request reports zero
    assertThat(monitor.capUsage.readValuesToList()).isEmpty();
    assertThat(monitor.alerts(RuleKind.CAP)).isEmpty();
    assertThat(reports())
        .extracting(RuleRecount::getRequestId, RuleRecount::getEvents)
        .containsExactly(tuple("r2", 0L), tuple("r2", 0L));
  }

  @Test
  void shouldNotCountTheDeliveriesCountedWhileTheCapWasLive() {
    // given: the cap never gone
    monitor.rules(defaultRules());
    monitor.send(BEFORE);
    monitor.send(AFTER);
    monitor.capUsage.readValuesToList();

    // when
    monitor.recount("r1", REFINED_CAP);

    // then
    assertThat(monitor.capUsage.readValuesToList()).isEmpty();
    assertThat(reports()).extracting(RuleRecount::getEvents).containsExactly(0L, 0L);
  }

  @Test
  void shouldCountADeliveryWhoseSumWasNotSentWhenTheCapWent() {
    // given: a delivery read, its sum not sent yet, when the tombstone comes
    monitor.rules(defaultRules());
    monitor.send(BEFORE);
    monitor.sendUnsent(GAP_1);
    monitor.removeRule(REFINED_CAP);
    monitor.send(GAP_2);
    monitor.rule(defaultRule(REFINED_CAP));
    assertThat(latestUsage().getTotal()).isEqualTo(375_000.0);

    // when
    monitor.recount("r1", REFINED_CAP);

    // then: both counted, once
    CapUsage usage = latestUsage();
    assertThat(usage.getTotal()).isEqualTo(495_000.0);
    assertThat(usage.getEventCount()).isEqualTo(3L);
  }

  @Test
  void shouldCountADeliveryCorroboratedWhileTheCapWasGoneOnceOnItsVesselsTask() {
    // given: a delivery counted; a vessel seen at Nampo (50,000 bbl, counted), the cap tombstoned,
    // the same delivery seen larger 12 hours later (70,000) and the vessel's next delivery, the cap
    // restored
    monitor.rules(defaultRules());
    monitor.send(BEFORE);
    monitor.send(SEEN);
    monitor.removeRule(REFINED_CAP);
    monitor.send(SEEN_LARGER);
    monitor.send(SEEN_NEXT);
    monitor.rule(defaultRule(REFINED_CAP));
    assertThat(latestUsage().getTotal()).isEqualTo(425_000.0);
    monitor.alerts();

    // when
    monitor.recount("r1", REFINED_CAP);

    // then: the first delivery by its largest observation, once, and the next one: the ledger as
    // on a monitor where the cap never went
    CapUsage usage = latestUsage();
    assertThat(usage.getTotal()).isEqualTo(475_000.0);
    assertThat(usage)
        .usingRecursiveComparison()
        .comparingOnlyFields("total", "eventCount", "deliveryCount", "corroboratedDeliveryCount")
        .isEqualTo(neverGone(BEFORE, SEEN, SEEN_LARGER, SEEN_NEXT));
    assertThat(usage.getCorroboratedDeliveryCount()).isEqualTo(1L);
    // the levels crossed are raised, naming the observations
    List<Alert> alerts = monitor.alerts(RuleKind.CAP);
    assertThat(alerts).extracting(Alert::getLevel).containsExactly("NOTICE_90", "CEASE_SUPPLY_95");
    assertThat(alerts.get(alerts.size() - 1).getTriggeringEventIds()).contains("s2", "s3");
    // each task reports the events it read and the observations it corroborates apart
    assertThat(reports())
        .extracting(RuleRecount::getObservations, RuleRecount::getEvents, RuleRecount::getAmount)
        .containsExactlyInAnyOrder(tuple(false, 0L, 0.0), tuple(true, 2L, 50_000.0));

    // when: asked again, and anew
    monitor.recount("r1", REFINED_CAP);
    monitor.recount("r2", REFINED_CAP);

    // then: nothing counted twice
    assertThat(monitor.capUsage.readValuesToList()).isEmpty();
    assertThat(monitor.alerts(RuleKind.CAP)).isEmpty();
    assertThat(reports())
        .extracting(RuleRecount::getRequestId, RuleRecount::getObservations, RuleRecount::getEvents)
        .containsExactlyInAnyOrder(tuple("r2", false, 0L), tuple("r2", true, 0L));
  }

  @Test
  void shouldCountAnObservationOnItsWayToItsVesselsTaskWhenTheCapWent() {
    // given: an observation read, not yet sent to its vessel's task, when the tombstone comes
    monitor.rules(defaultRules());
    monitor.send(BEFORE);
    monitor.sendUnsent(SEEN);
    monitor.removeRule(REFINED_CAP);
    monitor.send(GAP_2);
    monitor.rule(defaultRule(REFINED_CAP));
    assertThat(latestUsage().getTotal()).isEqualTo(375_000.0);

    // when
    monitor.recount("r1", REFINED_CAP);

    // then: both counted, the observation on its vessel's task
    assertThat(latestUsage().getTotal()).isEqualTo(445_000.0);
    assertThat(reports())
        .extracting(RuleRecount::getObservations, RuleRecount::getEvents)
        .containsExactlyInAnyOrder(tuple(false, 1L), tuple(true, 1L));
  }

  @Test
  void shouldSendTheSumOfADeliveryCorroboratedJustBeforeTheCapWentOnceItIsBack() {
    // given: an observation corroborated on its vessel's task, its sum not sent on yet, when the
    // tombstone comes; then the cap restored and one more delivery
    monitor.rules(defaultRules());
    monitor.send(BEFORE);
    monitor.sendUnsent(SEEN);
    monitor.advanceClock(monitor.config.commitInterval());
    monitor.removeRule(REFINED_CAP);
    monitor.advanceClock(monitor.config.commitInterval());
    assertThat(latestUsage().getTotal()).isEqualTo(375_000.0);

    // when
    monitor.rule(defaultRule(REFINED_CAP));
    monitor.send(AFTER);

    // then: the sum held meanwhile is counted once the cap is back, and a recount adds nothing
    assertThat(latestUsage().getTotal()).isEqualTo(430_000.0);
    monitor.recount("r1", REFINED_CAP);
    assertThat(monitor.capUsage.readValuesToList()).isEmpty();
    assertThat(reports()).extracting(RuleRecount::getEvents).containsExactly(0L, 0L);
  }

  @Test
  void shouldCountOnlyTheEventsFirstSeenSinceTheTimeAsked() {
    // given: one delivery of the gap read at once, the other a day later (by the monitor's clock)
    monitor.rules(defaultRules());
    monitor.removeRule(REFINED_CAP);
    monitor.send(GAP_1);
    monitor.advanceClock(Duration.ofDays(1));
    monitor.send(GAP_2);
    monitor.rule(defaultRule(REFINED_CAP));

    // when: recounted since 12 hours after the start
    monitor.recount("r1", REFINED_CAP, MonitorDriver.NOW.plus(Duration.ofHours(12)));

    // then: only the later one; the earlier one is left to another request
    assertThat(latestUsage().getTotal()).isEqualTo(20_000.0);
    monitor.recount("r2", REFINED_CAP);
    assertThat(latestUsage().getTotal()).isEqualTo(120_000.0);
  }

  /** The cap's usage had it never gone: the same deliveries on a monitor of their own. */
  private static CapUsage neverGone(TankerDelivery... deliveries) {
    try (MonitorDriver other = new MonitorDriver()) {
      other.rules(defaultRules());
      for (TankerDelivery delivery : deliveries) {
        other.send(delivery);
      }
      List<CapUsage> usage = other.capUsage.readValuesToList();
      return usage.get(usage.size() - 1);
    }
  }

  private CapUsage latestUsage() {
    List<CapUsage> usage =
        monitor.capUsage.readValuesToList().stream()
            .filter(u -> u.getRuleId().equals(REFINED_CAP))
            .toList();
    assertThat(usage).isNotEmpty();
    return usage.get(usage.size() - 1);
  }

  /** The tasks' reports written since the last call (the requests on the topic skipped). */
  private List<RuleRecount> reports() {
    return monitor.recounts.readValuesToList().stream().filter(r -> r.getTask() != null).toList();
  }
}
