package io.transfermonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.transfermonitor.bench.WorkloadRecord.Flavor;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.schemas.EventTypes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  private static List<WorkloadRecord> generate(WorkloadShape shape) {
    List<WorkloadRecord> records = new ArrayList<>();
    new Workload(shape, EventMix.realistic()).forEachRemaining(records::add);
    return records;
  }

  @Test
  void shouldGenerateTheSameRecordsForTheSameSeed() {
    // given
    WorkloadShape shape = WorkloadShape.backlog(5_000, 50, 200, 7);

    // when
    List<WorkloadRecord> first = generate(shape);
    List<WorkloadRecord> second = generate(shape);

    // then
    assertThat(second).hasSize(5_000);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i).key()).isEqualTo(first.get(i).key());
      assertThat(second.get(i).event()).isEqualTo(first.get(i).event());
      assertThat(second.get(i).garbage()).isEqualTo(first.get(i).garbage());
    }
  }

  @Test
  void shouldGenerateOtherRecordsForAnotherSeed() {
    List<WorkloadRecord> a = generate(WorkloadShape.backlog(100, 50, 200, 7));
    List<WorkloadRecord> b = generate(WorkloadShape.backlog(100, 50, 200, 8));

    assertThat(a.stream().map(WorkloadRecord::event).toList())
        .isNotEqualTo(b.stream().map(WorkloadRecord::event).toList());
  }

  @Test
  void shouldMixMostlyTankerDeliveriesAndContainerShipments() {
    // when
    List<WorkloadRecord> records = generate(WorkloadShape.clean(20_000, 50, 200, 1, "t"));

    // then every kind is there, in the proportions of the realistic mix
    Map<EventKind, Integer> byKind = new EnumMap<>(EventKind.class);
    records.forEach(r -> byKind.merge(r.kind(), 1, Integer::sum));
    EventMix mix = EventMix.realistic();
    for (EventKind kind : EventKind.values()) {
      assertThat(byKind.getOrDefault(kind, 0) / 20_000.0)
          .as(kind.name())
          .isCloseTo(mix.share(kind), within(0.01));
    }
    assertThat(byKind.get(EventKind.TANKER_DELIVERY) + byKind.get(EventKind.CONTAINER_SHIPMENT))
        .isGreaterThan(16_000);
  }

  @Test
  void shouldPutEachEventOnTheTopicOfItsKindUnderItsOwnId() {
    for (WorkloadRecord r : generate(WorkloadShape.clean(2_000, 50, 200, 3, "t"))) {
      assertThat(EventTypes.kindOf(r.event())).isEqualTo(r.kind());
      assertThat(EventTypes.headerOf(r.event()).getEventId()).isEqualTo(r.key());
    }
  }

  @Test
  void shouldResendEarlierEventsAndIncludeInvalidAndUndecodableRecords() {
    // when
    List<WorkloadRecord> records = generate(WorkloadShape.backlog(50_000, 50, 200, 11));

    // then re-sends repeat an id seen before, with the same content
    Map<String, WorkloadRecord> seen = new HashMap<>();
    Map<Flavor, Integer> byFlavor = new EnumMap<>(Flavor.class);
    for (WorkloadRecord r : records) {
      byFlavor.merge(r.flavor(), 1, Integer::sum);
      if (r.flavor() == Flavor.DUPLICATE) {
        assertThat(seen).containsKey(r.key());
        assertThat(r.event()).isEqualTo(seen.get(r.key()).event());
      } else {
        assertThat(seen).doesNotContainKey(r.key());
        seen.put(r.key(), r);
      }
    }
    assertThat(byFlavor.get(Flavor.DUPLICATE)).isBetween(800, 1_200); // 2 %
    assertThat(byFlavor.get(Flavor.INVALID)).isBetween(140, 260); // 0.4 %
    assertThat(byFlavor.get(Flavor.GARBAGE)).isBetween(10, 50); // 0.05 %

    // and invalid records break a domain rule a validator must catch
    records.stream()
        .filter(r -> r.flavor() == Flavor.INVALID)
        .map(r -> (TankerDelivery) r.event())
        .forEach(t -> assertThat(t.getQuantity() < 0 || t.getUnit().equals("HOGSHEAD")).isTrue());
    // and garbage never starts with the wire format's magic byte
    records.stream()
        .filter(r -> r.flavor() == Flavor.GARBAGE)
        .forEach(r -> assertThat(r.garbage()[0]).isNotEqualTo((byte) 0));
  }

  @Test
  void shouldNameNoMoreVesselsThanConfigured() {
    Set<String> imos = new HashSet<>();
    for (WorkloadRecord r : generate(WorkloadShape.clean(10_000, 25, 200, 5, "t"))) {
      if (r.event() instanceof TankerDelivery t) {
        imos.add(t.getVesselImo());
      }
    }
    assertThat(imos).hasSize(25);
  }
}
