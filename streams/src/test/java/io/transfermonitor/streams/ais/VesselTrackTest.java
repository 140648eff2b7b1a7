package io.transfermonitor.streams.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.streams.ais.Gazetteer.Port;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The track filter, port visits and dark periods with their published parameters and edges. */
class VesselTrackTest {

  private static final long T0 = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final String MMSI = "445123456";
  private static final AisDetectors SHIPPED = AisDetectors.defaults(Gazetteer.shipped());

  /** A test port at sea, radius 3 km as Global Fishing Watch's anchorages. */
  private static final Port HARBOUR = new Port("Harbour", "PRK", 20.0, 150.0, 3_000, "test");

  private static final AisDetectors ONE_PORT =
      AisDetectors.defaults(new Gazetteer(List.of(HARBOUR), List.of()));

  // --- track filter ---

  @Test
  void shouldReportAnMmsiJumping500NauticalMilesInAnHourAndKeepItsTrack() {
    // given a vessel in the West Korea Bay
    VesselTrack track = new VesselTrack(SHIPPED, MMSI);
    Ping here = Ping.at(MMSI, T0, 38.6, 124.8).withSpeed(10);
    track.accept(here);
    // when the same MMSI reports a position 500 nm away an hour later
    double[] far = Geo.offset(38.6, 124.8, 160, 500 * Geo.METRES_PER_NAUTICAL_MILE);
    List<AisFinding> findings = track.accept(Ping.at(MMSI, T0 + HOUR, far[0], far[1]));
    // then it is an identity anomaly, not a position: the track keeps the old one
    assertThat(findings)
        .singleElement()
        .isInstanceOfSatisfying(
            IdentityAnomaly.class,
            a -> {
              assertThat(a.kind()).isEqualTo(IdentityAnomaly.Kind.POSITION_JUMP);
              assertThat(a.detail()).contains("500.0 nm").contains("60 min");
              assertThat(a.id()).isEqualTo(MMSI + "/position-jump/" + (T0 + HOUR));
            });
    assertThat(track.last()).isEqualTo(here);
  }

  @Test
  void shouldAcceptA40KnotRunAsAPosition() {
    // given a fast vessel: 40 nm in an hour is under the 50 kn limit
    VesselTrack track = new VesselTrack(SHIPPED, MMSI);
    track.accept(Ping.at(MMSI, T0, 30.0, 140.0));
    double[] next = Geo.offset(30.0, 140.0, 90, 40 * Geo.METRES_PER_NAUTICAL_MILE);
    // then it moves on
    assertThat(track.accept(Ping.at(MMSI, T0 + HOUR, next[0], next[1]))).isEmpty();
    assertThat(track.last().time()).isEqualTo(T0 + HOUR);
  }

  @Test
  void shouldDropDuplicatesAndTooOldPositionsWithTheReasonAndTakeLateOnes() {
    // given a track at T0 + 1 h
    VesselTrack track = new VesselTrack(SHIPPED, MMSI);
    Ping newest = Ping.at(MMSI, T0 + HOUR, 30.0, 140.0);
    track.accept(newest);
    // when the same position comes again, one 5 min late, one 11 min late
    List<AisFinding> duplicate = track.accept(Ping.at(MMSI, T0 + HOUR, 30.0, 140.0001));
    List<AisFinding> late = track.accept(Ping.at(MMSI, T0 + HOUR - 5 * MINUTE, 30.0, 139.99));
    List<AisFinding> old = track.accept(Ping.at(MMSI, T0 + HOUR - 11 * MINUTE, 30.0, 139.98));
    // then the duplicate and the old one are dropped with their reasons, the late one is taken
    assertThat(duplicate)
        .singleElement()
        .isInstanceOfSatisfying(
            PositionDropped.class,
            d -> assertThat(d.reason()).isEqualTo(PositionDropped.Reason.DUPLICATE));
    assertThat(late).isEmpty();
    assertThat(old)
        .singleElement()
        .isInstanceOfSatisfying(
            PositionDropped.class,
            d -> assertThat(d.reason()).isEqualTo(PositionDropped.Reason.TOO_OLD));
    assertThat(track.last()).isEqualTo(newest);
  }

