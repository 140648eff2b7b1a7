package io.transfermonitor.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ComponentFinding;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.RouteLeg;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.model.TroopDeployment;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The domain checks of one event: each problem named by its field, with the reason. */
class EventValidatorTest {

  private static final Instant NOW = Instant.parse("2025-06-30T00:00:00Z");

  private final EventValidator validator = new EventValidator();

  private static EventHeader header(String time, String from, String to) {
    return EventHeader.newBuilder()
        .setEventId("e-1")
        .setSourceName("test source")
        .setSourceKind(SourceKind.OBSERVED)
        .setEventTime(Instant.parse(time))
        .setOrigin(from)
        .setDestination(to)
        .build();
  }

  /** Diesel from Russia to the DPRK, in barrels. */
  private static TankerDelivery.Builder tanker(String time) {
    return TankerDelivery.newBuilder()
        .setHeader(header(time, "RUS", "PRK"))
        .setVesselName("Test Tanker")
        .setVesselFlag("SLE")
        .setProductClass(ProductClass.REFINED)
        .setProduct("DIESEL")
        .setQuantity(100)
        .setUnit("BARREL");
  }

  private static ContainerShipment.Builder containers(int count) {
    return ContainerShipment.newBuilder()
        .setHeader(header("2024-01-01T00:00:00Z", "PRK", "RUS"))
        .setContainers(count)
        .setCargoCategory(CargoCategory.MUNITIONS)
        .setTransportMode(TransportMode.SEA);
  }

  private long now() {
    return NOW.toEpochMilli();
  }

  private static ComponentFinding.Builder finding() {
    return ComponentFinding.newBuilder()
        .setHeader(header("2024-01-02T00:00:00Z", "PRK", "UKR"))
        .setWeaponType("short-range ballistic missile")
        .setMaker("Example Maker US-A")
        .setMakerCountry("USA")
        .setHsCode("8542.31")
        .setManufactured(Instant.parse("2022-03-01T00:00:00Z"));
  }

  @Test
  void shouldAcceptAComponentFindingWithOrWithoutAnHsCode() {
    assertThat(validator.check(finding().build(), now())).isEmpty();
    assertThat(validator.check(finding().setHsCode(null).build(), now())).isEmpty();
    assertThat(validator.check(finding().setHsCode("854231").build(), now())).isEmpty();
    assertThat(validator.check(finding().setHsCode("8542.31.00.01").build(), now())).isEmpty();
  }

  @Test
  void shouldNameWhatIsWrongWithAComponentFinding() {
    assertThat(
            validator.check(
                finding()
                    .setMaker(" ")
                    .setMakerCountry("United States")
                    .setHsCode("8542")
                    .setManufactured(Instant.parse("2024-02-01T00:00:00Z"))
                    .build(),
                now()))
        .containsExactly(
            new Violation("maker", "is required: the component's maker"),
            new Violation(
                "makerCountry", "must be an ISO 3166-1 alpha-3 code, was 'United States'"),
            new Violation(
                "hsCode",
                "unknown HS code '8542': an HS code is six to ten digits, points allowed between"
                    + " groups (8542.31)"),
            new Violation(
                "manufactured",
                "made 2024-02-01T00:00:00Z, after the item was recovered (header.eventTime"
                    + " 2024-01-02T00:00:00Z): is the date code read right?"));
    assertThat(validator.check(finding().setHsCode("7701.10").build(), now()))
        .extracting(Violation::reason)
        .containsExactly(
            "unknown HS code '7701.10': chapter 77 is not a chapter of the Harmonized System"
                + " (01-97, 77 reserved)");
    assertThat(validator.check(finding().setHsCode("8542..31").build(), now()))
        .extracting(Violation::field)
        .containsExactly("hsCode");
  }

  @Test
  void shouldAcceptAWellFormedDelivery() {
    assertThat(validator.check(tanker("2024-01-01T00:00:00Z").build(), now())).isEmpty();
  }

  @Test
  void shouldNameTheFieldAndTheReasonOfEachProblem() {
    // given
    TankerDelivery bad =
        tanker("2026-01-01T00:00:00Z").setProduct("JET").setQuantity(-1).setUnit("GALLON").build();
    bad.getHeader().setDestination("North Korea");

    // when, then
    assertThat(validator.check(bad, now()))
        .extracting(Violation::field)
        .containsExactly("header.eventTime", "header.destination", "quantity", "unit", "product");
  }

  @Test
  void shouldRejectANegativeQuantity() {
    assertThat(validator.check(tanker("2024-03-01T00:00:00Z").setQuantity(-5).build(), now()))
        .containsExactly(new Violation("quantity", "must not be negative (was -5.0)"));
  }

  @Test
  void shouldRejectAnUnknownUnit() {
    assertThat(validator.check(tanker("2024-03-01T00:00:00Z").setUnit("GALLON").build(), now()))
        .containsExactly(
            new Violation(
                "unit",
                "unknown unit 'GALLON' (expected one of [BARREL, KILOLITRE, LITRE, METRIC_TON])"));
  }

