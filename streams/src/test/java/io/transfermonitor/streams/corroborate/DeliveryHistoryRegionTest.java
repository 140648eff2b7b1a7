package io.transfermonitor.streams.corroborate;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * A recount regroups each batch only where it can change deliveries ({@link Deliveries#reach}), and
 * reads back what grouping everything read before it, and not forgotten then, tells.
 */
class DeliveryHistoryRegionTest {

  private static final String IMO = "9000001";
  private static final CorroborationRule RULE = new CorroborationRule(Duration.ofHours(48), true);
  private static final Duration RETENTION = Duration.ofDays(10);
  private static final long DAY = 86_400_000L;
  private static final long START = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
  private static final List<String> IDENTITIES =
      List.of(
          "REFINED|null|PRK|true|SLE|null", // sightings (0 bbl) and reports naming no origin
          "REFINED|null|null|true|SLE|null",
          "REFINED|RUS|PRK|false|SLE|null");

  @Test
  void shouldReadBackForEveryBatchWhatAFullRegroupingOfTheObservationsBeforeItChanges() {
    Random random = new Random(20261208);
    for (int round = 0; round < 120; round++) {
      // given: batches of one to three observations over six weeks, stored a day apart but now
      // and then earlier than the batch before, some forgotten by the later ones
      MockProcessorContext<String, Fact> context = new MockProcessorContext<>();
      KeyValueStore<String, HeldObservation> store =
          MockStores.keyValue(context, "vessel-observations", new HeldObservationSerde());
      VesselLog log = new VesselLog(store);
      List<HeldObservation> held = new ArrayList<>();
      long storedAt = 0;
      int id = 0;
      for (long readAt = -1; readAt < 40; readAt++) {
        storedAt += random.nextInt(5) == 0 ? -5 * DAY : DAY;
        int size = 1 + random.nextInt(3);
        for (int i = 0; i < size; i++, id++) {
          String identity = IDENTITIES.get(random.nextInt(5) < 4 ? 0 : 1 + random.nextInt(2));
          double amount = random.nextBoolean() ? 0 : 10_000 * (1 + random.nextInt(3));
          long stored = readAt < 0 ? storedAt + random.nextInt(20) * DAY : storedAt;
          Observation o =
              new Observation(
                  "e" + id,
                  START + random.nextLong(42 * 24) * 3_600_000L,
                  "source " + random.nextInt(3),
                  random.nextInt(3) == 0 ? "Nampo" : null,
                  identity,
                  amount,
                  stored);
          HeldObservation h = new HeldObservation(o, 0, readAt);
          log.put(IMO, h);
          held.add(h);
        }
      }

      // when: every batch is read back, and every other one
      DeliveryHistory history = new DeliveryHistory(store, RULE, RETENTION);
      List<DeliveryHistory.Arrival> all = history.arrivals(f -> true, (r, t) -> true).arrivals();
      List<DeliveryHistory.Arrival> odd =
          history.arrivals(f -> true, (r, t) -> r % 2 != 0).arrivals();

      // then: each changed what grouping all observations before it, against those and it, changed
      Map<String, List<Corroboration>> expected = fullRegrouping(held);
      assertThat(changesOf(all)).as("round %d", round).isEqualTo(expected);
      Map<String, List<Corroboration>> expectedOdd = new TreeMap<>(expected);
      expectedOdd.keySet().removeIf(k -> Long.parseLong(k.split(" ")[1]) % 2 == 0);
      assertThat(changesOf(odd)).as("round %d, odd batches", round).isEqualTo(expectedOdd);
    }
  }

  /** Each batch's changes, by identity and offset, grouping all read before it, not forgotten. */
  private static Map<String, List<Corroboration>> fullRegrouping(List<HeldObservation> stored) {
    List<HeldObservation> held = new ArrayList<>(stored);
    held.sort((a, b) -> Observation.BY_TIME.compare(a.observation(), b.observation()));
    Map<String, List<Corroboration>> changes = new TreeMap<>();
    for (String identity : IDENTITIES) {
      Map<Long, List<HeldObservation>> byRead = new TreeMap<>();
      held.stream()
          .filter(h -> h.observation().identity().equals(identity))
          .forEach(h -> byRead.computeIfAbsent(h.readAt(), r -> new ArrayList<>()).add(h));
      byRead.forEach(
          (readAt, batch) -> {
            long forgetBefore = batch.get(0).observation().storedAt() - RETENTION.toMillis();
            List<Observation> before =
                held.stream()
                    .filter(h -> h.observation().identity().equals(identity))
                    .filter(h -> h.readAt() < readAt)
                    .map(HeldObservation::observation)
                    .filter(o -> o.storedAt() >= forgetBefore)
                    .toList();
            List<Observation> after = new ArrayList<>(before);
            batch.forEach(h -> after.add(h.observation()));
            changes.put(
                key(identity, readAt),
                Deliveries.changes(Deliveries.group(before, RULE), Deliveries.group(after, RULE)));
          });
    }
    return changes;
  }

  private static Map<String, List<Corroboration>> changesOf(
      List<DeliveryHistory.Arrival> arrivals) {
    Map<String, List<Corroboration>> changes = new TreeMap<>();
    for (DeliveryHistory.Arrival a : arrivals) {
      changes.put(key(a.observations().get(0).identity(), a.readAt()), a.changes());
    }
    return changes;
  }

  private static String key(String identity, long readAt) {
    return identity + " " + readAt;
  }
}