  // --- dark periods ---

  @Test
  void shouldFindNoDarkPeriodAfter11HoursAndOneAfter13HoursInAnAreaOfInterest() {
    // given vessels in the DPRK's west coast waters, off Nampho
    VesselTrack eleven = new VesselTrack(SHIPPED, MMSI);
    VesselTrack thirteen = new VesselTrack(SHIPPED, MMSI);
    for (VesselTrack track : List.of(eleven, thirteen)) {
      track.acceptVoyage(null, 5.0, "NAMPO");
      track.accept(Ping.at(MMSI, T0, 38.65, 125.0).withSpeed(1));
    }
    thirteen.acceptVoyage(null, 9.5, null);
    // when one is silent 11 h, the other 13 h and reappears 30 nm away
    double[] away = Geo.offset(38.65, 125.0, 200, 30 * Geo.METRES_PER_NAUTICAL_MILE);
    List<AisFinding> after11 = eleven.accept(Ping.at(MMSI, T0 + 11 * HOUR, away[0], away[1]));
    List<AisFinding> after13 = thirteen.accept(Ping.at(MMSI, T0 + 13 * HOUR, away[0], away[1]));
    // then only the 13 h silence is a dark period, with its hours, distance and draught change
    assertThat(after11).isEmpty();
    assertThat(after13)
        .singleElement()
        .isInstanceOfSatisfying(
            DarkPeriod.class,
            d -> {
              assertThat(d.open()).isFalse();
              assertThat(d.hoursDark()).isEqualTo(13.0);
              assertThat(d.nauticalMiles())
                  .isCloseTo(30.0, org.assertj.core.data.Offset.offset(0.01));
              assertThat(d.draughtChange()).isEqualTo(4.5);
              assertThat(d.why()).isEqualTo("last seen in DPRK west coast waters");
              assertThat(d.id()).isEqualTo(MMSI + "/dark/" + T0);
            });
  }

  @Test
  void shouldFindNoDarkPeriodAfter13HoursOutsideEveryAreaAndNotHeadingForOne() {
    // given a vessel in the Yellow Sea south of the areas, steaming south, bound for nowhere known
    VesselTrack track = new VesselTrack(SHIPPED, MMSI);
    track.accept(new Ping(MMSI, T0, 37.3, 124.5, 10.0, 180.0, null));
    // then 13 h of silence are no finding
    assertThat(track.accept(Ping.at(MMSI, T0 + 13 * HOUR, 35.5, 124.5))).isEmpty();
  }

  @Test
  void shouldFindADarkPeriodOfAVesselHeadingForAnAreaOrBoundForAPortInOne() {
    // given the same position, one vessel steaming north into the DPRK's waters 30 nm ahead,
    // another steaming south but bound for Nampho
    VesselTrack north = new VesselTrack(SHIPPED, MMSI);
    north.accept(new Ping(MMSI, T0, 37.3, 124.5, 10.0, 0.0, null));
    VesselTrack bound = new VesselTrack(SHIPPED, MMSI);
    bound.acceptVoyage(null, null, "NAMPHO");
    bound.accept(new Ping(MMSI, T0, 37.3, 124.5, 10.0, 180.0, null));
    // when both are silent 13 h
    List<AisFinding> headed = north.accept(Ping.at(MMSI, T0 + 13 * HOUR, 37.2, 124.5));
    List<AisFinding> destined = bound.accept(Ping.at(MMSI, T0 + 13 * HOUR, 37.2, 124.5));
    // then both are dark periods, with why
    assertThat(headed)
        .singleElement()
        .isInstanceOfSatisfying(
            DarkPeriod.class,
            d -> assertThat(d.why()).startsWith("heading for DPRK west coast waters"));
    assertThat(destined)
        .singleElement()
        .isInstanceOfSatisfying(
            DarkPeriod.class, d -> assertThat(d.why()).startsWith("bound for Nampho"));
  }

