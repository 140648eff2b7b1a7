package io.transfermonitor.producers.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.transfermonitor.model.ArmsCategory;
import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.ComponentFinding;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.schemas.EventTypes;
import io.transfermonitor.schemas.validation.EventValidator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled seed scenario, {@code scenarios/seed-2023-2025.jsonl}, the one source of its events:
 * every line parses and passes the domain checks, and it carries the totals its README states.
 */
class SeedScenarioFileTest {

  private static final Map<String, Double> BARRELS_PER_TON =
      Map.of("DIESEL", 7.5, "GASOLINE", 8.5, "LPG", 11.6, "KEROSENE", 7.8, "FUEL_OIL", 6.7);

  private static final Instant VALIDATED_AT = Instant.parse("2025-06-01T00:00:00Z");

  private static List<SpecificRecord> events;

  @BeforeAll
  static void readBundledFile() {
    events = SeedScenarioFile.events(); // throws, naming the line, on any line that does not parse
  }

  @Test
  void shouldHold189EventsInEventTimeOrder() {
    assertThat(events).hasSize(189);
    assertThat(events.stream().map(e -> EventTypes.headerOf(e).getEventTime()).toList()).isSorted();
  }

  @Test
  void shouldPassTheDomainChecksInEveryEvent() {
    EventValidator validator = new EventValidator();

    assertThat(events)
        .allSatisfy(
            e -> assertThat(validator.check(e, VALIDATED_AT.toEpochMilli())).as(id(e)).isEmpty());
  }

  @Test
  void shouldHaveUniqueIdsAndCiteASeedFileInEveryEvent() {
    Set<String> ids = new HashSet<>();
    for (SpecificRecord event : events) {
      EventHeader header = EventTypes.headerOf(event);
      assertThat(ids.add(header.getEventId())).as(header.getEventId()).isTrue();
      assertThat(header.getReferences())
          .anyMatch(ref -> ref.matches("seed:00[0-4]_[0-9a-f]+\\.txt"));
    }
  }

  @Test
  void shouldSpanSeptember2023ToApril2025() {
    assertThat(events.stream().map(e -> EventTypes.headerOf(e).getEventTime()))
        .allMatch(t -> !t.isBefore(Instant.parse("2023-09-01T00:00:00Z")))
        .allMatch(t -> t.isBefore(Instant.parse("2025-05-01T00:00:00Z")));
  }

  @Test
  void shouldShipMoreThan20000ContainersAndMoreThan1000ByOctober2023() {
    long total = of(ContainerShipment.class).mapToLong(ContainerShipment::getContainers).sum();
    long byOctober =
        of(ContainerShipment.class)
            .filter(
                c -> c.getHeader().getEventTime().isBefore(Instant.parse("2023-11-01T00:00:00Z")))
            .mapToLong(ContainerShipment::getContainers)
            .sum();
    assertThat(total).isGreaterThan(20_000).isEqualTo(20_400);
    assertThat(byOctober).isGreaterThan(1_000).isEqualTo(1_200);
    assertThat(of(ContainerShipment.class))
        .allSatisfy(
            c -> {
              assertThat(c.getRouteLegs().get(0).getFrom()).isEqualTo("Rajin");
              assertThat(c.getRouteLegs().get(0).getTo()).isEqualTo("Dunai");
              assertThat(c.getRouteLegs().get(1).getTo()).isEqualTo("Tikhoretsk");
            });
  }

  @Test
  void shouldTransferAtLeast100BallisticMissilesIn2024() {
    long missiles2024 =
        of(ArmsTransfer.class)
            .filter(a -> a.getCategory() == ArmsCategory.BALLISTIC_MISSILE)
            .filter(a -> year(a.getHeader()) == 2024)
            .mapToLong(ArmsTransfer::getQuantity)
            .sum();
    assertThat(missiles2024).isGreaterThanOrEqualTo(100).isEqualTo(104);
  }

  @Test
  void shouldShipAboutNineMillionRounds() {
    long rounds =
        of(ArmsTransfer.class)
            .filter(a -> a.getQuantityUnit().equals("ROUNDS"))
            .mapToLong(ArmsTransfer::getQuantity)
            .sum();
    assertThat(rounds).isEqualTo(9_000_000);
  }

