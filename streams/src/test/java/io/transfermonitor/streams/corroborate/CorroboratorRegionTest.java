package io.transfermonitor.streams.corroborate;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * An arrival regroups only the deliveries it can change ({@link Deliveries#reach}), ship-to-ship
 * transfers and their sightings included, and still counts what regrouping everything counts.
 */
class CorroboratorRegionTest {

  private static final String IMO = "9000001";
  private static final Duration WINDOW = Duration.ofHours(48);
  private static final CorroborationRule RULE = new CorroborationRule(WINDOW, true);
  private static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
  private static final long HOUR = 3_600_000L;

  @Test
  void shouldChangeAfterEveryArrivalWhatAFullRegroupingOfEverythingSoFarChanges() {
    Random random = new Random(20261208);
    for (int round = 0; round < 300; round++) {
      // given: reports and sightings of one vessel, ship-to-ship or not, over six weeks
      MockProcessorContext<String, Fact> context = new MockProcessorContext<>();
      KeyValueStore<String, HeldObservation> store =
          MockStores.keyValue(context, "vessel-observations", new HeldObservationSerde());
      Corroborator corroborator = new Corroborator(store, RULE, Duration.ofDays(400));
      int days = List.of(3, 10, 42).get(round % 3);
      List<Observation> seen = new ArrayList<>();
      Map<String, Double> counted = new HashMap<>();
      Map<String, List<String>> evidence = new HashMap<>();
      Map<String, String> countedAs = new HashMap<>();
      for (int i = 0; i < 60; i++) {
        Fact fact = randomFact("e" + i, START + random.nextLong(days * 24L) * HOUR, random);

        // when: it arrives, in no particular order of event time
        List<Fact> changes = corroborator.arrive(IMO, fact, 1_000, i);
        seen.add(Observation.of(fact, 1_000));

        // then: each delivery changed from what the arrivals before told of it
        for (Fact change : changes) {
          Corroboration c = change.corroboration();
          assertThat(c.countedBefore())
              .as("round %d, arrival %d: %s was %s", round, i, c.deliveryId(), counted)
              .isEqualTo(counted.getOrDefault(c.deliveryId(), 0.0));
          assertThat(c.observationsBefore())
              .isEqualTo(evidence.getOrDefault(c.deliveryId(), List.of()).size());
          counted.put(c.deliveryId(), c.counted());
          evidence.put(c.deliveryId(), c.eventIds());
          countedAs.put(c.deliveryId(), CorroborationRule.identity(change));
        }
        // and the changes so far sum to the deliveries of everything seen so far
        List<Delivery> all = Deliveries.group(seen, RULE);
        Map<String, Double> expected = new HashMap<>();
        Map<String, List<String>> expectedEvidence = new HashMap<>();
        for (Delivery d : all) {
          expected.put(d.id(), d.counted());
          expectedEvidence.put(d.id(), d.eventIds());
          assertThat(countedAs.get(d.id()))
              .as("round %d, %s", round, d.id())
              .isEqualTo(d.identity());
        }
        counted.values().removeIf(v -> v == 0);
        expected.values().removeIf(v -> v == 0);
        evidence.values().removeIf(List::isEmpty);
        assertThat(counted).as("round %d, after %d arrivals", round, i + 1).isEqualTo(expected);
        assertThat(evidence)
            .as("round %d, after %d arrivals", round, i + 1)
            .isEqualTo(expectedEvidence);
        assertThat(deliveryTimes(store)).isEqualTo(deliveryTimes(all));
      }
    }
  }

  @Test
  void shouldReadOnlyTheObservationsNearAShipToShipArrivalWhateverTheVesselsHistory() {
    // given: a year of ship-to-ship transfers of one vessel, reports and sightings, every 12 h
    MockProcessorContext<String, Fact> context = new MockProcessorContext<>();
    int[] read = {0};
    KeyValueStore<String, HeldObservation> store =
        counting(
            MockStores.keyValue(context, "vessel-observations", new HeldObservationSerde()), read);
    Corroborator corroborator = new Corroborator(store, RULE, Duration.ofDays(400));
    Random random = new Random(7);
    int held = 2 * 365;
    for (int i = 0; i < held; i++) {
      corroborator.arrive(
          IMO, shipToShip("e" + i, START + i * 12 * HOUR, i % 3 == 0, random), 1_000, i);
    }

    // when: a report of the next transfer arrives
    read[0] = 0;
    corroborator.arrive(
        IMO, shipToShip("last", START + held * 12 * HOUR, false, random), 1_000, held);

    // then: it read the observations of three windows (before it), not the vessel's history
    assertThat(read[0]).isLessThanOrEqualTo(3 * 4 + 1);
  }

  /** A random observation of the vessel: a report or a sighting, ship-to-ship or not. */
  private static Fact randomFact(String id, long time, Random random) {
    if (random.nextInt(4) == 0) {
      TankerDelivery t =
          Events.sighting(
              id,
              Instant.ofEpochMilli(time).toString(),
              1_000 + random.nextInt(50) * 1_000,
              IMO,
              List.of("Nampo", "Chongjin").get(random.nextInt(2)),
              "source " + random.nextInt(3));
      return Fact.of(t);
    }
    return shipToShip(id, time, random.nextInt(5) < 2, random);
  }

  /**
   * A ship-to-ship transfer of the vessel: a sighting (no origin, no quantity, a destination or
   * none), or a report (an origin, a quantity, often 0 bbl), of one of two product classes.
   */
  private static Fact shipToShip(String id, long time, boolean sighting, Random random) {
    TankerDelivery t =
        Events.sighting(
            id,
            Instant.ofEpochMilli(time).toString(),
            sighting ? 0 : random.nextInt(4) * 10_000,
            IMO,
            random.nextInt(3) == 0 ? "Nampo" : null,
            List.of("AIS", "imagery", "think tank").get(random.nextInt(3)));
    t.setShipToShip(true);
    t.setCounterpartVesselImo("9000002");
    t.setProductClass(random.nextInt(4) == 0 ? ProductClass.CRUDE : ProductClass.REFINED);
    t.getHeader().setOrigin(sighting ? null : List.of("RUS", "CHN").get(random.nextInt(2)));
    if (random.nextInt(3) == 0) {
      t.getHeader().setDestination(null);
    }
    if (!sighting && random.nextInt(4) == 0) {
      t.setVesselFlag("PAN");
    }
    return Fact.of(t);
  }

  /** The time of its delivery the store holds for each observation, by event id. */
  private static Map<String, Long> deliveryTimes(KeyValueStore<String, HeldObservation> store) {
    Map<String, Long> times = new HashMap<>();
    try (KeyValueIterator<String, HeldObservation> all = store.all()) {
      all.forEachRemaining(
          e -> times.put(e.key.substring(e.key.lastIndexOf('/') + 1), e.value.deliveryTime()));
    }
    return times;
  }

  private static Map<String, Long> deliveryTimes(List<Delivery> deliveries) {
    Map<String, Long> times = new HashMap<>();
    deliveries.forEach(d -> d.eventIds().forEach(id -> times.put(id, d.time())));
    return times;
  }

  /** {@code store}, counting in {@code read} the entries its range scans return. */
  @SuppressWarnings("unchecked")
  private static KeyValueStore<String, HeldObservation> counting(
      KeyValueStore<String, HeldObservation> store, int[] read) {
    return (KeyValueStore<String, HeldObservation>)
        Proxy.newProxyInstance(
            KeyValueStore.class.getClassLoader(),
            new Class<?>[] {KeyValueStore.class},
            (proxy, method, args) -> {
              Object result = invoke(method, store, args);
              if (!method.getName().equals("range")) {
                return result;
              }
              return Proxy.newProxyInstance(
                  KeyValueIterator.class.getClassLoader(),
                  new Class<?>[] {KeyValueIterator.class},
                  (p, m, a) -> {
                    if (m.getName().equals("next")) {
                      read[0]++;
                    }
                    return invoke(m, result, a);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