  @Test
  void shouldRejectBadCodesAndFutureTimes() {
    TankerDelivery t =
        tanker("2025-07-03T00:00:00Z").setVesselImo("12345").setVesselFlag("KP").build();

    assertThat(validator.check(t, now()))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("header.eventTime", "vesselImo", "vesselFlag");
  }

  @Test
  void shouldRequireBothEndsOfAContainerShipmentAndAPositiveCount() {
    ContainerShipment shipment = containers(0).build();
    shipment.getHeader().setDestination(null);

    assertThat(validator.check(shipment, now()))
        .extracting(Violation::toString)
        .containsExactly(
            "containers: must be positive (was 0)",
            "header.destination: is required: where the transfer goes");
  }

  @Test
  void shouldRequirePositiveCounts() {
    TroopDeployment none =
        TroopDeployment.newBuilder()
            .setHeader(header("2024-10-01T00:00:00Z", "PRK", "RUS"))
            .setPersonnel(0)
            .build();

    assertThat(validator.check(none, now()))
        .containsExactly(new Violation("personnel", "must be positive (was 0)"));
  }

  @Test
  void shouldAllowSmallClockSkewButNotADayAhead() {
    assertThat(validator.check(tanker("2025-06-30T06:00:00Z").build(), now())).isEmpty();
    assertThat(validator.check(tanker("2025-07-01T00:00:01Z").build(), now()))
        .extracting(Violation::field)
        .containsExactly("header.eventTime");
  }

  @Test
  void shouldKnowOnlyTheProductsAndSkewItIsGiven() {
    // given
    EventValidator jetOnly = new EventValidator(Set.of("JET"), Duration.ofHours(1));

    // when, then
    assertThat(validator.check(tanker("2024-03-01T00:00:00Z").setProduct("JET").build(), now()))
        .extracting(Violation::field)
        .containsExactly("product");
    assertThat(jetOnly.check(tanker("2024-03-01T00:00:00Z").setProduct("JET").build(), now()))
        .isEmpty();
    assertThat(jetOnly.check(tanker("2025-06-30T02:00:00Z").setProduct("JET").build(), now()))
        .extracting(Violation::field)
        .containsExactly("header.eventTime");
  }

  @Test
  void shouldRejectEventTimesBeforeTheEarliestPlausibleOne() {
    // given: the smallest time Avro can carry, and year 1
    TankerDelivery minimum = tanker("2024-01-01T00:00:00Z").build();
    minimum.getHeader().setEventTime(Instant.ofEpochMilli(Long.MIN_VALUE));
    TankerDelivery yearOne = tanker("0001-01-01T00:00:00Z").build();

    // when, then
    assertThat(validator.check(minimum, now()))
        .extracting(Violation::field)
        .containsExactly("header.eventTime");
    assertThat(validator.check(yearOne, now()))
        .singleElement()
        .satisfies(v -> assertThat(v.reason()).contains("is before 1950-01-01T00:00:00Z"));
  }

  @Test
  void shouldRejectQuantitiesNoSingleDeliveryCanHave() {
    assertThat(validator.check(tanker("2024-03-01T00:00:00Z").setQuantity(1e308).build(), now()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("quantity");
              assertThat(v.reason()).contains("tm.validation.max.quantity");
            });
    assertThat(validator.check(tanker("2024-03-01T00:00:00Z").setQuantity(4e15).build(), now()))
        .extracting(Violation::field)
        .containsExactly("quantity");
    assertThat(validator.check(containers(Integer.MAX_VALUE).build(), now()))
        .extracting(Violation::field)
        .containsExactly("containers");
  }

  @Test
  void shouldTakeItsRangesFromTheLimitsItIsGiven() {
    // given: a validator that accepts up to 10 units and events from 2020 on
    ValidationLimits narrow =
        new ValidationLimits(
            Instant.parse("2020-01-01T00:00:00Z"), Duration.ofDays(1), 10, 10, 1024);
    EventValidator strict = new EventValidator(EventValidator.DEFAULT_PRODUCTS, narrow);

    // when, then
    assertThat(strict.check(tanker("2024-03-01T00:00:00Z").setQuantity(11).build(), now()))
        .extracting(Violation::field)
        .containsExactly("quantity");
    assertThat(strict.check(tanker("2019-12-31T23:59:59Z").setQuantity(10).build(), now()))
        .extracting(Violation::field)
        .containsExactly("header.eventTime");
    assertThat(strict.check(tanker("2024-03-01T00:00:00Z").setQuantity(10).build(), now()))
        .isEmpty();
  }

  @Test
  void shouldAcceptAStringOverSixtyFourKibibytes() {
    // given: a vessel name of 70,000 bytes, more than a Java modified-UTF-8 string can hold
    TankerDelivery longName =
        tanker("2024-03-01T00:00:00Z").setVesselName("V".repeat(70_000)).build();

    // when, then
    assertThat(validator.check(longName, now())).isEmpty();
  }

