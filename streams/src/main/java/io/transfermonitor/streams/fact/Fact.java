package io.transfermonitor.streams.fact;

import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.Bank;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.RouteLeg;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.schemas.EventTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;

/**
 * A validated event, reduced to what the rules look at: one shape for all six event kinds, so the
 * stages after validation (re-send check, unit normalization, rule matching, ledgers) are written
 * once. Travels through the internal repartition topics in {@link FactSerde}'s binary format.
 *
 * @param eventId the event's stable id
 * @param kind which event record it came from
 * @param sourceKind REPORTED, OBSERVED or ESTIMATED evidence
 * @param eventTime when the transfer happened (epoch millis, UTC)
 * @param origin ISO alpha-3 origin country, or null
 * @param destination ISO alpha-3 destination country, or null
 * @param references supporting documents of the event
 * @param amount the main quantity: barrels once normalized (tanker deliveries), else containers,
 *     units, personnel, workers or a money amount
 * @param amountUnit unit of {@code amount}: BARREL (after normalization), METRIC_TON, KILOLITRE,
 *     LITRE, CONTAINERS, UNITS, PERSONNEL, WORKERS or a currency code
 * @param reportedAmount the quantity as the source gave it
 * @param reportedUnit the unit the source gave it in
 * @param productClass tanker deliveries: REFINED or CRUDE
 * @param product tanker deliveries: the product type
 * @param cargoCategory container shipments: the cargo
 * @param shipToShip tanker deliveries: a transfer between vessels at sea
 * @param vesselFlag tanker deliveries: flag of the delivering vessel
 * @param counterpartVesselFlag ship-to-ship: flag of the other vessel
 * @param subject a few words naming what moved, e.g. "152 mm shells" or "vessel Yu Jong 2"
 * @param vesselImo tanker deliveries: IMO number of the delivering vessel
 * @param counterpartVesselImo ship-to-ship: IMO number of the other vessel
 * @param dischargePort tanker deliveries: where the cargo was discharged
 * @param transportMode how the goods moved: the mode of a container shipment, SEA for a tanker
 * @param routeStart container shipments: where the first leg of the route starts
 * @param routeEnd container shipments: where the last leg of the route ends
 * @param parties every party the event names, with its role: the header's parties, the vessels
 *     (with their IMO numbers), the banks of a payment (with their BICs) and the carriers
 * @param sourceName who emitted the fact (the header's source name)
 * @param corroboration set by the corroboration stage on an OBSERVED tanker delivery merged with
 *     other observations of the same delivery: what it changed; null for every other fact
 */
