package io.transfermonitor.streams.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImoClonesTest {

  private static final long HOUR = 3_600_000L;
  private final ImoClones clones = new ImoClones(ImoClones.Params.DEFAULTS);

  @Test
  void shouldReportOneImoOnTwoMmsisFarApartWithinHours() {
    // given IMO 9000001 sent by an MMSI in the Korea Bay
    List<ImoSighting> state = new ArrayList<>();
    clones.accept(state, sighting("445000001", 0, 38.6, 124.8));
    // when another MMSI sends it from the East China Sea, about 420 nm away, an hour later
    List<IdentityAnomaly> anomalies =
        clones.accept(state, sighting("352000001", HOUR, 31.8, 124.0));
    // then it is a clone, and both MMSIs stay in the state
    assertThat(anomalies)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(IdentityAnomaly.Kind.IMO_CLONE);
              assertThat(a.mmsi()).isEqualTo("352000001");
              assertThat(a.detail()).contains("IMO 9000001").contains("445000001");
            });
    assertThat(state)
        .extracting(ImoSighting::mmsi)
        .containsExactlyInAnyOrder("445000001", "352000001");
  }

  @Test
  void shouldNotReportAReflaggedShipNorSightingsDaysApart() {
    List<ImoSighting> state = new ArrayList<>();
    clones.accept(state, sighting("445000001", 0, 38.6, 124.8));
    // a new MMSI at the same place (re-flag): no clone
    assertThat(clones.accept(state, sighting("352000001", HOUR, 38.61, 124.8))).isEmpty();
    // a third one far away, but three days later: outside the window
    assertThat(clones.accept(state, sighting("273000001", 72 * HOUR, 31.8, 124.0))).isEmpty();
  }

  private static ImoSighting sighting(String mmsi, long time, double lat, double lon) {
    return new ImoSighting("9000001", mmsi, Ping.at(mmsi, time, lat, lon));
  }
}
