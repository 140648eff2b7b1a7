package io.transfermonitor.streams.corroborate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.streams.fact.Corroboration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveriesTest {

  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final CorroborationRule RULE = new CorroborationRule(Duration.ofHours(48), true);

  @Test
  void shouldJoinAnObservationExactlyAtTheEndOfTheWindowButNotOneMillisecondLater() {
    // given
    List<Observation> inWindow =
        List.of(seen("a", 0, "Nampo", 100), seen("b", 48 * HOUR, "Nampo", 90));
    List<Observation> outside =
        List.of(seen("a", 0, "Nampo", 100), seen("b", 48 * HOUR + 1, "Nampo", 90));

    // when / then
    assertThat(Deliveries.group(inWindow, RULE)).hasSize(1);
    assertThat(Deliveries.group(outside, RULE)).hasSize(2);
  }

  @Test
  void shouldMeasureTheWindowFromTheDeliverysFirstObservationSoNoChainGrowsForever() {
    // when: 40 h apart, then another 40 h
    List<Delivery> deliveries =
        Deliveries.group(
            List.of(
                seen("c", 80 * HOUR, "Nampo", 50),
                seen("a", 0, "Nampo", 100),
                seen("b", 40 * HOUR, "Nampo", 120)),
            RULE);

    // then
    assertThat(deliveries)
        .extracting(Delivery::eventIds)
        .containsExactly(List.of("a", "b"), List.of("c"));
    assertThat(deliveries).extracting(Delivery::counted).containsExactly(120.0, 50.0);
  }

  @Test
  void shouldKeepTwoPortsApartAndLetAnObservationWithoutAPortJoinTheFirstDelivery() {
    // when
    List<Delivery> deliveries =
        Deliveries.group(
            List.of(
                seen("nampo", 0, "Nampo", 100),
                seen("chongjin", HOUR, "Chongjin", 100),
                seen("none", 2 * HOUR, null, 100)),
            RULE);

    // then
    assertThat(deliveries)
        .extracting(Delivery::eventIds)
        .containsExactly(List.of("nampo", "none"), List.of("chongjin"));
    assertThat(deliveries.get(0).port()).isEqualTo("Nampo");
  }

  @Test
  void shouldNotComparePortsWhenTheRuleSaysSo() {
    assertThat(
            Deliveries.group(
                List.of(seen("nampo", 0, "Nampo", 100), seen("chongjin", HOUR, "Chongjin", 100)),
                new CorroborationRule(Duration.ofHours(48), false)))
        .hasSize(1);
  }

  @Test
  void shouldNeverMergeObservationsThatCountAgainstDifferentRules() {
    // given: the same vessel and hour, once to the DPRK and once to another destination
    Observation toPrk = seen("a", 0, "Nampo", 100);
    Observation elsewhere =
        new Observation("b", HOUR, "AIS", "Nampo", "REFINED|RUS|CHN|false|PRK|null", 100, 0);

    // then
    assertThat(Deliveries.group(List.of(toPrk, elsewhere), RULE)).hasSize(2);
  }

  @Test
  void shouldTakeBackBeforeItAddsWhenAnEarlierObservationRegroupsTheDeliveries() {
    // given: b (40 h) and c (80 h) were one delivery, d (100 h) another
    List<Observation> held =
        List.of(
            seen("b", 40 * HOUR, "Nampo", 10),
            seen("c", 80 * HOUR, "Nampo", 100),
            seen("d", 100 * HOUR, "Nampo", 100));
    List<Observation> withEarlier = new ArrayList<>(held);
    withEarlier.add(seen("a", 0, "Nampo", 10));

    // when: a (0 h) arrives late, takes b, and c starts a delivery with d
    List<Corroboration> changes =
        Deliveries.changes(Deliveries.group(held, RULE), Deliveries.group(withEarlier, RULE));

    // then: 200 counted before, 110 after
    assertThat(changes)
        .extracting(Corroboration::deliveryId, c -> c.counted() - c.countedBefore())
        .containsExactly(
            tuple("b", -100.0), tuple("d", -100.0), tuple("a", 10.0), tuple("c", 100.0));
  }

  @Test
  void shouldFileASightingOfATransferAsEvidenceOfTheReportedDeliveryItFitsWithinTheWindow() {
    // given a transfer reported from Russia to the DPRK at 8 h; sightings (no origin, no quantity)
    // at 0 h naming the DPRK, at 2 h naming no destination, at 4 h naming China, and at 60 h
    Observation report = transfer("report", 8 * HOUR, "REFINED|RUS|PRK|true|PRK|RUS", 26_000);
    List<Observation> all =
        List.of(
            transfer("ais-dprk", 0, "REFINED|null|PRK|true|PAN|CHN", 0),
            transfer("ais-none", 2 * HOUR, "REFINED|null|null|true|PRK|RUS", 0),
            transfer("ais-china", 4 * HOUR, "REFINED|null|CHN|true|PRK|RUS", 0),
            report,
            transfer("ais-late", 60 * HOUR, "REFINED|null|PRK|true|PAN|CHN", 0));

    // when
    List<Delivery> deliveries = Deliveries.group(all, RULE);

    // then the two that fit are the report's evidence, the report counting as its own (its time,
    // route and quantity); the others count on their own
    assertThat(deliveries)
        .extracting(Delivery::id, Delivery::eventIds, Delivery::counted, Delivery::time)
        .containsExactly(
            tuple("ais-china", List.of("ais-china"), 0.0, 4 * HOUR),
            tuple("report", List.of("ais-dprk", "ais-none", "report"), 26_000.0, 8 * HOUR),
            tuple("ais-late", List.of("ais-late"), 0.0, 60 * HOUR));
    assertThat(deliveries.get(1).identity()).isEqualTo(report.identity());
  }

  private static Observation transfer(String id, long time, String identity, double amount) {
    return new Observation(id, time, "source of " + id, null, identity, amount, 0);
  }

  static Observation seen(String id, long time, String port, double amount) {
    return new Observation(
        id, time, "source of " + id, port, "REFINED|RUS|PRK|false|PRK|null", amount, 0);
  }
}
