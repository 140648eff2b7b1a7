package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.refined;
import static io.transfermonitor.streams.Events.tanker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.PeriodSpec;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.validation.RejectedEventLimit;
import io.transfermonitor.streams.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RejectedEventsTest {

  private final MonitorDriver monitor = new MonitorDriver();

  @AfterEach
  void close() {
    monitor.close();
  }

  @Test
  void shouldRejectGarbageNegativeQuantitiesAndUnknownUnitsAndStillCountTheNextValidEvent() {
    // given
    monitor.rules(defaultRules());
    String topic = monitor.config.topics().eventTopic(EventKind.TANKER_DELIVERY);
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);

    // when
    monitor.sendRaw(EventKind.TANKER_DELIVERY, "junk", garbage);
    monitor.send(refined("negative", "2024-03-01T00:00:00Z", -5));
    monitor.send(
        tanker(
            "gallons",
            SourceKind.OBSERVED,
            "2024-03-02T00:00:00Z",
            ProductClass.REFINED,
            "DIESEL",
            1_000_000,
            "GALLON"));
    monitor.send(refined("valid", "2024-03-03T00:00:00Z", 375_000));

    // then
    List<RejectedEvent> rejected = monitor.rejected.readValuesToList();
    assertThat(rejected).hasSize(3);
    RejectedEvent undecodable = rejected.get(0);
    assertThat(undecodable.getStage()).isEqualTo(RejectionStage.DESERIALIZATION);
    assertThat(undecodable.getReason()).contains("magic byte");
    assertThat(undecodable.getSourceTopic()).isEqualTo(topic);
    assertThat(undecodable.getSourceOffset()).isEqualTo(0L);
    assertThat(undecodable.getRawValue().array()).isEqualTo(garbage);
    assertThat(new String(undecodable.getRawKey().array(), StandardCharsets.UTF_8))
        .isEqualTo("junk");

    RejectedEvent negative = rejected.get(1);
    assertThat(negative.getStage()).isEqualTo(RejectionStage.VALIDATION);
    assertThat(negative.getField()).isEqualTo("quantity");
    assertThat(negative.getReason()).contains("quantity: must not be negative (was -5.0)");
    assertThat(negative.getEventId()).isEqualTo("negative");
    assertThat(negative.getSourceTopic()).isEqualTo(topic);
    assertThat(negative.getSourceOffset()).isEqualTo(1L);
    assertThat(negative.getRawValue()).isNotNull();

    RejectedEvent gallons = rejected.get(2);
    assertThat(gallons.getField()).isEqualTo("unit");
    assertThat(gallons.getReason()).contains("unknown unit 'GALLON'");

    assertThat(monitor.alerts(RuleKind.CAP))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getLevel()).isEqualTo("NOTICE_75");
              assertThat(alert.getTotal()).isEqualTo(375_000.0);
              assertThat(alert.getTriggeringEventIds()).containsExactly("valid");
            });
  }

  @Test
  void shouldCountEachStageInTheMetrics() {
    // given
    monitor.rules(defaultRules());

    // when
    monitor.sendRaw(EventKind.TANKER_DELIVERY, "junk", new byte[] {1, 2, 3});
    monitor.send(refined("bad", "2024-03-01T00:00:00Z", -5));
    monitor.send(refined("good", "2024-03-01T00:00:00Z", 400_000));
    monitor.send(refined("good", "2024-03-01T00:00:00Z", 400_000));

    // then
    assertThat(monitor.count("tm.events.in", "kind", "TANKER_DELIVERY")).isEqualTo(4);
    assertThat(monitor.count("tm.events.valid", "kind", "TANKER_DELIVERY")).isEqualTo(2);
    assertThat(monitor.count("tm.events.rejected", "stage", "DESERIALIZATION")).isEqualTo(1);
    assertThat(monitor.count("tm.events.rejected", "stage", "VALIDATION")).isEqualTo(1);
    assertThat(monitor.count("tm.events.duplicate", "kind", "TANKER_DELIVERY")).isEqualTo(1);
    assertThat(monitor.count("tm.alerts", "severity", "MEDIUM")).isEqualTo(1);
  }

  @Test
  void shouldRejectTheEventARuleCannotBeAppliedToAndKeepCounting() {
    // given: a CAP rule whose period anchor no year has (published around the rules file check)
    Rule broken =
        Rule.newBuilder(Events.defaultRule(Events.CRUDE_CAP))
            .setPeriod(new PeriodSpec(2, 30, 12))
            .build();
    monitor.rules(defaultRules());
    monitor.rule(broken);

    // when
    monitor.send(
        tanker(
            "crude",
            SourceKind.OBSERVED,
            "2024-03-01T00:00:00Z",
            ProductClass.CRUDE,
            "CRUDE",
            3_500_000,
            "BARREL"));
    monitor.send(refined("refined", "2024-03-02T00:00:00Z", 400_000));

    // then: the reject names the input record (it fails where it is read, on its own partition,
    // so it keeps the record's own bytes to be fixed and replayed)
    String topic = monitor.config.topics().eventTopic(EventKind.TANKER_DELIVERY);
    assertThat(monitor.rejected.readValuesToList())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getStage()).isEqualTo(RejectionStage.PROCESSING);
              assertThat(r.getEventId()).isEqualTo("crude");
              assertThat(r.getSourceTopic()).isEqualTo(topic);
              assertThat(r.getSourcePartition()).isEqualTo(0);
              assertThat(r.getSourceOffset()).isEqualTo(0L);
              assertThat(r.getRawValue()).isNotNull();
              assertThat(r.getReason())
                  .contains("rule unscr-2397-crude-oil-cap: period anchorDay must be 1-28");
            });
    assertThat(monitor.alerts(RuleKind.CAP))
        .extracting(Alert::getLevel)
        .containsExactly("NOTICE_75");
  }

  @Test
  void shouldRejectEventsDatedFarInTheFutureAndUnknownProducts() {
    // given
    monitor.rules(defaultRules());

    // when
    monitor.send(refined("future", "2030-01-01T00:00:00Z", 10));
    monitor.send(
        tanker(
            "jet",
            SourceKind.OBSERVED,
            "2024-01-05T00:00:00Z",
            ProductClass.REFINED,
            "JET_A1",
            10,
            "BARREL"));

    // then
    assertThat(monitor.rejected.readValuesToList())
        .extracting(RejectedEvent::getField)
        .containsExactly("header.eventTime", "product");
    assertThat(monitor.alerts()).extracting(Alert::getAlertId).isEmpty();
  }

  @Test
  void shouldRejectImplausibleTimesAndQuantitiesAtValidationAndKeepTotalsFinite() {
    // given
    monitor.rules(defaultRules());
    String topic = monitor.config.topics().eventTopic(EventKind.TANKER_DELIVERY);
    TankerDelivery smallestTime = refined("min-time", "2024-03-01T00:00:00Z", 10);
    smallestTime.getHeader().setEventTime(Instant.ofEpochMilli(Long.MIN_VALUE));

    // when
    monitor.send(smallestTime);
    monitor.send(refined("year-one", "0001-06-01T00:00:00Z", 10));
    monitor.send(refined("huge", "2024-03-01T00:00:00Z", 1e308));
    monitor.send(refined("absurd", "2024-03-01T00:00:00Z", 4e15));
    monitor.send(refined("valid", "2024-03-03T00:00:00Z", 375_000));

    // then: each rejected where it can be fixed, with its own bytes; the total stays exact
    assertThat(monitor.rejected.readValuesToList())
        .allSatisfy(
            r -> {
              assertThat(r.getStage()).isEqualTo(RejectionStage.VALIDATION);
              assertThat(r.getSourceTopic()).isEqualTo(topic);
              assertThat(r.getRawValue()).isNotNull();
            })
        .extracting(RejectedEvent::getEventId, RejectedEvent::getField)
        .containsExactly(
            tuple("min-time", "header.eventTime"),
            tuple("year-one", "header.eventTime"),
            tuple("huge", "quantity"),
            tuple("absurd", "quantity"));
    assertThat(monitor.alerts(RuleKind.CAP))
        .singleElement()
        .satisfies(alert -> assertThat(alert.getTotal()).isEqualTo(375_000.0));
  }

  @Test
  void shouldCountAValidEventWithAStringOverSixtyFourKibibytes() {
    // given: a vessel name of 70,000 bytes, more than writeUTF could carry across a repartition
    monitor.rules(defaultRules());
    TankerDelivery longName = refined("long-name", "2024-03-01T00:00:00Z", 375_000);
    longName.setVesselName("V".repeat(70_000));

    // when
    monitor.send(longName);

    // then
    assertThat(monitor.rejected.readValuesToList()).isEmpty();
    assertThat(monitor.alerts(RuleKind.CAP))
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.getLevel()).isEqualTo("NOTICE_75");
              assertThat(alert.getTriggeringEventIds()).containsExactly("long-name");
            });
  }

  @Test
  void shouldSetAsideAnEventTooLargeForTheInternalTopicsAndCountTheNext() {
    // given: a delivery with a 1.5 MB vessel name
    monitor.rules(defaultRules());
    TankerDelivery huge = refined("huge-name", "2024-03-01T00:00:00Z", 100_000);
    huge.setVesselName("V".repeat(1_500_000));

    // when
    monitor.send(huge);
    monitor.send(refined("after", "2024-03-02T00:00:00Z", 375_000));

    // then: rejected naming the field, its bytes cut to fit, the good event after it counted
    assertThat(monitor.rejected.readValuesToList())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getField()).isEqualTo("vesselName");
              assertThat(r.getRawValueSize()).isGreaterThan(1_500_000L);
              assertThat(r.getRawValue().remaining())
                  .isLessThan(RejectedEventLimit.DEFAULT_MAX_BYTES);
              assertThat(r.getReason()).contains("the whole record is at");
            });
    assertThat(monitor.alerts(RuleKind.CAP))
        .singleElement()
        .satisfies(alert -> assertThat(alert.getTriggeringEventIds()).containsExactly("after"));
  }
}
