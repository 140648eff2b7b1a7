package io.transfermonitor.streams;

import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.schemas.EventTypes;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A validated event, reduced to what the rules look at: one shape for all six event kinds, so the
 * stages after validation (re-send check, unit normalization, rule matching, ledgers) are written
 * once. Travels through the internal repartition topics as JSON.
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
    String subject) {

  public Fact {
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** The fact of a generated event record (one of the six kinds of {@link EventTypes}). */
  public static Fact of(SpecificRecord event) {
    EventHeader h = EventTypes.headerOf(event);
    Base base =
        new Base(
            h.getEventId(),
            EventTypes.kindOf(event),
            h.getSourceKind(),
            h.getEventTime().toEpochMilli(),
            h.getOrigin(),
            h.getDestination(),
            h.getReferences());
    if (event instanceof TankerDelivery t) {
      return base.with(
          t.getQuantity(),
          t.getUnit(),
          t.getProductClass(),
          t.getProduct(),
          null,
          t.getShipToShip(),
          t.getVesselFlag(),
          t.getCounterpartVesselFlag(),
          t.getProduct() + (t.getVesselName() == null ? "" : " by vessel " + t.getVesselName()));
    }
    if (event instanceof ContainerShipment c) {
      return base.with(
          c.getContainers(),
          "CONTAINERS",
          null,
          null,
          c.getCargoCategory(),
          false,
          null,
          null,
          c.getCargoCategory().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
    if (event instanceof ArmsTransfer a) {
      return base.with(
          a.getQuantity(),
          a.getQuantityUnit(),
          null,
          null,
          null,
          false,
          null,
          null,
          a.getSystem() + " (" + a.getCategory() + ")");
    }
    if (event instanceof TroopDeployment d) {
      return base.with(
          d.getPersonnel(),
          "PERSONNEL",
          null,
          null,
          null,
          false,
          null,
          null,
          d.getUnit() == null ? "the armed forces" : d.getUnit());
    }
    if (event instanceof WorkerDispatch w) {
      return base.with(
          w.getWorkers(),
          "WORKERS",
          null,
          null,
          null,
          false,
          null,
          null,
          "sector " + w.getSector());
    }
    if (event instanceof FinancialTransfer f) {
      return base.with(
          f.getAmount(), f.getCurrency(), null, null, null, false, null, null, "payment");
    }
    throw new IllegalArgumentException("not an event record: " + event.getSchema().getFullName());
  }

  private record Base(
      String eventId,
      EventKind kind,
      SourceKind sourceKind,
      long eventTime,
      String origin,
      String destination,
      List<String> references) {
    Fact with(
        double amount,
        String unit,
        ProductClass productClass,
        String product,
        CargoCategory cargo,
        boolean shipToShip,
        String vesselFlag,
        String counterpartFlag,
        String subject) {
      return new Fact(
          eventId,
          kind,
          sourceKind,
          eventTime,
          origin,
          destination,
          references,
          amount,
          unit,
          amount,
          unit,
          productClass,
          product,
          cargo,
          shipToShip,
          vesselFlag,
          counterpartFlag,
          subject);
    }
  }

  /** A copy with the main quantity in another unit. */
  public Fact withAmount(double newAmount, String newUnit) {
    return new Fact(
        eventId,
        kind,
        sourceKind,
        eventTime,
        origin,
        destination,
        references,
        newAmount,
        newUnit,
        reportedAmount,
        reportedUnit,
        productClass,
        product,
        cargoCategory,
        shipToShip,
        vesselFlag,
        counterpartVesselFlag,
        subject);
  }
}