  @Test
  void shouldReportAVesselStillDarkOnceAndCloseThePeriodUnderTheSameId() {
    // given a vessel last seen off Nampho
    VesselTrack track = new VesselTrack(SHIPPED, MMSI);
    track.accept(Ping.at(MMSI, T0, 38.65, 125.0));
    // when the periodic check runs at 11, 13 and 14 h, and the vessel reappears at 15 h
    List<AisFinding> at11 = track.check(T0 + 11 * HOUR);
    List<AisFinding> at13 = track.check(T0 + 13 * HOUR);
    List<AisFinding> at14 = track.check(T0 + 14 * HOUR);
    List<AisFinding> back = track.accept(Ping.at(MMSI, T0 + 15 * HOUR, 38.6, 125.0));
    // then it is reported open once, at 13 h, and closed with the same id when it reappears
    assertThat(at11).isEmpty();
    assertThat(at13)
        .singleElement()
        .isInstanceOfSatisfying(
            DarkPeriod.class,
            d -> {
              assertThat(d.open()).isTrue();
              assertThat(d.hoursDark()).isEqualTo(13.0);
            });
    assertThat(at14).isEmpty();
    assertThat(back)
        .singleElement()
        .isInstanceOfSatisfying(
            DarkPeriod.class,
            d -> {
              assertThat(d.open()).isFalse();
              assertThat(d.id()).isEqualTo(at13.get(0).id());
            });
  }

  // --- port visits ---

  @Test
  void shouldRecordAPortCallAtNamphoWithArrivalStopDepartureAndDraughtChange() {
    // given a tanker arriving at Nampho in ballast (draught 4.2 m)
    Port nampho =
        SHIPPED.gazetteer().ports().stream()
            .filter(p -> p.name().equals("Nampho"))
            .findFirst()
            .orElseThrow();
    VesselTrack track = new VesselTrack(SHIPPED, MMSI);
    track.acceptVoyage("9000001", 4.2, "NAMPO");
    List<AisFinding> findings = new ArrayList<>();
    findings.addAll(track.accept(at(nampho, 10_000, T0, 8)));
    findings.addAll(track.accept(at(nampho, 1_000, T0 + HOUR, 3))); // arrival
    for (int h = 2; h <= 20; h++) {
      findings.addAll(track.accept(at(nampho, 500, T0 + h * HOUR, h == 2 ? 0.0 : 0.1))); // stopped
      if (h == 10) {
        track.acceptVoyage("9000001", 7.8, "NAMPO"); // laden
      }
    }
    findings.addAll(track.accept(at(nampho, 1_000, T0 + 21 * HOUR, 6))); // moving again
    findings.addAll(track.accept(at(nampho, 7_000, T0 + 22 * HOUR, 9))); // out beyond 5 + 1 km
    // then one call: arrival, 19 h stopped, departure, and the draught from 4.2 to 7.8 m
    assertThat(findings)
        .singleElement()
        .isInstanceOfSatisfying(
            PortCall.class,
            c -> {
              assertThat(c.port().name()).isEqualTo("Nampho");
              assertThat(c.arrival()).isEqualTo(T0 + HOUR);
              assertThat(c.departure()).isEqualTo(T0 + 22 * HOUR);
              assertThat(c.stopped()).isTrue();
              assertThat(c.stoppedMillis()).isEqualTo(19 * HOUR);
              assertThat(c.draughtAtArrival()).isEqualTo(4.2);
              assertThat(c.draughtAtDeparture()).isEqualTo(7.8);
              assertThat(c.draughtChange())
                  .isCloseTo(3.6, org.assertj.core.data.Offset.offset(1e-9));
              assertThat(c.id()).isEqualTo(MMSI + "/port-call/" + (T0 + HOUR));
            });
  }

