package io.transfermonitor.streams.corroborate;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.ProductClass;
import io.transfermonitor.streams.Events;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.fact.Contribution;
import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.fact.InternalAvro;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/**
 * What each arrival of observations changed, read back from the store for a recount: the same as
 * the corroboration stage counted when it came, batch by batch.
 */
class DeliveryHistoryTest {

  private static final String IMO = "9000001";
  private static final Duration RETENTION = Duration.ofDays(400);
  private static final CorroborationRule RULE = new CorroborationRule(Duration.ofHours(48), true);

  private final MockProcessorContext<String, Fact> context = new MockProcessorContext<>();
  private final KeyValueStore<String, HeldObservation> vessels =
      MockStores.keyValue(context, "vessel-observations", new HeldObservationSerde());

  @Test
  void shouldReadBackWhatEveryBatchChangedAsTheCorroborationStageCountedIt() {
    // given: 120 observations of one vessel at two ports and none over 20 days, in batches of one
    // to three, in no order of event time
    Corroborator corroborator = new Corroborator(vessels, RULE, RETENTION);
    Random random = new Random(20241208);
    Map<Long, Map<Long, Double>> live = new TreeMap<>();
    Map<Long, Long> liveEvents = new TreeMap<>();
    long now = 1_000;
    int id = 0;
    for (long offset = 0; id < 120; offset++, now += 1_000) {
      int batch = 1 + random.nextInt(3);
      for (int i = 0; i < batch; i++, id++) {
        for (Fact change : corroborator.arrive(IMO, observation(random, id), now, offset)) {
          Contribution c = change.contribution();
          live.computeIfAbsent(offset, o -> new TreeMap<>())
              .merge(c.time(), c.amount(), Double::sum);
          liveEvents.merge(offset, c.events(), Long::sum);
        }
      }
    }

    // when
    DeliveryHistory.Picked picked =
        new DeliveryHistory(vessels, RULE, RETENTION).arrivals(fact -> true, (r, t) -> true);

    // then: per batch, what each delivery's period gained or lost, and the events counted
    Map<Long, Map<Long, Double>> readBack = new TreeMap<>();
    Map<Long, Long> readBackEvents = new TreeMap<>();
    for (DeliveryHistory.Arrival arrival : picked.arrivals()) {
      for (Corroboration change : arrival.changes()) {
        Contribution c = arrival.factOf(change).orElseThrow().contribution();
        readBack
            .computeIfAbsent(arrival.readAt(), o -> new TreeMap<>())
            .merge(c.time(), c.amount(), Double::sum);
        readBackEvents.merge(arrival.readAt(), c.events(), Long::sum);
      }
    }
    assertThat(picked.unreadable()).isZero();
    assertThat(withoutZeros(readBack)).isEqualTo(withoutZeros(live));
    assertThat(readBackEvents).isEqualTo(liveEvents);
  }

  @Test
  void shouldReadBackTheFieldsARuleScopeReads() {
    // given
    Fact seen =
        Fact.of(Events.sighting("s1", "2024-06-01T00:00:00Z", 50_000, IMO, "Nampo", "imagery"));
    new Corroborator(vessels, RULE, RETENTION).arrive(IMO, seen, 1_000, 7);

    // when
    DeliveryHistory.Arrival arrival =
        new DeliveryHistory(vessels, RULE, RETENTION)
            .arrivals(fact -> true, (r, t) -> true)
            .arrivals()
            .get(0);
    Fact fact = arrival.factOf(arrival.changes().get(0)).orElseThrow();

    // then
    assertThat(arrival.readAt()).isEqualTo(7);
    assertThat(arrival.storedAt()).isEqualTo(1_000);
    assertThat(fact.kind()).isEqualTo(seen.kind());
    assertThat(fact.sourceKind()).isEqualTo(seen.sourceKind());
    assertThat(fact.productClass()).isEqualTo(ProductClass.REFINED);
    assertThat(List.of(fact.origin(), fact.destination(), fact.vesselFlag()))
        .isEqualTo(List.of(seen.origin(), seen.destination(), seen.vesselFlag()));
    assertThat(fact.shipToShip()).isEqualTo(seen.shipToShip());
    assertThat(fact.amountUnit()).isEqualTo(seen.amountUnit());
    assertThat(fact.contribution().amount()).isEqualTo(50_000.0);
  }

  @Test
  void shouldReadAnObservationStoredByAnEarlierMonitorAsReadAtNoKnownOffset() throws IOException {
    // given: an observation in version 1 of the stored form, before it said where it was read
    GenericRecord v1 =
        new GenericData.Record(InternalAvro.olderSchema("internal/ObservationRecord-v1.avsc"));
    v1.put("source", "imagery");
    v1.put("port", "Nampo");
    v1.put("identity", "REFINED|RUS|PRK|false|SLE|null");
    v1.put("amount", 50_000.0);
    v1.put("storedAt", 1_000L);
    v1.put("deliveryTime", 5_000L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(1);
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(v1.getSchema()).write(v1, encoder);
    encoder.flush();

    // when
    HeldObservation held =
        new HeldObservationSerde()
            .deserializer()
            .deserialize("vessel-observations", bytes.toByteArray());

    // then
    assertThat(held.readAt()).isEqualTo(-1);
    assertThat(held.deliveryTime()).isEqualTo(5_000L);
    assertThat(held.observation().amount()).isEqualTo(50_000.0);
  }

  private static Fact observation(Random random, int id) {
    long start = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    Instant time = Instant.ofEpochMilli(start + random.nextLong(20 * 24) * 3_600_000L);
    String port = List.of("Nampo", "Chongjin", " nampo", "").get(random.nextInt(4));
    return Fact.of(
        Events.sighting(
            "e" + id,
            time.toString(),
            1_000 + random.nextInt(100) * 1_000,
            IMO,
            port.isEmpty() ? null : port,
            "source " + random.nextInt(3)));
  }

  /** The same sums, those that came to nothing left out. */
  private static Map<Long, Map<Long, Double>> withoutZeros(Map<Long, Map<Long, Double>> sums) {
    Map<Long, Map<Long, Double>> kept = new TreeMap<>();
    sums.forEach(
        (offset, byTime) ->
            byTime.forEach(
                (time, amount) -> {
                  if (amount != 0) {
                    kept.computeIfAbsent(offset, o -> new TreeMap<>()).put(time, amount);
                  }
                }));
    return kept;
  }
}
