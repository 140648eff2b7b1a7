package io.transfermonitor.streams.ais;

import static io.transfermonitor.streams.ais.Tracks.HOUR;
import static io.transfermonitor.streams.ais.Tracks.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.transfermonitor.streams.ais.Gazetteer.Area;
import io.transfermonitor.streams.ais.Gazetteer.Port;
import io.transfermonitor.streams.config.AisSettingKeys;
import io.transfermonitor.streams.config.MonitorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The {@code tm.ais.*} settings as a user writes them, and the detectors they reach. */
class AisSettingsTest {

  private static final long T0 = 1_714_521_600_000L; // 2024-05-01T00:00:00Z

  private static final Gazetteer GAZETTEER =
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

  @Test
  void shouldGiveTheDetectorsTheirPublishedDefaultsWhenNothingIsSet() {
    // when
    AisSettings parsed = MonitorSettings.parse(Map.of()).ais();
    AisSettings defaults = AisSettings.defaults();

    // then every parameter as the detectors publish it
    assertThat(parsed.detectors().filter().params()).isEqualTo(TrackFilter.Params.DEFAULTS);
    assertThat(parsed.detectors().portVisits().params()).isEqualTo(PortVisits.Params.DEFAULTS);
    assertThat(parsed.detectors().darkPeriods().params()).isEqualTo(DarkPeriods.Params.DEFAULTS);
    assertThat(parsed.encounters()).isEqualTo(defaults.encounters());
    assertThat(parsed.encounters().cellDegrees()).isEqualTo(0.2);
    assertThat(parsed.imoClones()).isEqualTo(ImoClones.Params.DEFAULTS);
    assertThat(parsed.events()).isEqualTo(AisEvents.Params.DEFAULTS);
    assertThat(parsed.darkCheckInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(parsed.encounterCheckInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(parsed.enabled()).isTrue();
  }

  @Test
  void shouldCountAVesselBackFromTheDarkForTheLookBackItsSettingGives() {
    // given an encounter beginning two days after one of its vessels came back from the dark
    long start = Instant.parse("2024-07-10T00:00:00Z").toEpochMilli();
    Encounter e =
        new Encounter(
            Encounter.id("351000001", "412000001", start),
            "351000001",
            "412000001",
            start,
            start + 3 * 3_600_000L,
            36.0,
            123.0,
            150,
            60,
            false,
            false,
            false);
    Vessel dark = new Vessel("351000001", null, null, "PAN", null, null, null, null, null);
    Vessel other = new Vessel("412000001", null, null, "CHN", null, null, null, null, null);
    long back = start - 2 * 24 * 3_600_000L;

    // when the look-back is the default (7 days), and when it is one day
    AisSettings byDefault = MonitorSettings.parse(Map.of()).ais();
    AisSettings oneDay =
        MonitorSettings.parse(Map.of(AisSettingKeys.ENCOUNTER_DARK_WITHIN, "1d")).ais();

    // then it is a transfer by default, not with a day
    assertThat(byDefault.events().darkWithinMillis()).isEqualTo(Duration.ofDays(7).toMillis());
    assertThat(
            new AisEvents(byDefault.events(), GAZETTEER)
                .encounter(e, dark, back, other, null)
                .event())
        .isPresent();
    assertThat(
            new AisEvents(oneDay.events(), GAZETTEER).encounter(e, dark, back, other, null).event())
        .isEmpty();
  }

  @Test
  void shouldMakeASevenHourSilenceDarkWhenTheDarkGapIsSixHours() {
    // given a vessel in the bay, silent for 7 h, and another heard all along
    List<Ping> pings = new ArrayList<>();
    pings.addAll(Tracks.steady("445000001", T0, T0 + HOUR, 2 * MINUTE, 0, 38.5, 124, 90, 3));
    pings.addAll(
        Tracks.steady(
            "445000001", T0 + 8 * HOUR, T0 + 9 * HOUR, 2 * MINUTE, 0, 38.5, 124.3, 90, 3));
    pings.addAll(Tracks.steady("273000001", T0, T0 + 9 * HOUR, 5 * MINUTE, MINUTE, 20, 150, 0, 10));
    pings.sort(Comparator.comparingLong(Ping::time));

    // when
    List<AisFinding> byDefault = replay(Map.of(), pings).findings();
    List<AisFinding> sixHours = replay(Map.of(AisSettingKeys.DARK_GAP, "6h"), pings).findings();

    // then
    assertThat(byDefault).noneMatch(DarkPeriod.class::isInstance);
    assertThat(sixHours)
        .singleElement()
        .isInstanceOfSatisfying(
            DarkPeriod.class, d -> assertThat(d.next().time()).isEqualTo(T0 + 8 * HOUR));
  }

  @Test
  void shouldFindAnHourAndAHalfSideBySideAnEncounterWhenTheMinimumIsAnHour() {
    // given two vessels 200 m apart, slow, for 1 h 30 min
    List<Ping> pings =
        new ArrayList<>(
            Tracks.sideBySide("445000001", "273000001", 20, 150, T0, T0 + 90 * MINUTE, 200));
    pings.sort(Comparator.comparingLong(Ping::time));

    // when
    List<Encounter> byDefault = replay(Map.of(), pings).encounters();
    List<Encounter> anHour =
        replay(Map.of(AisSettingKeys.ENCOUNTER_MIN_DURATION, "1h"), pings).encounters();

    // then
    assertThat(byDefault).isEmpty();
    assertThat(anHour)
        .singleElement()
        .satisfies(e -> assertThat(e.durationMillis()).isGreaterThan(80 * MINUTE));
  }

  @Test
  void shouldCallAVisitWithoutAStopAPortCallFromTheMinimumVisitSet() {
    // given a vessel passing through the port at 2.5 kn: about 1.5 h within its reach
    double[] west = Geo.offset(30.0, 130.0, 270, 5_000);
    List<Ping> pings =
        Tracks.steady("445000001", T0, T0 + 3 * HOUR, 5 * MINUTE, 0, west[0], west[1], 90, 2.5);

    // when
    List<AisFinding> byDefault = replay(Map.of(), pings).findings();
    List<AisFinding> anHour = replay(Map.of(AisSettingKeys.PORT_MIN_VISIT, "1h"), pings).findings();

    // then
    assertThat(byDefault).noneMatch(PortCall.class::isInstance);
    assertThat(anHour)
        .singleElement()
        .isInstanceOfSatisfying(PortCall.class, c -> assertThat(c.port().name()).isEqualTo("Far"));
  }

  @Test
  void shouldTakeAMoveAt30KnotsForAJumpWhenTheFastestAVesselGoesIs20() {
    // given a vessel going 30 kn, a position each 10 minutes (5 nm apart)
    List<Ping> pings = Tracks.steady("273000001", T0, T0 + HOUR, 10 * MINUTE, 0, 20, 150, 90, 30);

    // when
    List<AisFinding> byDefault = replay(Map.of(), pings).findings();
    List<AisFinding> twenty =
        replay(Map.of(AisSettingKeys.TRACK_MAX_KNOTS, "20"), pings).findings();

    // then
    assertThat(byDefault).isEmpty();
    assertThat(twenty).isNotEmpty().allMatch(IdentityAnomaly.class::isInstance);
  }

  @Test
  void shouldParseEveryGroupOfAisSettings() {
    // when
    AisSettings ais =
        MonitorSettings.parse(
                Map.ofEntries(
                    Map.entry(AisSettingKeys.TRACK_OUT_OF_ORDER_TOLERANCE, "5m"),
                    Map.entry(AisSettingKeys.TRACK_DUPLICATE_METRES, "20"),
                    Map.entry(AisSettingKeys.PORT_STOP_KNOTS, "0.3"),
                    Map.entry(AisSettingKeys.PORT_SILENCE, "6h"),
                    Map.entry(AisSettingKeys.DARK_LOOK_AHEAD_NM, "50"),
                    Map.entry(AisSettingKeys.DARK_CHECK_INTERVAL, "30s"),
                    Map.entry(AisSettingKeys.ENCOUNTER_MAX_DISTANCE_METRES, "800"),
                    Map.entry(AisSettingKeys.ENCOUNTER_CELL_DEGREES, "0.1"),
                    Map.entry(AisSettingKeys.ENCOUNTER_CHECK_INTERVAL, "2m"),
                    Map.entry(AisSettingKeys.IMO_CLONE_WINDOW, "12h"),
                    Map.entry(AisSettingKeys.DELIVERY_COUNTRIES, "PRK, RUS"),
                    Map.entry(AisSettingKeys.LADEN_FRACTION, "0.5")))
            .ais();

    // then
    assertThat(ais.detectors().filter().params().outOfOrderToleranceMillis()).isEqualTo(5 * MINUTE);
    assertThat(ais.detectors().filter().params().duplicateMetres()).isEqualTo(20);
    assertThat(ais.detectors().portVisits().params().stopKnots()).isEqualTo(0.3);
    assertThat(ais.detectors().portVisits().params().silenceMillis()).isEqualTo(6 * HOUR);
    assertThat(ais.detectors().darkPeriods().params().lookAheadNauticalMiles()).isEqualTo(50);
    assertThat(ais.darkCheckInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(ais.encounters().maxDistanceMetres()).isEqualTo(800);
    assertThat(ais.cells().sizeDegrees()).isEqualTo(0.1);
    assertThat(ais.encounterCheckInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(ais.imoClones().windowMillis()).isEqualTo(12 * HOUR);
    assertThat(ais.events().deliveryCountries()).isEqualTo(Set.of("PRK", "RUS"));
    assertThat(ais.events().ladenFraction()).isEqualTo(0.5);
  }

  @Test
  void shouldRefuseABadValueNamingItsKey() {
    assertThat(MonitorSettings.problem(AisSettingKeys.DARK_GAP, "soon"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("'soon' is not a duration"));
    assertThat(MonitorSettings.problem(AisSettingKeys.DELIVERY_COUNTRIES, "PRK,Korea"))
        .contains("'Korea' is not an ISO 3166-1 alpha-3 country code such as PRK");
    assertThat(MonitorSettings.problem(AisSettingKeys.ENCOUNTER_CELL_DEGREES, "20"))
        .contains("'20' must be above 0 and at most 10");
    assertThatThrownBy(
            () -> MonitorSettings.parse(Map.of(AisSettingKeys.TRACK_MIN_JUMP_METRES, "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AisSettingKeys.TRACK_MIN_JUMP_METRES)
        .hasMessageContaining("'-1' must be 0 or more");
  }

  @Test
  void shouldNameBothKeysWhenTwoSettingsDoNotFit() {
    assertThatThrownBy(
            () -> MonitorSettings.parse(Map.of(AisSettingKeys.ENCOUNTER_CELL_REACH_METRES, "400")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "tm.ais.encounter.cell-reach-metres: '400' must not be below"
                + " tm.ais.encounter.max-distance-metres (500)");
    assertThat(
            MonitorSettings.conflict(
                Map.of(
                    AisSettingKeys.PORT_STOP_KNOTS, "1",
                    AisSettingKeys.PORT_MOVE_KNOTS, "0.8")))
        .hasValueSatisfying(
            c -> {
              assertThat(c.key()).isEqualTo(AisSettingKeys.PORT_MOVE_KNOTS);
              assertThat(c.problem())
                  .isEqualTo("'0.8' must not be below tm.ais.port.stop-knots (1)");
            });
  }

  private static AisReplay replay(Map<String, String> settings, List<Ping> pings) {
    AisSettings ais = MonitorSettings.parse(settings).ais().withGazetteer(GAZETTEER);
    return AisReplay.of(ais, pings);
  }
}