  @Test
  void shouldSendAirDefenceAndElectronicWarfareFromRussiaSinceNovember2024() {
    assertThat(
            of(ArmsTransfer.class)
                .filter(a -> a.getHeader().getOrigin().equals("RUS"))
                .map(a -> a.getHeader().getEventTime()))
        .isNotEmpty()
        .allMatch(t -> !t.isBefore(Instant.parse("2024-11-01T00:00:00Z")));
    assertThat(of(ArmsTransfer.class).map(ArmsTransfer::getCategory))
        .contains(ArmsCategory.AIR_DEFENCE, ArmsCategory.ELECTRONIC_WARFARE);
  }

  @Test
  void shouldDeployMoreThan11000TroopsLate2024AndMoreThan3000InQ1Of2025() {
    long late2024 =
        of(TroopDeployment.class)
            .filter(t -> year(t.getHeader()) == 2024)
            .mapToLong(TroopDeployment::getPersonnel)
            .sum();
    long q1of2025 =
        of(TroopDeployment.class)
            .filter(
                t -> t.getHeader().getEventTime().isBefore(Instant.parse("2025-04-01T00:00:00Z")))
            .filter(t -> year(t.getHeader()) == 2025)
            .mapToLong(TroopDeployment::getPersonnel)
            .sum();
    assertThat(late2024).isGreaterThan(11_000).isEqualTo(11_500);
    assertThat(q1of2025).isGreaterThan(3_000).isEqualTo(3_200);
    assertThat(late2024 + q1of2025).isGreaterThan(14_000);
  }

  @Test
  void shouldObserveMoreThanAMillionBarrelsOfRefinedPetroleumMarchToOctober2024() {
    List<TankerDelivery> observed = observed().toList();
    double barrels = observed.stream().mapToDouble(SeedScenarioFileTest::barrels).sum();
    double corroborating = barrels(event("seed-2023-2025/tanker-delivery/ais-2024-05"));
    assertThat(observed).hasSize(41).allMatch(t -> t.getProductClass() == ProductClass.REFINED);
    assertThat(observed)
        .allMatch(t -> t.getQuantity() >= 25_000 && t.getQuantity() <= 30_000)
        .allMatch(t -> t.getVesselImo() != null)
        .allMatch(t -> t.getHeader().getEventTime().isAfter(Instant.parse("2024-03-01T00:00:00Z")))
        .allMatch(
            t -> t.getHeader().getEventTime().isBefore(Instant.parse("2024-11-01T00:00:00Z")));
    // each delivery once, with its largest observation
    assertThat(barrels - corroborating)
        .isGreaterThan(1_000_000)
        .isGreaterThan(500_000)
        .isEqualTo(1_101_000);
  }

  @Test
  void shouldSeeOneDeliveryByTwoSourcesAndNoOtherVesselTwiceWithin48Hours() {
    List<List<String>> sameVesselWithin48Hours = new ArrayList<>();
    List<TankerDelivery> observed = observed().toList();
    for (TankerDelivery a : observed) {
      for (TankerDelivery b : observed) {
        Duration apart =
            Duration.between(a.getHeader().getEventTime(), b.getHeader().getEventTime());
        if (a.getVesselImo().equals(b.getVesselImo())
            && !apart.isNegative()
            && !apart.isZero()
            && apart.compareTo(Duration.ofHours(48)) <= 0) {
          sameVesselWithin48Hours.add(List.of(id(a), id(b)));
        }
      }
    }
    assertThat(sameVesselWithin48Hours)
        .containsExactly(
            List.of(
                "seed-2023-2025/tanker-delivery/observed-2024-05",
                "seed-2023-2025/tanker-delivery/ais-2024-05"));
    TankerDelivery imagery = event("seed-2023-2025/tanker-delivery/observed-2024-05");
    TankerDelivery ais = event("seed-2023-2025/tanker-delivery/ais-2024-05");
    assertThat(ais.getDischargePort()).isEqualTo(imagery.getDischargePort());
    assertThat(ais.getHeader().getSourceName()).isNotEqualTo(imagery.getHeader().getSourceName());
    assertThat(ais.getQuantity()).isLessThan(imagery.getQuantity());
  }

  @Test
  void shouldGiveTheVesselsPlaceholderImoNumbersThatNoShipCanHave() {
    assertThat(
            of(TankerDelivery.class)
                .flatMap(t -> Stream.of(t.getVesselImo(), t.getCounterpartVesselImo()))
                .filter(imo -> imo != null))
        .isNotEmpty()
        .allSatisfy(imo -> assertThat(imo).matches("\\d{7}").isNotEqualTo(withCheckDigit(imo)));
  }

