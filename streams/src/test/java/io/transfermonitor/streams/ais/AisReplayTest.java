package io.transfermonitor.streams.ais;

import static io.transfermonitor.streams.ais.Tracks.HOUR;
import static io.transfermonitor.streams.ais.Tracks.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.streams.ais.Gazetteer.Area;
import io.transfermonitor.streams.ais.Gazetteer.Port;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AisReplayTest {

  private static final long T0 = 1_714_521_600_000L; // 2024-05-01T00:00:00Z

  private final Gazetteer gazetteer =
      new Gazetteer(
          List.of(new Port("Far", "XXX", 30.0, 130.0, 3_000, "test")),
          List.of(
              new Area(
                  "Bay",
                  List.of(
                      new double[] {38, 123},
                      new double[] {39, 123},
                      new double[] {39, 125},
                      new double[] {38, 125}),
                  "test")));
  private final AisReplay replay = new AisReplay(AisSettings.of(gazetteer));

  @Test
  void shouldReportADarkVesselOpenThenReplaceItByTheClosedPeriodWhenItIsHeardAgain() {
    // given a vessel heard for an hour in the bay, then silent for 14 h, and another heard all
    // along
    List<Ping> dark =
        new ArrayList<>(Tracks.steady("445000001", T0, T0 + HOUR, 2 * MINUTE, 0, 38.5, 124, 90, 3));
    dark.addAll(
        Tracks.steady(
            "445000001", T0 + 15 * HOUR, T0 + 16 * HOUR, 2 * MINUTE, 0, 38.5, 124.3, 90, 3));
    List<Ping> other =
        Tracks.steady("273000001", T0, T0 + 16 * HOUR, 5 * MINUTE, MINUTE, 20, 150, 0, 10);

    // when the first 14 hours are read
    List<Ping> all = new ArrayList<>(dark);
    all.addAll(other);
    all.sort(Comparator.comparingLong(Ping::time));
    all.stream().filter(p -> p.time() < T0 + 14 * HOUR).forEach(replay::accept);

    // then the vessel is dark since its last position, still open
    assertThat(replay.findings())
        .singleElement()
        .isInstanceOfSatisfying(
            DarkPeriod.class,
            d -> {
              assertThat(d.open()).isTrue();
              assertThat(d.last().time()).isEqualTo(T0 + HOUR);
            });

    // when the rest is read
    all.stream().filter(p -> p.time() >= T0 + 14 * HOUR).forEach(replay::accept);
    replay.finish();

    // then the same period, closed by the position that ended it
    assertThat(replay.findings())
        .singleElement()
        .isInstanceOfSatisfying(
            DarkPeriod.class,
            d -> {
              assertThat(d.open()).isFalse();
              assertThat(d.next().time()).isEqualTo(T0 + 15 * HOUR);
            });
  }

  @Test
  void shouldFindAnEncounterOfVesselsWhosePositionsHaveNoSpeed() {
    // given two vessels 200 m apart drifting at 0.3 kn for 3 h, their speed not available
    List<Ping> pings = new ArrayList<>();
    for (Ping p : Tracks.steady("445000001", T0, T0 + 3 * HOUR, 2 * MINUTE, 0, 20, 150, 0, 0.3)) {
      pings.add(Ping.at(p.mmsi(), p.time(), p.lat(), p.lon()));
    }
    for (Ping p :
        Tracks.steady("273000001", T0, T0 + 3 * HOUR, 2 * MINUTE, MINUTE, 20, 150.0019, 0, 0.3)) {
      pings.add(Ping.at(p.mmsi(), p.time(), p.lat(), p.lon()));
    }
    pings.sort(Comparator.comparingLong(Ping::time));

    // when
    AisReplay done = AisReplay.of(AisSettings.of(gazetteer), pings);

    // then the speed each move implies lets them into the search
    assertThat(done.encounters())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.lowerMmsi()).isEqualTo("273000001");
              assertThat(e.durationMillis()).isGreaterThan(2 * HOUR + 50 * MINUTE);
            });
    assertThat(done.positions()).isEqualTo(pings.size());
    assertThat(done.vessels()).isEqualTo(2);
  }
}
