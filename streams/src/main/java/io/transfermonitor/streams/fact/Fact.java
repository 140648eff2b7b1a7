package io.transfermonitor.streams.fact;

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
    Builder fact =
        new Builder()
            .eventId(h.getEventId())
            .kind(EventTypes.kindOf(event))
            .sourceKind(h.getSourceKind())
            .eventTime(h.getEventTime().toEpochMilli())
            .origin(h.getOrigin())
            .destination(h.getDestination())
            .references(h.getReferences());
    if (event instanceof TankerDelivery t) {
      return fact.quantity(t.getQuantity(), t.getUnit())
          .productClass(t.getProductClass())
          .product(t.getProduct())
          .shipToShip(t.getShipToShip())
          .vesselFlag(t.getVesselFlag())
          .counterpartVesselFlag(t.getCounterpartVesselFlag())
          .subject(
              t.getProduct() + (t.getVesselName() == null ? "" : " by vessel " + t.getVesselName()))
          .build();
    }
    if (event instanceof ContainerShipment c) {
      return fact.quantity(c.getContainers(), "CONTAINERS")
          .cargoCategory(c.getCargoCategory())
          .subject(c.getCargoCategory().toString().toLowerCase(Locale.ROOT).replace('_', ' '))
          .build();
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
      return fact.quantity(f.getAmount(), f.getCurrency()).subject("payment").build();
    }
    throw new IllegalArgumentException("not an event record: " + event.getSchema().getFullName());
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
        .subject(subject);
  }

  /** A copy with the main quantity in another unit; the reported quantity stays as given. */
  public Fact withAmount(double newAmount, String newUnit) {
    return toBuilder().amount(newAmount, newUnit).build();
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
          subject);
    }
  }
}
