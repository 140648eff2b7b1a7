package io.transfermonitor.streams.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.streams.ais.Gazetteer.Port;
import java.util.List;
import org.junit.jupiter.api.Test;

class VesselTrackSerdeTest {

  private static final long HOUR = 3_600_000L;
  private static final Port HARBOUR = new Port("Harbour", "PRK", 20.0, 150.0, 3_000, "test");
  private static final AisDetectors DETECTORS =
      AisDetectors.defaults(new Gazetteer(List.of(HARBOUR), List.of()));

  @Test
  void shouldRestoreATrackInPortThatGoesOnAsTheOriginal() {
    // given a track stopped in port, with draught and destination
    VesselTrack original = new VesselTrack(DETECTORS, "445123456");
    original.acceptVoyage(null, 4.2, "HARBOUR");
    original.accept(new Ping("445123456", 0, 20.0, 150.001, 0.1, 45.0, 50));
    original.accept(Ping.at("445123456", HOUR, 20.0, 150.002).withSpeed(0.1));
    original.acceptVoyage(null, 7.8, null);
    VesselTrackSerde serde = new VesselTrackSerde(DETECTORS);
    // when it is written and read back
    byte[] bytes = serde.serializer().serialize("store", original);
    VesselTrack restored = serde.deserializer().deserialize("store", bytes);
    // then it holds the same state, and the same next position makes the same call on both
    assertThat(restored.last()).isEqualTo(original.last());
    assertThat(restored.visit()).isEqualTo(original.visit());
    assertThat(restored.draught()).isEqualTo(7.8);
    assertThat(restored.destination()).isEqualTo("HARBOUR");
    Ping out = Ping.at("445123456", 5 * HOUR, 20.1, 150.0).withSpeed(10);
    List<AisFinding> fromOriginal = original.accept(out);
    assertThat(fromOriginal).hasSize(1);
    assertThat(restored.accept(out)).isEqualTo(fromOriginal);
    // and the state is small
    assertThat(bytes.length).isLessThan(200);
  }

  @Test
  void shouldRestoreAnEmptyTrack() {
    VesselTrackSerde serde = new VesselTrackSerde(DETECTORS);
    VesselTrack restored =
        serde
            .deserializer()
            .deserialize(
                "store",
                serde.serializer().serialize("store", new VesselTrack(DETECTORS, "273000001")));
    assertThat(restored.mmsi()).isEqualTo("273000001");
    assertThat(restored.last()).isNull();
    assertThat(restored.visit()).isNull();
  }
}
