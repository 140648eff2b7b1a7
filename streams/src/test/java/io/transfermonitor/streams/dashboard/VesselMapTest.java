package io.transfermonitor.streams.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.streams.dashboard.VesselMap.Track;
import io.transfermonitor.streams.dashboard.VesselMap.TrackPoint;
import io.transfermonitor.streams.query.CaseRow;
import io.transfermonitor.streams.query.FindingRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class VesselMapTest {

  private static final String TANKER = "445100001";
  private static final String OTHER = "273300002";
  private static final String BYSTANDER = "412300003";

  // latest first, as VesselFindings gives them
  private static final List<FindingRow> FINDINGS =
      List.of(
          finding(
              "f5",
              "PORT_CALL",
              BYSTANDER,
              null,
              "2024-06-01T00:00:00Z",
              null,
              30.0,
              122.0,
              null,
              null,
              "e5"),
          finding(
              "f4",
              "ENCOUNTER",
              OTHER,
              TANKER,
              "2024-05-07T02:00:00Z",
              "2024-05-07T06:00:00Z",
              38.9,
              124.1,
              null,
              null,
              "e4"),
          finding(
              "f3",
              "IDENTITY_ANOMALY",
              TANKER,
              null,
              "2024-04-20T00:00:00Z",
              null,
              39.0,
              125.0,
              10.0,
              110.0,
              "e3"),
          finding(
              "f2",
              "DARK_PERIOD",
              TANKER,
              null,
              "2024-04-02T00:00:00Z",
              "2024-04-03T12:00:00Z",
              38.5,
              124.5,
              38.7,
              125.2,
              "e2"),
          finding(
              "f1",
              "PORT_CALL",
              TANKER,
              null,
              "2024-03-01T00:00:00Z",
              "2024-03-02T00:00:00Z",
              38.7,
              125.4,
              null,
              null,
              "e1"));

  @Test
  void shouldDrawATrackForEachVesselInAnOpenCaseThroughItsFindingsInTimeOrder() {
    // given an open case of the tanker's dark period and one of its encounter with another vessel
    List<CaseRow> open =
        List.of(
            openCase("ais-dark-period-dprk-waters/TANKER", List.of("x", "e2")),
            openCase("unscr-2375-ship-to-ship/RUS/PRK", List.of("e4")));

    // when the map is assembled
    VesselMap map = VesselMap.of(FINDINGS, open, 10);

    // then both vessels of the encounter have a track, the bystander none
    assertThat(map.tracks()).extracting(Track::mmsi).containsExactly(OTHER, TANKER);
    Track tanker = map.tracks().get(1);
    assertThat(tanker.caseIds())
        .containsExactly("ais-dark-period-dprk-waters/TANKER", "unscr-2375-ship-to-ship/RUS/PRK");
    assertThat(tanker.name()).isEqualTo("SHIP " + TANKER);
    // the port, both ends of the silence, the encounter; never the anomaly's second place
    assertThat(tanker.points())
        .extracting(TrackPoint::time, TrackPoint::latitude, TrackPoint::longitude)
        .containsExactly(
            tuple("2024-03-01T00:00:00Z", 38.7, 125.4),
            tuple("2024-04-02T00:00:00Z", 38.5, 124.5),
            tuple("2024-04-03T12:00:00Z", 38.7, 125.2),
            tuple("2024-05-07T02:00:00Z", 38.9, 124.1));
    // the encounter's finding names its first vessel, the other vessel here
    assertThat(map.tracks().get(0).name()).isEqualTo("SHIP " + OTHER);
  }

  @Test
  void shouldDrawNoTrackWhenNoOpenCaseCitesAFindingsEvent() {
    // given a case citing events that are no finding's
    List<CaseRow> open = List.of(openCase("unscr-1718-arms-embargo/PRK/RUS", List.of("e-ship")));

    // when the map is assembled
    VesselMap map = VesselMap.of(FINDINGS, open, 10);

    // then the findings are shown but no track
    assertThat(map.findings()).hasSize(5);
    assertThat(map.tracks()).isEmpty();
  }

  @Test
  void shouldListTheLatestFindingsUpToTheLimitAndCountThemAll() {
    // when two are asked for
    VesselMap map = VesselMap.of(FINDINGS, List.of(), 2);

    // then the two latest, and the count of all
    assertThat(map.findings()).extracting(FindingRow::findingId).containsExactly("f5", "f4");
    assertThat(map.total()).isEqualTo(5);
  }

  private static FindingRow finding(
      String id,
      String kind,
      String mmsi,
      String otherMmsi,
      String start,
      String end,
      double lat,
      double lon,
      Double endLat,
      Double endLon,
      String eventId) {
    return new FindingRow(
        id,
        kind,
        mmsi,
        otherMmsi,
        null,
        "SHIP " + mmsi,
        null,
        start,
        end,
        lat,
        lon,
        endLat,
        endLon,
        null,
        null,
        null,
        kind + " of " + mmsi,
        eventId);
  }

  private static CaseRow openCase(String caseId, List<String> evidence) {
    return new CaseRow(
        caseId,
        caseId.split("/")[0],
        "BAN",
        caseId,
        "basis",
        "OPEN",
        "HIGH",
        null,
        "2024-01-01T00:00:00Z",
        "2024-06-01T00:00:00Z",
        1,
        List.of(),
        evidence,
        List.of(),
        1,
        List.of());
  }
}
