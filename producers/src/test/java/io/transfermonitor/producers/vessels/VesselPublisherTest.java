package io.transfermonitor.producers.vessels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.producers.ReferencePlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class VesselPublisherTest {

  private static final String TOPIC = "tm.reference.vessels";

  private final MockProducer<String, VesselRecord> producer =
      new MockProducer<>(true, null, new StringSerializer(), (topic, value) -> new byte[0]);

  @Test
  void shouldKeyVesselsByImoNumberElseByMmsi() {
    // given an empty topic
    // when a register with a vessel of each kind is published
    ReferencePlan<VesselRecord> plan =
        publish(
            Map.of(),
            List.of(
                vessel("9074729", "273990201", "AURORA", "reg"),
                vessel(null, "445990301", "CORAL", "reg")));

    // then
    assertThat(producer.history())
        .extracting(ProducerRecord::topic, ProducerRecord::key, r -> r.value().getName())
        .containsExactly(
            tuple(TOPIC, "IMO:9074729", "AURORA"), tuple(TOPIC, "MMSI:445990301", "CORAL"));
    assertThat(plan.describe()).isEqualTo("2 added, 0 changed, 0 removed, 0 unchanged");
  }

  @Test
  void shouldPublishOnlyChangesAndTombstoneWhatTheSameRegisterNoLongerHolds() {
    // given a topic holding three vessels of register "reg" and one of register "other"
    VesselRecord aurora = vessel("9074729", "273990201", "AURORA", "reg");
    VesselRecord breeze = vessel("1900312", "273990202", "BREEZE", "reg");
    VesselRecord coral = vessel(null, "445990301", "CORAL", "reg");
    VesselRecord dawn = vessel("1900329", "351990302", "DAWN", "other");
    Map<String, VesselRecord> held = held(aurora, breeze, coral, dawn);

    // when "reg" is loaded again with AURORA as it was, BREEZE renamed and CORAL gone
    VesselRecord renamed = vessel("1900312", "273990202", "BREEZE STAR", "reg");
    ReferencePlan<VesselRecord> plan = publish(held, List.of(aurora, renamed));

    // then BREEZE is written, CORAL gets a tombstone, AURORA and the other register's DAWN nothing
    assertThat(producer.history())
        .extracting(ProducerRecord::key, ProducerRecord::value)
        .containsExactly(tuple("IMO:1900312", renamed), tuple("MMSI:445990301", null));
    assertThat(plan.describe()).isEqualTo("0 added, 1 changed, 1 removed, 1 unchanged");
    assertThat(plan.removed()).containsExactly("MMSI:445990301");
  }

  @Test
  void shouldPublishNothingWhenTheSameRegisterIsLoadedAgain() {
    // given a topic holding what the register holds
    VesselRecord aurora = vessel("9074729", "273990201", "AURORA", "reg");

    // when it is loaded again
    ReferencePlan<VesselRecord> plan = publish(held(aurora), List.of(aurora));

    // then
    assertThat(producer.history()).isEmpty();
    assertThat(plan.describe()).isEqualTo("0 added, 0 changed, 0 removed, 1 unchanged");
  }

  private ReferencePlan<VesselRecord> publish(
      Map<String, VesselRecord> held, List<VesselRecord> vessels) {
    try (VesselPublisher publisher = new VesselPublisher(producer, TOPIC)) {
      return publisher.publish(held, vessels);
    }
  }

  private static Map<String, VesselRecord> held(VesselRecord... vessels) {
    Map<String, VesselRecord> held = new LinkedHashMap<>();
    for (VesselRecord vessel : vessels) {
      held.put(VesselKey.of(vessel), vessel);
    }
    return held;
  }

  private static VesselRecord vessel(String imo, String mmsi, String name, String source) {
    return VesselRecord.newBuilder()
        .setImo(imo)
        .setMmsi(mmsi)
        .setName(name)
        .setFlag("RUS")
        .setSource(source)
        .build();
  }
}