public record Fact(
    String eventId,
    EventKind kind,
    SourceKind sourceKind,
    long eventTime,
    String origin,
    String destination,
    List<String> references,
    double amount,
    String amountUnit,
    double reportedAmount,
    String reportedUnit,
    ProductClass productClass,
    String product,
    CargoCategory cargoCategory,
    boolean shipToShip,
    String vesselFlag,
    String counterpartVesselFlag,
    String subject,
    String vesselImo,
    String counterpartVesselImo,
    String dischargePort,
    TransportMode transportMode,
    String routeStart,
    String routeEnd,
    List<Party> parties,
    String sourceName,
    Corroboration corroboration) {

  public Fact {
    references = references == null ? List.of() : List.copyOf(references);
    parties = parties == null ? List.of() : List.copyOf(parties);
  }

  /** The fact of a generated event record (one of the six kinds of {@link EventTypes}). */
  public static Fact of(SpecificRecord event) {
    EventHeader h = EventTypes.headerOf(event);
    Builder fact =
        new Builder()
            .eventId(h.getEventId())
            .kind(EventTypes.kindOf(event))
            .sourceKind(h.getSourceKind())
            .sourceName(h.getSourceName())
            .eventTime(h.getEventTime().toEpochMilli())
            .origin(h.getOrigin())
            .destination(h.getDestination())
            .references(h.getReferences())
            .parties(h.getParties());
    if (event instanceof TankerDelivery t) {
      return fact.quantity(t.getQuantity(), t.getUnit())
          .productClass(t.getProductClass())
          .product(t.getProduct())
          .shipToShip(t.getShipToShip())
          .vesselFlag(t.getVesselFlag())
          .counterpartVesselFlag(t.getCounterpartVesselFlag())
          .subject(
              t.getProduct() + (t.getVesselName() == null ? "" : " by vessel " + t.getVesselName()))
          .vesselImo(t.getVesselImo())
          .counterpartVesselImo(t.getCounterpartVesselImo())
          .dischargePort(t.getDischargePort())
          .transportMode(TransportMode.SEA)
          .party(vessel(t.getVesselName(), t.getVesselImo(), t.getVesselFlag()))
          .party(
              vessel(
                  t.getCounterpartVesselName(),
                  t.getCounterpartVesselImo(),
                  t.getCounterpartVesselFlag()))
          .build();
    }
    if (event instanceof ContainerShipment c) {
      List<RouteLeg> legs = c.getRouteLegs();
      fact.quantity(c.getContainers(), "CONTAINERS")
          .cargoCategory(c.getCargoCategory())
          .subject(c.getCargoCategory().toString().toLowerCase(Locale.ROOT).replace('_', ' '))
          .transportMode(c.getTransportMode())
          .party(named(PartyRole.CARRIER, c.getCarrier(), null));
      if (!legs.isEmpty()) {
        fact.routeStart(legs.get(0).getFrom()).routeEnd(legs.get(legs.size() - 1).getTo());
      }
      legs.forEach(leg -> fact.party(named(PartyRole.CARRIER, leg.getCarrier(), null)));
      return fact.build();
    }
    if (event instanceof ArmsTransfer a) {
      return fact.quantity(a.getQuantity(), a.getQuantityUnit())
          .subject(a.getSystem() + " (" + a.getCategory() + ")")
          .build();
    }
    if (event instanceof TroopDeployment d) {
      return fact.quantity(d.getPersonnel(), "PERSONNEL")
          .subject(d.getUnit() == null ? "the armed forces" : d.getUnit())
          .build();
    }
    if (event instanceof WorkerDispatch w) {
      return fact.quantity(w.getWorkers(), "WORKERS").subject("sector " + w.getSector()).build();
    }
    if (event instanceof FinancialTransfer f) {
      fact.quantity(f.getAmount(), f.getCurrency()).subject("payment");
      fact.party(bank(PartyRole.BANK, f.getSenderBank()));
      fact.party(bank(PartyRole.BANK, f.getReceiverBank()));
      f.getIntermediaryBanks().forEach(b -> fact.party(bank(PartyRole.INTERMEDIARY_BANK, b)));
      return fact.build();
    }
    throw new IllegalArgumentException("not an event record: " + event.getSchema().getFullName());
  }

  private static Party vessel(String name, String imo, String flag) {
    if (name == null && imo == null) {
      return null;
    }
    List<Identifier> ids =
        imo == null ? List.of() : List.of(new Identifier(IdentifierScheme.IMO, imo));
    return new Party(PartyRole.VESSEL, name == null ? "IMO " + imo : name, ids, flag);
  }

  private static Party bank(PartyRole role, Bank bank) {
    if (bank == null) {
      return null;
    }
    List<Identifier> ids =
        bank.getBic() == null
            ? List.of()
            : List.of(new Identifier(IdentifierScheme.BIC, bank.getBic()));
    return new Party(role, bank.getName(), ids, bank.getCountry());
  }

  private static Party named(PartyRole role, String name, String country) {
    return name == null || name.isBlank() ? null : new Party(role, name, List.of(), country);
  }

  /** A builder holding this fact's values, to derive a changed fact. */
  public Builder toBuilder() {
    return new Builder()
        .eventId(eventId)
        .kind(kind)
        .sourceKind(sourceKind)
        .eventTime(eventTime)
        .origin(origin)
        .destination(destination)
        .references(references)
        .amount(amount, amountUnit)
        .reportedAmount(reportedAmount, reportedUnit)
        .productClass(productClass)
        .product(product)
        .cargoCategory(cargoCategory)
        .shipToShip(shipToShip)
        .vesselFlag(vesselFlag)
        .counterpartVesselFlag(counterpartVesselFlag)
        .subject(subject)
        .vesselImo(vesselImo)
        .counterpartVesselImo(counterpartVesselImo)
        .dischargePort(dischargePort)
        .transportMode(transportMode)
        .routeStart(routeStart)
        .routeEnd(routeEnd)
        .parties(parties)
        .sourceName(sourceName)
        .corroboration(corroboration);
  }

  /** A copy with the main quantity in another unit; the reported quantity stays as given. */
  public Fact withAmount(double newAmount, String newUnit) {
    return toBuilder().amount(newAmount, newUnit).build();
  }

  /** A copy carrying what this observation changed about its delivery. */
  public Fact withCorroboration(Corroboration value) {
    return toBuilder().corroboration(value).build();
  }

  /**
   * What this fact adds to totals (ledgers, activity): itself, once; or, for a corroborated
   * observation, the change it made to its delivery.
   */
  public Contribution contribution() {
    if (corroboration != null) {
      return corroboration.contribution(eventId);
    }
    return new Contribution(
        amount, eventTime, 1, 1, 0, sourceName == null ? List.of() : List.of(sourceName), true);
  }

  /** Builds a {@link Fact}; unset fields are null, zero or false. */
  public static final class Builder {
    private String eventId;
    private EventKind kind;
    private SourceKind sourceKind;
    private long eventTime;
    private String origin;
    private String destination;
    private List<String> references;
    private double amount;
    private String amountUnit;
    private double reportedAmount;
    private String reportedUnit;
    private ProductClass productClass;
    private String product;
    private CargoCategory cargoCategory;
    private boolean shipToShip;
    private String vesselFlag;
    private String counterpartVesselFlag;
    private String subject;
    private String vesselImo;
    private String counterpartVesselImo;
    private String dischargePort;
    private TransportMode transportMode;
    private String routeStart;
    private String routeEnd;
    private final List<Party> parties = new ArrayList<>();
    private String sourceName;
    private Corroboration corroboration;

    public Builder eventId(String value) {
      eventId = value;
      return this;
    }

    public Builder kind(EventKind value) {
      kind = value;
      return this;
    }

    public Builder sourceKind(SourceKind value) {
      sourceKind = value;
      return this;
    }

    public Builder eventTime(long epochMillis) {
      eventTime = epochMillis;
      return this;
    }

    public Builder origin(String value) {
      origin = value;
      return this;
    }

    public Builder destination(String value) {
      destination = value;
      return this;
    }

    public Builder references(List<String> value) {
      references = value;
      return this;
    }

    /** The quantity as the source gave it, which is also the main amount until normalized. */
    public Builder quantity(double value, String unit) {
      return amount(value, unit).reportedAmount(value, unit);
    }

    public Builder amount(double value, String unit) {
      amount = value;
      amountUnit = unit;
      return this;
    }

    public Builder reportedAmount(double value, String unit) {
      reportedAmount = value;
      reportedUnit = unit;
      return this;
    }

    public Builder productClass(ProductClass value) {
      productClass = value;
      return this;
    }

    public Builder product(String value) {
      product = value;
      return this;
    }

    public Builder cargoCategory(CargoCategory value) {
      cargoCategory = value;
      return this;
    }

    public Builder shipToShip(boolean value) {
      shipToShip = value;
      return this;
    }

    public Builder vesselFlag(String value) {
      vesselFlag = value;
      return this;
    }

    public Builder counterpartVesselFlag(String value) {
      counterpartVesselFlag = value;
      return this;
    }

    public Builder subject(String value) {
      subject = value;
      return this;
    }

    public Builder vesselImo(String value) {
      vesselImo = value;
      return this;
    }

    public Builder counterpartVesselImo(String value) {
      counterpartVesselImo = value;
      return this;
    }

    public Builder dischargePort(String value) {
      dischargePort = value;
      return this;
    }

    public Builder transportMode(TransportMode value) {
      transportMode = value;
      return this;
    }

    public Builder routeStart(String value) {
      routeStart = value;
      return this;
    }

    public Builder routeEnd(String value) {
      routeEnd = value;
      return this;
    }

    /** Replaces the parties with {@code value}. */
    public Builder parties(List<Party> value) {
      parties.clear();
      if (value != null) {
        parties.addAll(value);
      }
      return this;
    }

    /** Adds one party; null (a party the event does not name) and repeats are ignored. */
    public Builder party(Party value) {
      if (value != null && !parties.contains(value)) {
        parties.add(value);
      }
      return this;
    }

    public Builder sourceName(String value) {
      sourceName = value;
      return this;
    }

    public Builder corroboration(Corroboration value) {
      corroboration = value;
      return this;
    }

    public Fact build() {
      return new Fact(
          eventId,
          kind,
          sourceKind,
          eventTime,
          origin,
          destination,
          references,
          amount,
          amountUnit,
          reportedAmount,
          reportedUnit,
          productClass,
          product,
          cargoCategory,
          shipToShip,
          vesselFlag,
          counterpartVesselFlag,
          subject,
          vesselImo,
          counterpartVesselImo,
          dischargePort,
          transportMode,
          routeStart,
          routeEnd,
          parties,
          sourceName,
          corroboration);
    }
  }
}