  @Test
  void shouldRejectAnEventWhoseTextCannotFitTheInternalTopicsNamingTheField() {
    // given: a 1.5 MB vessel name
    TankerDelivery huge = tanker("2024-03-01T00:00:00Z").setVesselName("é".repeat(750_000)).build();

    // when, then
    assertThat(validator.check(huge, now()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("vesselName");
              assertThat(v.reason()).contains("1500000").contains("tm.validation.max.text.bytes");
            });
  }

  @Test
  void shouldNameTheNestedFieldThatHoldsMostOfTheText() {
    // given: a shipment whose second leg names a carrier of 1.5 MB
    ContainerShipment huge =
        containers(40)
            .setRouteLegs(
                List.of(
                    new RouteLeg("Rajin", "Vladivostok", TransportMode.SEA, "Short Carrier"),
                    new RouteLeg("Vladivostok", "Dunai", TransportMode.SEA, "c".repeat(1_500_001))))
            .build();

    // when, then
    assertThat(validator.check(huge, now()))
        .extracting(Violation::field)
        .containsExactly("routeLegs[1].carrier");
  }

  @Test
  void shouldRejectAnIdLongerThanAKey() {
    TankerDelivery t = tanker("2024-03-01T00:00:00Z").build();
    t.getHeader().setEventId("x".repeat(ValidationLimits.MAX_ID_LENGTH + 1));

    assertThat(validator.check(t, now()))
        .extracting(Violation::field)
        .containsExactly("header.eventId");
  }

  @Test
  void shouldRejectThreeHundredThousandEmptyReferencesNamingTheArray() {
    // given: a valid delivery but for 300,000 empty references: 300 KB of Avro, no text at all
    TankerDelivery flood = tanker("2024-03-01T00:00:00Z").build();
    flood.getHeader().setReferences(Collections.nCopies(300_000, ""));

    // when, then
    assertThat(validator.check(flood, now()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("header.references");
              assertThat(v.reason()).contains("300000 items").contains("tm.validation.max.items");
            });
  }

  @Test
  void shouldLimitTheItemsOfEveryArrayNestedOnesIncluded() {
    // given: a party with 1,001 identifiers, a shipment with 1,001 route legs
    TankerDelivery parties = tanker("2024-03-01T00:00:00Z").build();
    Party owner =
        Party.newBuilder()
            .setName("Owner")
            .setRole(PartyRole.VESSEL_OWNER)
            .setIdentifiers(
                Collections.nCopies(1_001, new Identifier(IdentifierScheme.IMO, "9000001")))
            .build();
    parties.getHeader().setParties(List.of(owner));
    RouteLeg leg = new RouteLeg("Rajin", "Dunai", TransportMode.SEA, null);
    ContainerShipment legs = containers(4).setRouteLegs(Collections.nCopies(1_001, leg)).build();

    // when, then
    assertThat(validator.check(parties, now()))
        .extracting(Violation::field)
        .containsExactly("header.parties[0].identifiers");
    assertThat(validator.check(legs, now()))
        .extracting(Violation::field)
        .containsExactly("routeLegs");
    assertThat(
            validator.check(
                containers(4).setRouteLegs(Collections.nCopies(1_000, leg)).build(), now()))
        .isEmpty();
  }

  @Test
  void shouldRejectAnEventTooLargeEncodedThoughWithinItsTextAndItems() {
    // given: limits of 100 items and 4 KiB encoded; 100 references of 30 characters (3 KB of text,
    // about 4 KB encoded with their lengths)
    ValidationLimits small =
        new ValidationLimits(
            Instant.parse("1950-01-01T00:00:00Z"), Duration.ofDays(1), 1e9, 1e13, 8192, 100, 4096);
    EventValidator strict = new EventValidator(EventValidator.DEFAULT_PRODUCTS, small);
    TankerDelivery many = tanker("2024-03-01T00:00:00Z").build();
    many.getHeader().setReferences(Collections.nCopies(100, "r".repeat(30)));
    TankerDelivery few = tanker("2024-03-01T00:00:00Z").build();
    few.getHeader().setReferences(Collections.nCopies(10, "r".repeat(30)));

    // when, then
    assertThat(strict.check(many, now()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("header.references");
              assertThat(v.reason()).contains("tm.validation.max.event.bytes");
            });
    assertThat(strict.check(few, now())).isEmpty();
  }

  @Test
  void shouldCountTextAsWideAsJsonWritesItInTheEncodedSize() {
    // given: 200 KB of control characters in references (within the 512 KiB of text, but 1.2 MB
    // once JSON escapes them, as the monitor's ledger records do), and 200 KB of letters
    TankerDelivery control = tanker("2024-03-01T00:00:00Z").build();
    control.getHeader().setReferences(Collections.nCopies(100, "\u0001".repeat(2_000)));
    TankerDelivery letters = tanker("2024-03-01T00:00:00Z").build();
    letters.getHeader().setReferences(Collections.nCopies(100, "r".repeat(2_000)));

    // when, then
    assertThat(validator.check(control, now()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).startsWith("header.references");
              assertThat(v.reason()).contains("tm.validation.max.event.bytes");
            });
    assertThat(validator.check(letters, now())).isEmpty();
  }
}
