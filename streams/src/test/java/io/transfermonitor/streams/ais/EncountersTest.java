package io.transfermonitor.streams.ais;

import static io.transfermonitor.streams.ais.Tracks.HOUR;
import static io.transfermonitor.streams.ais.Tracks.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncountersTest {

  private static final long T0 = Instant.parse("2024-05-07T00:00:00Z").toEpochMilli();
  private static final Gazetteer.Port NAMPHO =
      new Gazetteer.Port("Nampho", "PRK", 38.72, 125.38, 3_000, "test");
  private static final Gazetteer GAZETTEER = new Gazetteer(List.of(NAMPHO), List.of());

  private final EncounterSea sea = new EncounterSea(EncounterParams.defaults(), GAZETTEER);

  @Test
  void shouldFindNoEncounterWhenTwoShipsPassAt12KnotsWithin200Metres() {
    // given two ships on opposite courses, 200 m abeam of each other at T0 + 1 h
    double[] west = Geo.offset(38.45, 124.05, 270, 12 * 1852);
    double[] eastAbeam = Geo.offset(38.45, 124.05, 0, 200);
    double[] east = Geo.offset(eastAbeam[0], eastAbeam[1], 90, 12 * 1852);
    List<Ping> pings = new ArrayList<>();
    pings.addAll(
        Tracks.steady("273000001", T0, T0 + 2 * HOUR, MINUTE, 0, west[0], west[1], 90, 12));
    pings.addAll(
        Tracks.steady("445000001", T0, T0 + 2 * HOUR, MINUTE, 0, east[0], east[1], 270, 12));

    // when
    List<Encounter> found = sea.run(pings);

    // then
    assertThat(Geo.metres(38.45, 124.05, eastAbeam[0], eastAbeam[1])).isCloseTo(200, within(1.0));
    assertThat(found).isEmpty();
  }

  @Test
  void shouldFindNoEncounterAfter1Hour50MinutesSideBySide() {
    // given
    List<Ping> pings =
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 110 * MINUTE, 150);

    // when / then
    assertThat(sea.run(pings)).isEmpty();
  }

  @Test
  void shouldFindOneEncounterAfter2Hours10MinutesSideBySideWithItsStartAndEnd() {
    // given
    long end = T0 + 130 * MINUTE;
    List<Ping> pings = Tracks.sideBySide("445000001", "273000001", 38.45, 124.05, T0, end, 150);

    // when
    List<Encounter> found = sea.run(pings);

    // then
    assertThat(found).hasSize(1);
    Encounter e = found.get(0);
    assertThat(e.lowerMmsi()).isEqualTo("273000001");
    assertThat(e.higherMmsi()).isEqualTo("445000001");
    assertThat(e.id()).isEqualTo("273000001/445000001/" + e.start());
    assertThat(e.start()).isCloseTo(T0, within(10 * MINUTE));
    assertThat(e.end()).isCloseTo(end, within(10 * MINUTE));
    assertThat(e.medianMetres()).isCloseTo(150, within(5.0));
    assertThat(Geo.metres(e.lat(), e.lon(), 38.45, 124.05)).isLessThan(2_000);
  }

  @Test
  void shouldReportAnEncounterWhenItReachesTwoHoursThenWhenItEndsUnderTheSameId() {
    // given two vessels side by side for 5 h
    long end = T0 + 5 * HOUR;
    List<Ping> pings = Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, end, 150);

    // when
    List<Encounter> reports = sea.reports(pings);

    // then: once at the 2 h mark, still together (its event goes out then), once at its end, the
    // finding only
    assertThat(reports).hasSize(2);
    Encounter reached = reports.get(0);
    Encounter ended = reports.get(1);
    assertThat(reached.ongoing()).isTrue();
    assertThat(reached.announced()).isFalse();
    assertThat(reached.durationMillis()).isBetween(2 * HOUR, 2 * HOUR + 5 * MINUTE);
    assertThat(ended.ongoing()).isFalse();
    assertThat(ended.announced()).isTrue();
    assertThat(ended.id()).isEqualTo(reached.id());
    assertThat(ended.end()).isCloseTo(end, within(10 * MINUTE));
  }

  @Test
  void shouldReportAnEncounterCountedOnlyOnceItsEventHasGoneOut() {
    // given two encounters of one pair, each 2 h 30, the second merging with the first
    List<Ping> first =
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 150 * MINUTE, 150);
    long second = T0 + 150 * MINUTE + 3 * HOUR;
    List<Ping> later =
        Tracks.sideBySide(
            "273000001", "445000001", 38.45, 124.05, second, second + 150 * MINUTE, 150);

    // when the first is reported at 2 h and at its end with no event going out (no transfer
    // then), and the merged one's event goes out when it reaches 2 h
    List<Encounter> reports = new ArrayList<>(sea.reportsWithoutEnding(first));
    List<Ping> inTimeOrder = new ArrayList<>(later);
    inTimeOrder.sort(Comparator.comparingLong(Ping::time).thenComparing(Ping::mmsi));
    for (Ping ping : inTimeOrder) {
      for (Encounter e : sea.reportsWithoutEnding(List.of(ping))) {
        if (e.ongoing() && e.announced()) {
          sea.byCell.values().forEach(cell -> cell.counted(e));
        }
        reports.add(e);
      }
    }
    reports.addAll(sea.reports(List.of()));

    // then four reports of one id, counted only after its event went out: one event per id
    assertThat(reports).extracting(Encounter::id).containsOnly(reports.get(0).id());
    assertThat(reports).extracting(Encounter::ongoing).containsExactly(true, false, true, false);
    assertThat(reports).extracting(Encounter::counted).containsExactly(false, false, false, true);
  }

  @Test
  void shouldReportNothingOfAContactShorterThanTwoHoursNorWhileItIsShorter() {
    // given two vessels side by side for 1 h 55 min, the search not yet told they parted
    List<Ping> pings =
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 115 * MINUTE, 150);

    // when / then
    assertThat(sea.reportsWithoutEnding(pings)).isEmpty();
    assertThat(sea.reports(List.of())).isEmpty();
  }

  @Test
  void shouldAnnounceAMergedEncounterOnceAndUpdateItAfter() {
    // given two encounters of 2 h 30, the second starting 3 h after the first ended
    List<Ping> pings = new ArrayList<>();
    pings.addAll(
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 150 * MINUTE, 150));
    long second = T0 + 150 * MINUTE + 3 * HOUR;
    pings.addAll(
        Tracks.sideBySide(
            "273000001", "445000001", 38.45, 124.05, second, second + 150 * MINUTE, 150));

    // when
    List<Encounter> reports = sea.reports(pings);

    // then four reports of one id, only the first one not heard of before
    assertThat(reports).hasSize(4);
    assertThat(reports).extracting(Encounter::id).containsOnly(reports.get(0).id());
    assertThat(reports).extracting(Encounter::ongoing).containsExactly(true, false, true, false);
    assertThat(reports).extracting(Encounter::announced).containsExactly(false, true, true, true);
  }

  @Test
  void shouldNotAnnounceAgainAnEncounterWhoseCellIsStoredAndReadBackAfterTwoHours() {
    // given an encounter of 3 h, its cells stored and read back at 2 h 30 (after it was announced)
    List<Ping> pings =
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 3 * HOUR, 150);
    EncountersSerde serde = new EncountersSerde(sea.cells, sea.params);
    List<Encounter> first =
        sea.reportsWithoutEnding(pings.stream().filter(p -> p.time() < T0 + 150 * MINUTE).toList());
    assertThat(first).singleElement().matches(Encounter::ongoing);
    sea.byCell.replaceAll(
        (cell, state) ->
            serde
                .deserializer()
                .deserialize(
                    "encounter-cells", serde.serializer().serialize("encounter-cells", state)));

    // when
    List<Encounter> rest =
        sea.reports(pings.stream().filter(p -> p.time() >= T0 + 150 * MINUTE).toList());

    // then it ends as heard of already: no second announcement
    assertThat(rest).singleElement().matches(e -> !e.ongoing() && e.announced());
  }

  @Test
  void shouldFindNoEncounterOfShipsSideBySideInsideAPort() {
    // given three hours side by side 2 km from Nampho's position
    double[] inPort = Geo.offset(NAMPHO.lat(), NAMPHO.lon(), 200, 2_000);
    List<Ping> pings =
        Tracks.sideBySide("273000001", "445000001", inPort[0], inPort[1], T0, T0 + 3 * HOUR, 100);

    // when / then
    assertThat(sea.run(pings)).isEmpty();
  }

  @Test
  void shouldMergeTwoEncountersThreeHoursApartUnderTheFirstOnesId() {
    // given two encounters of 2 h 30, the second starting 3 h after the first ended
    List<Ping> pings = new ArrayList<>();
    pings.addAll(
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 150 * MINUTE, 150));
    long second = T0 + 150 * MINUTE + 3 * HOUR;
    pings.addAll(
        Tracks.sideBySide(
            "273000001", "445000001", 38.45, 124.05, second, second + 150 * MINUTE, 150));

    // when
    List<Encounter> found = sea.run(pings);

    // then: the first, then the merged one under the same id with the second's end
    assertThat(found).hasSize(2);
    assertThat(found.get(1).id()).isEqualTo(found.get(0).id());
    assertThat(found.get(1).start()).isEqualTo(found.get(0).start());
    assertThat(found.get(0).end()).isCloseTo(T0 + 150 * MINUTE, within(10 * MINUTE));
    assertThat(found.get(1).end()).isCloseTo(second + 150 * MINUTE, within(10 * MINUTE));
  }

  @Test
  void shouldKeepTwoEncountersFiveHoursApartApart() {
    // given
    List<Ping> pings = new ArrayList<>();
    pings.addAll(
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 150 * MINUTE, 150));
    long second = T0 + 150 * MINUTE + 5 * HOUR;
    pings.addAll(
        Tracks.sideBySide(
            "273000001", "445000001", 38.45, 124.05, second, second + 150 * MINUTE, 150));

    // when
    List<Encounter> found = sea.run(pings);

    // then
    assertThat(found).extracting(Encounter::id).doesNotHaveDuplicates().hasSize(2);
    assertThat(found.get(1).start()).isCloseTo(second, within(10 * MINUTE));
  }

  @Test
  void shouldFindAPairStraddlingACellBorderOnce() {
    // given two vessels 100 m either side of the border at 38.5°N
    double[] south = Geo.offset(38.5, 124.05, 180, 100);
    List<Ping> pings =
        Tracks.sideBySide("273000001", "445000001", south[0], south[1], T0, T0 + 3 * HOUR, 200);

    // when
    List<Encounter> found = sea.run(pings);

    // then
    assertThat(sea.cells.home(south[0], south[1])).isNotEqualTo(sea.cells.home(38.5011, 124.05));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).durationMillis()).isCloseTo(3 * HOUR, within(10 * MINUTE));
  }

  @Test
  void shouldFindAPairDriftingAcrossCellBordersAndTheAntimeridianOnceAndWhole() {
    // given four hours side by side drifting east at 0.6 kn across 180°
    double[] start = Geo.offset(-17.0, 179.99, 270, 2_000);
    List<Ping> pings =
        Tracks.sideBySide("273000001", "445000001", start[0], start[1], T0, T0 + 4 * HOUR, 200);

    // when
    List<Encounter> found = sea.run(pings);

    // then
    assertThat(found).hasSize(1);
    Encounter e = found.get(0);
    assertThat(e.durationMillis()).isCloseTo(4 * HOUR, within(10 * MINUTE));
    assertThat(Math.abs(e.lon())).isGreaterThan(179.9);
    assertThat(Geo.metres(e.lat(), e.lon(), -17.0, 180.0)).isLessThan(3_000);
  }

  @Test
  void shouldEndAnEncounterWhenTheVesselsDriftApart() {
    // given 2 h 30 side by side, then one vessel drifting away slowly (still below 2 kn)
    long apartAt = T0 + 150 * MINUTE;
    List<Ping> pings = new ArrayList<>();
    double[] b = Geo.offset(38.45, 124.05, 0, 150);
    pings.addAll(
        Tracks.steady("273000001", T0, T0 + 5 * HOUR, 2 * MINUTE, 0, 38.45, 124.05, 90, 0.6));
    pings.addAll(Tracks.steady("445000001", T0, apartAt, 3 * MINUTE, MINUTE, b[0], b[1], 90, 0.6));
    double[] bAt = Geo.offset(b[0], b[1], 90, 0.6 * 1852 * 2.5);
    pings.addAll(
        Tracks.steady(
            "445000001",
            apartAt + 2 * MINUTE,
            T0 + 5 * HOUR,
            3 * MINUTE,
            0,
            bAt[0],
            bAt[1],
            0,
            1.9));

    // when
    List<Encounter> found = sea.run(pings);

    // then: it ends when they were last within 500 m, about 9 minutes after they parted
    assertThat(found).hasSize(1);
    assertThat(found.get(0).end()).isCloseTo(apartAt, within(15 * MINUTE));
  }

  @Test
  void shouldReportTheSameEncounterAfterItsCellIsStoredAndReadBackMidway() {
    // given the pings of an encounter, the cells stored and read back halfway through
    List<Ping> pings =
        Tracks.sideBySide("273000001", "445000001", 38.45, 124.05, T0, T0 + 3 * HOUR, 150);
    List<Encounter> uninterrupted =
        new EncounterSea(EncounterParams.defaults(), GAZETTEER).run(pings);
    EncountersSerde serde = new EncountersSerde(sea.cells, sea.params);
    List<Ping> firstHalf = pings.stream().filter(p -> p.time() < T0 + 90 * MINUTE).toList();
    List<Ping> secondHalf = pings.stream().filter(p -> p.time() >= T0 + 90 * MINUTE).toList();
    EncounterSea stored = new EncounterSea(EncounterParams.defaults(), GAZETTEER);
    assertThat(stored.runWithoutEnding(firstHalf)).isEmpty();

    // when
    stored.byCell.replaceAll(
        (cell, state) -> {
          byte[] bytes = serde.serializer().serialize("encounter-cells", state);
          Encounters read = serde.deserializer().deserialize("encounter-cells", bytes);
          assertThat(serde.serializer().serialize("encounter-cells", read)).isEqualTo(bytes);
          return read;
        });
    List<Encounter> found = stored.run(secondHalf);

    // then
    assertThat(uninterrupted).hasSize(1);
    assertThat(found).containsExactlyElementsOf(uninterrupted);
  }

  @Test
  void shouldLetOnlySlowPingsAwayFromPortsWithAKnownSpeedIntoTheSearch() {
    // given
    EncounterParams params = EncounterParams.defaults();
    double[] nearPort = Geo.offset(NAMPHO.lat(), NAMPHO.lon(), 180, 9_000);
    double[] offPort = Geo.offset(NAMPHO.lat(), NAMPHO.lon(), 180, 11_000);

    // when / then
    assertThat(
            Encounters.admits(
                Ping.at("1", T0, offPort[0], offPort[1]).withSpeed(1.9), params, GAZETTEER))
        .isTrue();
    assertThat(
            Encounters.admits(
                Ping.at("1", T0, offPort[0], offPort[1]).withSpeed(2.0), params, GAZETTEER))
        .isFalse();
    assertThat(
            Encounters.admits(
                Ping.at("1", T0, nearPort[0], nearPort[1]).withSpeed(0.5), params, GAZETTEER))
        .isFalse();
    assertThat(Encounters.admits(Ping.at("1", T0, offPort[0], offPort[1]), params, GAZETTEER))
        .isFalse();
  }

  @Test
  void shouldRefuseAReachShorterThanTheEncounterDistanceNamingBoth() {
    EncounterParams d = EncounterParams.defaults();
    assertThatThrownBy(
            () ->
                new EncounterParams(
                    d.maxDistanceMetres(),
                    d.minDuration(),
                    d.maxSpeedKnots(),
                    d.minPortMetres(),
                    d.mergeGap(),
                    d.pairingTolerance(),
                    d.maxSilence(),
                    d.cellDegrees(),
                    400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cellReachMetres (400.0)")
        .hasMessageContaining("maxDistanceMetres (500.0)");
  }
}
