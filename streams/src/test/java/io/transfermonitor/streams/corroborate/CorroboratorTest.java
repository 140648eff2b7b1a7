package io.transfermonitor.streams.corroborate;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.fact.Contribution;
import io.transfermonitor.streams.fact.Fact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CorroboratorTest {

  private static final String IMO = "9000001";
  private static final Duration RETENTION = Duration.ofDays(400);

  private MockProcessorContext<String, Fact> context;
  private Corroborator corroborator;
  private long now = 1_000;
  private long offset;
  private final List<Fact> forwarded = new ArrayList<>();
  private KeyValueStore<String, HeldObservation> vessels;

  @BeforeEach
  void init() {
    context = new MockProcessorContext<>();
    vessels = MockStores.keyValue(context, "vessel-observations", new HeldObservationSerde());
    corroborator = new Corroborator(vessels, rule(), RETENTION);
    now = 1_000;
    offset = 0;
    forwarded.clear();
  }

  @Test
  void shouldAddTheFirstObservationInFullALargerByTheDifferenceAndASmallerByNothing() {
    // when
    List<Contribution> first = see("a", "2024-03-01T00:00:00Z", 200_000, "imagery");
    List<Contribution> larger = see("b", "2024-03-01T12:00:00Z", 210_000, "AIS");
    List<Contribution> smaller = see("c", "2024-03-02T00:00:00Z", 150_000, "think tank");

    // then
    assertThat(first).extracting(Contribution::amount).containsExactly(200_000.0);
    assertThat(larger).extracting(Contribution::amount).containsExactly(10_000.0);
    assertThat(smaller)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.amount()).isZero();
              assertThat(c.events()).isEqualTo(1);
              assertThat(c.deliveries()).isZero();
              assertThat(c.sources()).containsExactly("imagery", "AIS", "think tank");
            });
    assertThat(forwarded)
        .last()
        .satisfies(f -> assertThat(f.corroboration().eventIds()).containsExactly("a", "b", "c"));
  }

  @Test
  void shouldCountAnEventIdItAlreadyHoldsNothing() {
    // given
    see("a", "2024-03-01T00:00:00Z", 200_000, "imagery");

    // when
    List<Contribution> again = see("a", "2024-03-01T00:00:00Z", 200_000, "imagery");

    // then
    assertThat(again).isEmpty();
    assertThat(heldIds()).hasSize(1);
  }

  @Test
  void shouldEndWithTheSameTotalWhateverOrderTheObservationsArriveIn() {
    // given: 0 h (10), 40 h (10), 80 h (100), 100 h (100): deliveries [0 h, 40 h], [80 h, 100 h]
    List<Fact> observations =
        List.of(
            fact("a", "2024-03-01T00:00:00Z", 10),
            fact("b", "2024-03-02T16:00:00Z", 10),
            fact("c", "2024-03-04T08:00:00Z", 100),
            fact("d", "2024-03-05T04:00:00Z", 100));

    for (List<Fact> order : permutations(observations)) {
      // when
      init();
      double total = 0;
      for (Fact fact : order) {
        List<Contribution> added = see(fact);
        // a take-back never comes after a gain of the same arrival
        assertThat(added.stream().map(c -> c.amount() >= 0).toList()).isSorted();
        total += added.stream().mapToDouble(Contribution::amount).sum();
      }

      // then
      assertThat(total).as("arrival order %s", ids(order)).isEqualTo(110.0);
    }
  }

  @Test
  void shouldCountAfterEveryArrivalWhatGroupingAllObservationsSoFarCounts() {
    // given: dense, overlapping observations of one vessel at two ports and none, over 20 days
    Random random = new Random(20240529);
    for (int round = 0; round < 20; round++) {
      init();
      List<Fact> seen = new ArrayList<>();
      double total = 0;
      for (int i = 0; i < 80; i++) {
        long at = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        Instant time = Instant.ofEpochMilli(at + random.nextLong(20 * 24) * 3_600_000L);
        String port = List.of("Nampo", "Chongjin", " nampo", "").get(random.nextInt(4));
        Fact fact =
            Fact.of(
                Events.sighting(
                    "e" + i,
                    time.toString(),
                    1_000 + random.nextInt(100) * 1_000,
                    IMO,
                    port.isEmpty() ? null : port,
                    "source " + random.nextInt(3)));

        // when: it arrives, in no particular order of event time
        total += see(fact).stream().mapToDouble(Contribution::amount).sum();
        seen.add(fact);

        // then: the running total is what grouping everything seen so far counts
        List<Observation> all = seen.stream().map(f -> Observation.of(f, now)).toList();
        double grouped =
            Deliveries.group(all, rule()).stream().mapToDouble(Delivery::counted).sum();
        assertThat(total).as("round %d, after %d arrivals", round, i + 1).isEqualTo(grouped);
      }
    }
  }

  @Test
  void shouldForgetObservationsStoredLongerAgoThanTheRetention() {
    // given
    see("a", "2024-03-01T00:00:00Z", 200_000, "imagery");

    // when: the retention has passed by the wall clock
    now = 1_000 + RETENTION.toMillis() + 1;
    List<Contribution> later = see("b", "2024-03-01T12:00:00Z", 210_000, "AIS");

    // then
    assertThat(later).extracting(Contribution::amount).containsExactly(210_000.0);
    assertThat(heldIds()).containsExactly("b");
  }

  private static CorroborationRule rule() {
    return new CorroborationRule(Duration.ofHours(48), true);
  }

  /** The event ids of the observations the store holds for the vessel. */
  private List<String> heldIds() {
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, HeldObservation> all = vessels.range(IMO + "/", IMO + "/~")) {
      all.forEachRemaining(e -> ids.add(e.key.substring(e.key.lastIndexOf('/') + 1)));
    }
    return ids;
  }

  private List<Contribution> see(String id, String time, double barrels, String source) {
    Fact fact = Fact.of(Events.sighting(id, time, barrels, IMO, "Nampo", source));
    return see(fact);
  }

  private List<Contribution> see(Fact fact) {
    List<Fact> changes = corroborator.arrive(IMO, fact, now, offset++);
    forwarded.addAll(changes);
    return changes.stream().map(Fact::contribution).toList();
  }

  private static Fact fact(String id, String time, double barrels) {
    return Fact.of(Events.sighting(id, time, barrels, IMO, "Nampo", "source " + id));
  }

  private static List<String> ids(List<Fact> facts) {
    return facts.stream().map(Fact::eventId).toList();
  }

  private static List<List<Fact>> permutations(List<Fact> facts) {
    if (facts.isEmpty()) {
      return List.of(List.of());
    }
    List<List<Fact>> all = new ArrayList<>();
    for (Fact first : facts) {
      List<Fact> rest = new ArrayList<>(facts);
      rest.remove(first);
      for (List<Fact> tail : permutations(rest)) {
        List<Fact> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        all.add(order);
      }
    }
    return all;
  }
}
