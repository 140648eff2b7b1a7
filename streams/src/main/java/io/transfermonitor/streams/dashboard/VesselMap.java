package io.transfermonitor.streams.dashboard;

import io.transfermonitor.streams.query.CaseRow;
import io.transfermonitor.streams.query.FindingRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the dashboard's map shows of the AIS findings: the latest of them, and the tracks of the
 * vessels in open cases. A vessel is in an open case when one of its findings became an event among
 * the case's evidence (an encounter puts both of its vessels there). The monitor keeps no position
 * history, so a track joins the vessel's own findings in time order: each port call and encounter
 * where it happened, each dark period's last position before the silence and first after it.
 * Identity anomalies are left out of tracks, their second place being another transmitter's.
 *
 * @param total findings known
 * @param findings the latest {@code limit} of them, the latest start first
 * @param tracks one per vessel in an open case, by MMSI
 */
record VesselMap(long total, List<FindingRow> findings, List<Track> tracks) {

  static VesselMap of(List<FindingRow> latestFirst, List<CaseRow> openCases, int limit) {
    Map<String, Set<String>> casesByEvent = new HashMap<>();
    for (CaseRow c : openCases) {
      for (String eventId : c.evidence()) {
        casesByEvent.computeIfAbsent(eventId, e -> new TreeSet<>()).add(c.caseId());
      }
    }
    Map<String, Set<String>> casesByVessel = new TreeMap<>();
    for (FindingRow f : latestFirst) {
      Set<String> cases = f.eventId() == null ? null : casesByEvent.get(f.eventId());
      if (cases != null) {
        casesByVessel.computeIfAbsent(f.mmsi(), v -> new TreeSet<>()).addAll(cases);
        if (f.otherMmsi() != null) {
          casesByVessel.computeIfAbsent(f.otherMmsi(), v -> new TreeSet<>()).addAll(cases);
        }
      }
    }
    List<Track> tracks = new ArrayList<>();
    casesByVessel.forEach(
        (mmsi, cases) -> tracks.add(Track.of(mmsi, List.copyOf(cases), latestFirst)));
    return new VesselMap(
        latestFirst.size(), latestFirst.stream().limit(limit).toList(), List.copyOf(tracks));
  }

  /**
   * Where a vessel in an open case was seen, oldest first.
   *
   * @param mmsi the vessel
   * @param name its name, when a finding of its own knows it
   * @param caseIds the open cases it is in
   * @param points the positions its findings place it at, in time order
   */
  record Track(String mmsi, String name, List<String> caseIds, List<TrackPoint> points) {

    static Track of(String mmsi, List<String> caseIds, List<FindingRow> findings) {
      List<FindingRow> own =
          findings.stream()
              .filter(f -> f.about(mmsi) && !f.kind().equals("IDENTITY_ANOMALY"))
              .toList();
      String name =
          own.stream()
              .filter(f -> f.mmsi().equals(mmsi) && f.name() != null)
              .map(FindingRow::name)
              .findFirst()
              .orElse(null);
      List<TrackPoint> points = new ArrayList<>();
      for (FindingRow f : own) {
        points.add(new TrackPoint(f.start(), f.latitude(), f.longitude()));
        if (f.kind().equals("DARK_PERIOD") && f.end() != null && f.endLatitude() != null) {
          points.add(new TrackPoint(f.end(), f.endLatitude(), f.endLongitude()));
        }
      }
      points.sort(Comparator.comparing((TrackPoint p) -> Instant.parse(p.time())));
      return new Track(mmsi, name, caseIds, List.copyOf(points));
    }
  }

  /**
   * One position of a track.
   *
   * @param time when the vessel was there, ISO-8601
   * @param latitude degrees north
   * @param longitude degrees east
   */
  record TrackPoint(String time, double latitude, double longitude) {}
}
