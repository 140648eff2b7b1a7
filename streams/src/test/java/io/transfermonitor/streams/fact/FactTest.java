package io.transfermonitor.streams.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.streams.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactTest {

  @Test
  void shouldNameTheBanksOfAPaymentAsPartiesWithTheirBics() {
    // when
    Fact fact =
        Fact.of(Events.payment("p1", "2024-11-02T00:00:00Z", "Foreign Trade Bank", "FTBDKPPY"));

    // then
    assertThat(fact.parties())
        .extracting(Party::getRole, Party::getName, Party::getCountry)
        .containsExactly(
            tuple(PartyRole.BANK, "MRB Bank", "RUS"),
            tuple(PartyRole.BANK, "Foreign Trade Bank", "PRK"));
    assertThat(fact.parties().get(1).getIdentifiers())
        .containsExactly(new Identifier(IdentifierScheme.BIC, "FTBDKPPY"));
  }

  @Test
  void shouldNameBothVesselsOfATankerDeliveryByImoNumber() {
    // given
    TankerDelivery stsTransfer =
        TankerDelivery.newBuilder(Events.refined("t1", "2024-05-01T00:00:00Z", 10_000))
            .setVesselImo("9123456")
            .setDischargePort("Nampo")
            .setShipToShip(true)
            .setCounterpartVesselImo("8912345")
            .setCounterpartVesselName("Yu Jong 2")
            .setCounterpartVesselFlag("PRK")
            .build();

    // when
    Fact fact = Fact.of(stsTransfer);

    // then
    assertThat(fact.vesselImo()).isEqualTo("9123456");
    assertThat(fact.counterpartVesselImo()).isEqualTo("8912345");
    assertThat(fact.dischargePort()).isEqualTo("Nampo");
    assertThat(fact.transportMode()).isEqualTo(TransportMode.SEA);
    assertThat(fact.parties())
        .extracting(Party::getRole, Party::getName, Party::getIdentifiers)
        .containsExactly(
            tuple(
                PartyRole.VESSEL,
                "Test Tanker",
                List.of(new Identifier(IdentifierScheme.IMO, "9123456"))),
            tuple(
                PartyRole.VESSEL,
                "Yu Jong 2",
                List.of(new Identifier(IdentifierScheme.IMO, "8912345"))));
  }

  @Test
  void shouldTakeTheRouteFromTheFirstAndLastLegAndNameTheCarrierOnce() {
    // when
    Fact fact =
        Fact.of(Events.shipment("s1", "2023-10-01T00:00:00Z", "Rajin", "Dunai", "Tikhoretsk"));

    // then
    assertThat(fact.routeStart()).isEqualTo("Rajin");
    assertThat(fact.routeEnd()).isEqualTo("Tikhoretsk");
    assertThat(fact.transportMode()).isEqualTo(TransportMode.SEA);
    assertThat(fact.parties())
        .extracting(Party::getRole, Party::getName)
        .containsExactly(tuple(PartyRole.CARRIER, "Angara"));
  }
}
