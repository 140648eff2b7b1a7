package io.transfermonitor.streams.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.schemas.validation.Violation;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.config.MonitorConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

  private final EventValidator validator =
      new EventValidator(
          MonitorConfig.defaults().knownProducts(), MonitorConfig.defaults().maxFutureSkew());
  private final long now = Instant.parse("2025-06-30T00:00:00Z").toEpochMilli();

  @Test
  void shouldAcceptAWellFormedDelivery() {
    assertThat(validator.check(Events.refined("ok", "2024-01-01T00:00:00Z", 0), now)).isEmpty();
  }

  @Test
  void shouldNameTheFieldAndTheReasonOfEachProblem() {
    TankerDelivery bad =
        Events.tanker(
            "bad",
            SourceKind.OBSERVED,
            "2026-01-01T00:00:00Z",
            ProductClass.REFINED,
            "JET",
            -1,
            "GALLON");
    bad.getHeader().setDestination("North Korea");

    assertThat(validator.check(bad, now))
        .extracting(Violation::field)
        .containsExactly("header.eventTime", "header.destination", "quantity", "unit", "product");
  }

  @Test
  void shouldRequireBothEndsOfAContainerShipmentAndAPositiveCount() {
    ContainerShipment shipment =
        Events.containers("c", "2024-01-01T00:00:00Z", CargoCategory.MUNITIONS, 0);
    shipment.getHeader().setDestination(null);

    assertThat(validator.check(shipment, now))
        .extracting(Violation::toString)
        .containsExactly(
            "containers: must be positive (was 0)",
            "header.destination: is required: where the transfer goes");
  }

  @Test
  void shouldAllowSmallClockSkewButNotADayAhead() {
    assertThat(validator.check(Events.refined("soon", "2025-06-30T06:00:00Z", 1), now)).isEmpty();
    assertThat(validator.check(Events.refined("later", "2025-07-01T00:00:01Z", 1), now))
        .extracting(Violation::field)
        .containsExactly("header.eventTime");
  }
}
