package io.transfermonitor.streams.fact;

import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ComponentFinding;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.RouteLeg;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.VesselActivity;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.schemas.EventTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A validated event, reduced to what the rules look at: the part every kind of event shares, and
 * one typed {@link Detail} for what only its kind has. Travels between the stages, and rests in the
 * stores, in the internal Avro form of {@link FactSerde}.
 *
 * @param eventId the event's stable id
 * @param sourceKind REPORTED, OBSERVED or ESTIMATED evidence
 * @param sourceName who emitted the fact (the header's source name)
 * @param eventTime when the transfer happened (epoch millis, UTC)
 * @param origin ISO alpha-3 origin country, or null
 * @param destination ISO alpha-3 destination country, or null
 * @param references supporting documents of the event
 * @param namedParties the parties the event's header names ({@link #parties()} adds the detail's)
 * @param amount the main quantity: barrels once normalized (tanker deliveries), else containers,
 *     units, personnel, workers or a money amount
 * @param amountUnit unit of {@code amount}: BARREL (after normalization), METRIC_TON, KILOLITRE,
 *     LITRE, CONTAINERS, UNITS, PERSONNEL, WORKERS or a currency code
 * @param reportedAmount the quantity as the source gave it
 * @param reportedUnit the unit the source gave it in
 * @param detail what only this kind of event has
 * @param corroboration set by the corroboration stage on an OBSERVED tanker delivery merged with
 *     other observations of the same delivery: what it changed; null for every other fact
 */