  /** The IMO number {@code imo} would be with a correct check digit (weights 7 to 2, mod 10). */
  private static String withCheckDigit(String imo) {
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (imo.charAt(i) - '0') * (7 - i);
    }
    return imo.substring(0, 6) + sum % 10;
  }

  private static Stream<TankerDelivery> observed() {
    return of(TankerDelivery.class)
        .filter(t -> t.getHeader().getSourceKind() == SourceKind.OBSERVED);
  }

  private static TankerDelivery event(String id) {
    return of(TankerDelivery.class).filter(t -> id(t).equals(id)).findFirst().orElseThrow();
  }

  @Test
  void shouldReportAbout300000BarrelsIn2024SomeInMetricTonsAndBelow75PercentOfTheCap() {
    List<TankerDelivery> reported =
        of(TankerDelivery.class)
            .filter(t -> t.getHeader().getSourceKind() == SourceKind.REPORTED)
            .toList();
    double barrels = reported.stream().mapToDouble(SeedScenarioFileTest::barrels).sum();
    assertThat(reported).allMatch(t -> year(t.getHeader()) == 2024);
    assertThat(reported).extracting(TankerDelivery::getUnit).contains("METRIC_TON", "BARREL");
    assertThat(barrels)
        .isCloseTo(300_000, within(5_000.0))
        .isLessThan(0.75 * 500_000)
        .isCloseTo(300_600, within(0.001));
  }

  @Test
  void shouldFindComponentsOfUsGermanAndJapaneseMakersMade2021To2023InTheKharkivMissile() {
    List<ComponentFinding> found =
        events.stream()
            .filter(ComponentFinding.class::isInstance)
            .map(ComponentFinding.class::cast)
            .toList();

    assertThat(found).hasSize(5);
    assertThat(found)
        .allMatch(f -> f.getHeader().getOrigin().equals("PRK"))
        .allMatch(f -> f.getRecoveredAt().equals("Kharkiv"))
        .allMatch(f -> f.getHeader().getEventTime().toString().startsWith("2024-01"))
        .allMatch(f -> f.getMaker().toLowerCase(Locale.ROOT).startsWith("example maker "))
        .allMatch(
            f -> {
              int year = f.getManufactured().atZone(ZoneOffset.UTC).getYear();
              return year >= 2021 && year <= 2023;
            });
    // the Japanese part names no country: the demo's makers table gives it
    assertThat(found.stream().map(ComponentFinding::getMakerCountry).distinct())
        .containsExactly("USA", "DEU", null);
    // four makers, one of them written two ways: the demo's makers table files both as one
    assertThat(found.stream().map(ComponentFinding::getMaker).distinct())
        .containsExactly(
            "Example Maker US-A",
            "EXAMPLE MAKER US-A INC.",
            "Example Maker US-B",
            "Example Maker DE-A",
            "Example Maker JP-A");
    // one part number found twice: it adds to its maker's case
    assertThat(found.stream().map(ComponentFinding::getPartNumber).distinct()).hasSize(4);
  }

  @Test
  void shouldDispatch8000WorkersIn2024() {
    assertThat(
            of(WorkerDispatch.class)
                .filter(w -> year(w.getHeader()) == 2024)
                .mapToLong(WorkerDispatch::getWorkers)
                .sum())
        .isEqualTo(8_000);
  }

  @Test
  void shouldPayThroughBothDesignatedBanksViaMrb() {
    List<FinancialTransfer> payments = of(FinancialTransfer.class).toList();
    assertThat(payments).isNotEmpty().allMatch(p -> p.getCurrency().equals("RUB"));
    assertThat(payments.stream().flatMap(p -> p.getHeader().getParties().stream()))
        .extracting(Party::getName)
        .contains(
            "Foreign Trade Bank",
            "Korea Kwangson Banking Corporation",
            "Mezhdunarodnyi Raschetnyi Bank (MRB)");
    assertThat(
            payments.stream()
                .flatMap(p -> p.getHeader().getParties().stream())
                .flatMap(p -> p.getIdentifiers().stream())
                .map(i -> i.getValue()))
        .contains("KPe.047", "KPe.025");
  }

  private static double barrels(TankerDelivery t) {
    return switch (t.getUnit()) {
      case "BARREL" -> t.getQuantity();
      case "METRIC_TON" -> t.getQuantity() * BARRELS_PER_TON.get(t.getProduct());
      default -> throw new AssertionError("unexpected unit " + t.getUnit());
    };
  }

  private static int year(EventHeader header) {
    return header.getEventTime().atZone(ZoneOffset.UTC).getYear();
  }

  private static String id(SpecificRecord event) {
    return EventTypes.headerOf(event).getEventId();
  }

  private static <T> Stream<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast);
  }
}
