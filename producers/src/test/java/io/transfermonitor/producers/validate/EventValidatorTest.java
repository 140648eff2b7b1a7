package io.transfermonitor.producers.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.producers.scenario.SeedScenario;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  private final EventValidator validator =
      new EventValidator(Clock.fixed(NOW, ZoneOffset.UTC), EventValidator.PRODUCTS);

  private static EventHeader header(Instant time) {
    return EventHeader.newBuilder()
        .setEventId("e-1")
        .setSourceName("test")
        .setSourceKind(SourceKind.OBSERVED)
        .setEventTime(time)
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
    assertThat(SeedScenario.events()).allSatisfy(e -> assertThat(validator.validate(e)).isEmpty());
  }

  @Test
  void shouldRejectANegativeQuantity() {
    assertThat(validator.validate(tanker().setQuantity(-5).build()))
        .containsExactly(new Violation("quantity", "must not be negative (was -5.0)"));
  }

  @Test
  void shouldRejectAnUnknownUnit() {
    assertThat(validator.validate(tanker().setUnit("GALLON").build()))
        .containsExactly(
            new Violation(
                "unit",
                "unknown unit 'GALLON', expected one of [BARREL, KILOLITRE, LITRE, METRIC_TON]"));
  }

  @Test
  void shouldRejectBadCodesAndFutureTimes() {
    TankerDelivery t =
        tanker()
            .setHeader(header(NOW.plusSeconds(3 * 86_400)))
            .setVesselImo("12345")
            .setVesselFlag("KP")
            .build();
    assertThat(validator.validate(t))
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
    assertThat(validator.validate(none))
        .containsExactly(new Violation("personnel", "must be positive (was 0)"));
  }
}