public record Fact(
    String eventId,
    SourceKind sourceKind,
    String sourceName,
    long eventTime,
    String origin,
    String destination,
    List<String> references,
    List<Party> namedParties,
    double amount,
    String amountUnit,
    double reportedAmount,
    String reportedUnit,
    Detail detail,
    Corroboration corroboration) {

  public Fact {
    references = references == null ? List.of() : List.copyOf(references);
    namedParties = namedParties == null ? List.of() : List.copyOf(namedParties);
  }

  /** The fact of a generated event record (one of the six kinds of {@link EventTypes}). */
  public static Fact of(SpecificRecord event) {
    EventHeader h = EventTypes.headerOf(event);
    if (event instanceof TankerDelivery t) {
      return of(
          h,
          t.getQuantity(),
          t.getUnit(),
          new Detail.Tanker(
              t.getProductClass(),
              t.getProduct(),
              t.getShipToShip(),
              t.getVesselImo(),
              t.getVesselName(),
              t.getVesselFlag(),
              t.getCounterpartVesselImo(),
              t.getCounterpartVesselName(),
              t.getCounterpartVesselFlag(),
              t.getDischargePort()));
    }
    if (event instanceof ContainerShipment c) {
      List<RouteLeg> legs = c.getRouteLegs();
      List<String> carriers = new ArrayList<>(1 + legs.size());
      carriers.add(c.getCarrier());
      legs.forEach(leg -> carriers.add(leg.getCarrier()));
      carriers.removeIf(name -> name == null);
      return of(
          h,
          c.getContainers(),
          "CONTAINERS",
          new Detail.Containers(
              c.getCargoCategory(),
              c.getTransportMode(),
              legs.isEmpty() ? null : legs.get(0).getFrom(),
              legs.isEmpty() ? null : legs.get(legs.size() - 1).getTo(),
              carriers));
    }
    if (event instanceof ArmsTransfer a) {
      return of(
          h, a.getQuantity(), a.getQuantityUnit(), new Detail.Arms(a.getSystem(), a.getCategory()));
    }
    if (event instanceof TroopDeployment d) {
      return of(h, d.getPersonnel(), "PERSONNEL", new Detail.Troops(d.getUnit()));
    }
    if (event instanceof WorkerDispatch w) {
      return of(h, w.getWorkers(), "WORKERS", new Detail.Workers(w.getSector()));
    }
    if (event instanceof FinancialTransfer f) {
      return of(
          h,
          f.getAmount(),
          f.getCurrency(),
          new Detail.Payment(f.getSenderBank(), f.getReceiverBank(), f.getIntermediaryBanks()));
    }
    if (event instanceof VesselActivity v) {
      return of(
          h,
          1,
          "EVENTS",
          new Detail.Vessel(
              v.getActivity(),
              v.getVesselMmsi(),
              v.getVesselImo(),
              v.getVesselName(),
              v.getVesselFlag(),
              v.getArea(),
              v.getEndTime() == null ? null : v.getEndTime().toEpochMilli(),
              v.getDescription()));
    }
    if (event instanceof ComponentFinding f) {
      return of(
          h,
          1,
          "COMPONENTS",
          new Detail.Component(
              f.getWeaponType(),
              f.getWeaponDesignation(),
              f.getRecoveredAt(),
              f.getRecoveredBy(),
              f.getMaker(),
              f.getMakerCountry(),
              f.getPartNumber(),
              f.getMarking(),
              f.getDateCode(),
              f.getManufactured() == null ? null : f.getManufactured().toEpochMilli(),
              f.getHsCode(),
              f.getFunction(),
              f.getPage()));
    }
    throw new IllegalArgumentException("not an event record: " + event.getSchema().getFullName());
  }

  private static Fact of(EventHeader h, double quantity, String unit, Detail detail) {
    return new Fact(
        h.getEventId(),
        h.getSourceKind(),
        h.getSourceName(),
        h.getEventTime().toEpochMilli(),
        h.getOrigin(),
        h.getDestination(),
        h.getReferences(),
        h.getParties(),
        quantity,
        unit,
        quantity,
        unit,
        detail,
        null);
  }

  /** Which event record the fact came from. */
  public EventKind kind() {
    return detail.kind();
  }

  /** A few words naming what moved, e.g. "152 mm shells" or "DIESEL by vessel Yu Jong 2". */
  public String subject() {
    return detail.subject();
  }

  /**
   * Every party the event names, with its role: the header's parties, then the detail's (vessels
   * with their IMO numbers, the carriers, the banks of a payment with their BICs), each once.
   */
  public List<Party> parties() {
    List<Party> own = detail.parties();
    if (own.isEmpty()) {
      return namedParties;
    }
    List<Party> all = new ArrayList<>(namedParties.size() + own.size());
    all.addAll(namedParties);
    for (Party party : own) {
      if (!all.contains(party)) {
        all.add(party);
      }
    }
    return all;
  }

  /** How the goods moved: the mode of a container shipment, SEA for a tanker, else null. */
  public TransportMode transportMode() {
    return detail.transportMode();
  }

  /** Tanker deliveries: REFINED or CRUDE; else null. */
  public ProductClass productClass() {
    return detail instanceof Detail.Tanker t ? t.productClass() : null;
  }

  /** Tanker deliveries: the product type; else null. */
  public String product() {
    return detail instanceof Detail.Tanker t ? t.product() : null;
  }

  /** Tanker deliveries: a transfer between vessels at sea. */
  public boolean shipToShip() {
    return detail instanceof Detail.Tanker t && t.shipToShip();
  }

  /** Tanker deliveries: flag of the delivering vessel; else null. */
  public String vesselFlag() {
    return detail instanceof Detail.Tanker t ? t.vesselFlag() : null;
  }

  /** Ship-to-ship: flag of the other vessel; else null. */
  public String counterpartVesselFlag() {
    return detail instanceof Detail.Tanker t ? t.counterpartVesselFlag() : null;
  }

  /** Tanker deliveries: IMO number of the delivering vessel; else null. */
  public String vesselImo() {
    return detail instanceof Detail.Tanker t ? t.vesselImo() : null;
  }

  /** Ship-to-ship: IMO number of the other vessel; else null. */
  public String counterpartVesselImo() {
    return detail instanceof Detail.Tanker t ? t.counterpartVesselImo() : null;
  }

  /** Tanker deliveries: where the cargo was discharged; else null. */
  public String dischargePort() {
    return detail instanceof Detail.Tanker t ? t.dischargePort() : null;
  }

  /** Container shipments: the cargo; else null. */
  public CargoCategory cargoCategory() {
    return detail instanceof Detail.Containers c ? c.cargoCategory() : null;
  }

  /** Container shipments: where the first leg of the route starts; else null. */
  public String routeStart() {
    return detail instanceof Detail.Containers c ? c.routeStart() : null;
  }

  /** Container shipments: where the last leg of the route ends; else null. */
  public String routeEnd() {
    return detail instanceof Detail.Containers c ? c.routeEnd() : null;
  }

  /** A copy with the main quantity in another unit; the reported quantity stays as given. */
  public Fact withAmount(double newAmount, String newUnit) {
    return new Fact(
        eventId,
        sourceKind,
        sourceName,
        eventTime,
        origin,
        destination,
        references,
        namedParties,
        newAmount,
        newUnit,
        reportedAmount,
        reportedUnit,
        detail,
        corroboration);
  }

  /** A copy carrying what this observation changed about its delivery. */
  public Fact withCorroboration(Corroboration value) {
    return new Fact(
        eventId,
        sourceKind,
        sourceName,
        eventTime,
        origin,
        destination,
        references,
        namedParties,
        amount,
        amountUnit,
        reportedAmount,
        reportedUnit,
        detail,
        value);
  }

  /**
   * A copy with another detail of the same kind (a component's maker as the makers table files it).
   */
  public Fact withDetail(Detail value) {
    if (value.kind() != detail.kind()) {
      throw new IllegalArgumentException("a " + detail.kind() + " fact with a " + value.kind());
    }
    return new Fact(
        eventId,
        sourceKind,
        sourceName,
        eventTime,
        origin,
        destination,
        references,
        namedParties,
        amount,
        amountUnit,
        reportedAmount,
        reportedUnit,
        value,
        corroboration);
  }

  /** A copy with another event id (a store keeps the id in its key, not in the value). */
  public Fact withEventId(String value) {
    return new Fact(
        value,
        sourceKind,
        sourceName,
        eventTime,
        origin,
        destination,
        references,
        namedParties,
        amount,
        amountUnit,
        reportedAmount,
        reportedUnit,
        detail,
        corroboration);
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
}
