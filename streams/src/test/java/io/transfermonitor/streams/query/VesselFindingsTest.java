package io.transfermonitor.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.VesselFinding;
import io.transfermonitor.model.VesselFindingKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VesselFindingsTest {

  @Test
  void shouldKeepTheLatestRecordOfEachFindingTheLatestStartFirst() {
    // given an open dark period, a port call after it, and then the dark period closed
    VesselFindings findings = new VesselFindings();
    findings.accept(dark(null));
    findings.accept(
        finding("445100001/port-call/1", VesselFindingKind.PORT_CALL, "2024-03-05T00:00:00Z")
            .setPlace("Nampho")
            .build());
    findings.accept(dark(Instant.parse("2024-03-02T13:00:00Z")));

    // when the map reads them
    var rows = findings.all();

    // then the dark period once, closed, after the later port call
    assertThat(rows)
        .extracting(FindingRow::findingId)
        .containsExactly("445100001/port-call/1", "445100001/dark/1");
    assertThat(rows.get(1).end()).isEqualTo("2024-03-02T13:00:00Z");
    assertThat(rows.get(1).endLatitude()).isEqualTo(38.7);
    assertThat(rows.get(0).place()).isEqualTo("Nampho");
  }

  private static VesselFinding dark(Instant end) {
    VesselFinding.Builder dark =
        finding("445100001/dark/1", VesselFindingKind.DARK_PERIOD, "2024-03-01T00:00:00Z");
    if (end != null) {
      dark.setEnd(end).setEndLatitude(38.7).setEndLongitude(125.2);
    }
    return dark.build();
  }

  private static VesselFinding.Builder finding(String id, VesselFindingKind kind, String start) {
    return VesselFinding.newBuilder()
        .setFindingId(id)
        .setKind(kind)
        .setMmsi("445100001")
        .setStart(Instant.parse(start))
        .setLatitude(38.5)
        .setLongitude(124.5)
        .setDetail(kind + " seen");
  }
}
