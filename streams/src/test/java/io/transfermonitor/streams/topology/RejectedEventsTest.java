package io.transfermonitor.streams.topology;

import static io.transfermonitor.streams.Events.defaultRules;
import static io.transfermonitor.streams.Events.refined;
import static io.transfermonitor.streams.Events.tanker;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Alert;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.PeriodSpec;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.RejectedEvent;
import io.transfermonitor.model.RejectionStage;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.RuleKind;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.streams.Events;
import java.nio.charset.StandardCharsets;
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
    assertThat(monitor.count("tm.events.in", "kind", "TANKER_DELIVERY")).isEqualTo(3);
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

    // then
    assertThat(monitor.rejected.readValuesToList())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getStage()).isEqualTo(RejectionStage.PROCESSING);
              assertThat(r.getEventId()).isEqualTo("crude");
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
}
