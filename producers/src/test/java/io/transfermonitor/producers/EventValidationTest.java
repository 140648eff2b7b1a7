package io.transfermonitor.producers;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.producers.scenario.SeedScenario;
import io.transfermonitor.schemas.validation.EventValidator;
import io.transfermonitor.schemas.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventValidationTest {

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  private final EventValidator validator =
      new EventValidator(EventValidator.DEFAULT_PRODUCTS, Duration.ofDays(1));

  private static EventHeader header(Instant time) {
    return EventHeader.newBuilder()
        .setEventId("e-1")
        .setSourceName("test")
        .setSourceKind(SourceKind.OBSERVED)
        .setEventTime(time)
        .setOrigin("RUS")
        .setDestination("PRK")
        .build();
  }

  private static TankerDelivery.Builder tanker() {
    return TankerDelivery.newBuilder()
        .setHeader(header(Instant.parse("2024-03-01T00:00:00Z")))
        .setProductClass(ProductClass.REFINED)
        .setProduct("DIESEL")
        .setQuantity(100)
        .setUnit("BARREL");
  }

  @Test
  void shouldAcceptEveryEventOfTheSeedScenario() {
    assertThat(SeedScenario.events())
        .allSatisfy(e -> assertThat(validator.check(e, NOW.toEpochMilli())).isEmpty());
  }

  @Test
  void shouldRejectANegativeQuantity() {
    assertThat(validator.check(tanker().setQuantity(-5).build(), NOW.toEpochMilli()))
        .containsExactly(new Violation("quantity", "must not be negative (was -5.0)"));
  }

  @Test
  void shouldRejectAnUnknownUnit() {
    assertThat(validator.check(tanker().setUnit("GALLON").build(), NOW.toEpochMilli()))
        .containsExactly(
            new Violation(
                "unit",
                "unknown unit 'GALLON' (expected one of [BARREL, KILOLITRE, LITRE, METRIC_TON])"));
  }

  @Test
  void shouldRejectBadCodesAndFutureTimes() {
    TankerDelivery t =
        tanker()
            .setHeader(header(NOW.plusSeconds(3 * 86_400)))
            .setVesselImo("12345")
            .setVesselFlag("KP")
            .build();
    assertThat(validator.check(t, NOW.toEpochMilli()))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("header.eventTime", "vesselImo", "vesselFlag");
  }

  @Test
  void shouldRequirePositiveCounts() {
    TroopDeployment none =
        TroopDeployment.newBuilder()
            .setHeader(header(Instant.parse("2024-10-01T00:00:00Z")))
            .setPersonnel(0)
            .build();
    assertThat(validator.check(none, NOW.toEpochMilli()))
        .containsExactly(new Violation("personnel", "must be positive (was 0)"));
  }
}