  @Test
  void shouldRecordNoCallForAVesselPassingAPortAt12Knots() {
    // given a vessel passing 1 km from the harbour at 12 kn, a position every 5 minutes
    VesselTrack track = new VesselTrack(ONE_PORT, MMSI);
    double[] start = Geo.offset(HARBOUR.lat(), HARBOUR.lon(), 0, 1_000);
    List<AisFinding> findings = new ArrayList<>();
    for (int i = -12; i <= 12; i++) {
      double[] p = Geo.offset(start[0], start[1], 90, i * Geo.METRES_PER_NAUTICAL_MILE);
      findings.addAll(
          track.accept(Ping.at(MMSI, T0 + (i + 12) * 5 * MINUTE, p[0], p[1]).withSpeed(12)));
    }
    // then it never stopped and stayed minutes: no call
    assertThat(findings).isEmpty();
    assertThat(track.visit()).isNull();
  }

  @Test
  void shouldEnterAt2point9KilometresStayInPortAt3point5AndLeaveAt4point1() {
    // given a vessel coming in from 5 km
    VesselTrack track = new VesselTrack(ONE_PORT, MMSI);
    track.accept(at(HARBOUR, 5_000, T0, 6));
    assertThat(track.visit()).isNull();
    // when it reaches 2.9 km and stops, then hovers at 3.5 km for 6 h
    track.accept(at(HARBOUR, 2_900, T0 + HOUR, 0.1));
    assertThat(track.visit()).isNotNull();
    List<AisFinding> hovering = new ArrayList<>();
    for (int h = 2; h <= 7; h++) {
      hovering.addAll(track.accept(at(HARBOUR, 3_500, T0 + h * HOUR, 0.1)));
    }
    // then it is still in port
    assertThat(hovering).isEmpty();
    assertThat(track.visit()).isNotNull();
    // and it leaves when it is 4.1 km out
    List<AisFinding> out = track.accept(at(HARBOUR, 4_100, T0 + 8 * HOUR, 5));
    assertThat(out)
        .singleElement()
        .isInstanceOfSatisfying(
            PortCall.class,
            c -> {
              assertThat(c.arrival()).isEqualTo(T0 + HOUR);
              assertThat(c.departure()).isEqualTo(T0 + 8 * HOUR);
            });
    assertThat(track.visit()).isNull();
  }

  @Test
  void shouldNotEnterAt3point1Kilometres() {
    VesselTrack track = new VesselTrack(ONE_PORT, MMSI);
    for (int h = 0; h < 6; h++) {
      track.accept(at(HARBOUR, 3_100, T0 + h * HOUR, 0.1));
    }
    assertThat(track.visit()).isNull();
  }

  @Test
  void shouldSplitAVisitAtASilenceOf5HoursInPort() {
    // given a vessel stopped in the harbour with a position every 30 minutes for 2 h
    VesselTrack track = new VesselTrack(ONE_PORT, MMSI);
    List<AisFinding> findings = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      findings.addAll(track.accept(at(HARBOUR, 1_000, T0 + i * 30 * MINUTE, 0.1)));
    }
    // when it is silent 5 h, then stays 2 h more and leaves
    for (int i = 0; i <= 4; i++) {
      findings.addAll(track.accept(at(HARBOUR, 1_000, T0 + 7 * HOUR + i * 30 * MINUTE, 0.1)));
    }
    findings.addAll(track.accept(at(HARBOUR, 6_000, T0 + 10 * HOUR, 8)));
    // then two calls: the first ends at its last position before the silence
    assertThat(findings).hasSize(2).allMatch(PortCall.class::isInstance);
    PortCall first = (PortCall) findings.get(0);
    PortCall second = (PortCall) findings.get(1);
    assertThat(first.arrival()).isEqualTo(T0);
    assertThat(first.departure()).isEqualTo(T0 + 2 * HOUR);
    assertThat(second.arrival()).isEqualTo(T0 + 7 * HOUR);
    assertThat(second.departure()).isEqualTo(T0 + 10 * HOUR);
  }

  /** A position {@code metres} south-west of {@code port} at {@code knots}. */
  private static Ping at(Port port, double metres, long time, double knots) {
    double[] p = Geo.offset(port.lat(), port.lon(), 225, metres);
    return Ping.at(MMSI, time, p[0], p[1]).withSpeed(knots);
  }
}
