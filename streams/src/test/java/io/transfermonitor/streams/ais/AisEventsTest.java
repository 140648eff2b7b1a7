package io.transfermonitor.streams.ais;

import static io.transfermonitor.streams.ais.Tracks.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.TankerDelivery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Encounters as ship-to-ship events: who makes one a transfer, and the route its place gives. */
class AisEventsTest {

  private static final long T0 = Instant.parse("2024-07-10T00:00:00Z").toEpochMilli();
  private static final long DAY = 24 * HOUR;

  /** Open water in West Korea Bay (in the DPRK's west coast waters), and in the Yellow Sea. */
  private static final double[] BAY = {38.95, 124.40};

  private static final double[] YELLOW_SEA = {36.0, 123.0};

  private final AisEvents events = new AisEvents(AisEvents.Params.DEFAULTS, Gazetteer.shipped());
  private final Vessel panama = vessel("351000001", "PAN");
  private final Vessel china = vessel("412000001", "CHN");

  @Test
  void shouldMakeAnEncounterWithAVesselBackFromTheDarkThreeDaysBeforeATransferToTheDprk() {
    // when a vessel back from a dark period three days ago meets another in West Korea Bay
    AisEvents.Made made = events.encounter(at(BAY), panama, T0 - 3 * DAY, china, null);

    // then it is a ship-to-ship transfer, the dark vessel first, to the DPRK by its place
    TankerDelivery sts = (TankerDelivery) made.event().orElseThrow();
    assertThat(sts.getShipToShip()).isTrue();
    assertThat(sts.getVesselFlag()).isEqualTo("PAN");
    assertThat(sts.getCounterpartVesselFlag()).isEqualTo("CHN");
    assertThat(sts.getHeader().getDestination()).isEqualTo("PRK");
    assertThat(sts.getHeader().getOrigin()).isNull();
    assertThat(made.finding().getDetail().toString()).contains("was dark");
  }

  @Test
  void shouldNotCountAVesselBackFromTheDarkLongerAgoThanTheSetting() {
    // when the dark period ended eight days before (the default look-back is seven)
    AisEvents.Made made = events.encounter(at(BAY), panama, T0 - 8 * DAY, china, null);

    // then the encounter is a finding, no transfer
    assertThat(made.event()).isEmpty();
    assertThat(made.finding().getEventId()).isNull();
  }

  @Test
  void shouldGiveNoRouteToAnEncounterWithADprkVesselInDprkWaters() {
    // when a DPRK vessel meets another in West Korea Bay
    AisEvents.Made made = events.encounter(at(BAY), vessel("445000001", "PRK"), null, china, null);

    // then the ban judges it by the flag; no destination, which would count it in the DPRK's
    // ledgers beside a source's report of the same transfer
    TankerDelivery sts = (TankerDelivery) made.event().orElseThrow();
    assertThat(sts.getVesselFlag()).isEqualTo("PRK");
    assertThat(sts.getHeader().getDestination()).isNull();
  }

  @Test
  void shouldGiveNoRouteToAnEncounterOutsideEveryAreaOfACountry() {
    // when a vessel back from the dark meets another in the open Yellow Sea
    AisEvents.Made made = events.encounter(at(YELLOW_SEA), panama, T0 - DAY, china, null);

    // then it is a transfer, route unknown
    TankerDelivery sts = (TankerDelivery) made.event().orElseThrow();
    assertThat(sts.getVesselFlag()).isEqualTo("PAN");
    assertThat(sts.getHeader().getDestination()).isNull();
    assertThat(sts.getHeader().getOrigin()).isNull();
  }

  private static Encounter at(double[] where) {
    return new Encounter(
        Encounter.id("351000001", "412000001", T0),
        "351000001",
        "412000001",
        T0,
        T0 + 3 * HOUR,
        where[0],
        where[1],
        150,
        60,
        false,
        false,
        false);
  }

  private static Vessel vessel(String mmsi, String flag) {
    return new Vessel(mmsi, null, null, flag, null, null, null, null, null);
  }
}
