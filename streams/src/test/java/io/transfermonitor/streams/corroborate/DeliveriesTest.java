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

  static Observation seen(String id, long time, String port, double amount) {
    return new Observation(
        id, time, "source of " + id, port, "REFINED|RUS|PRK|false|PRK|null", amount, 0);
  }
}
