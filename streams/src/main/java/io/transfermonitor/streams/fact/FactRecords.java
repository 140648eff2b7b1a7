package io.transfermonitor.streams.fact;

import io.transfermonitor.internal.ArmsDetail;
import io.transfermonitor.internal.ComponentDetail;
import io.transfermonitor.internal.ContainerDetail;
import io.transfermonitor.internal.CorroborationRecord;
import io.transfermonitor.internal.FactRecord;
import io.transfermonitor.internal.PaymentDetail;
import io.transfermonitor.internal.TankerDetail;
import io.transfermonitor.internal.TroopDetail;
import io.transfermonitor.internal.VesselActivityDetail;
import io.transfermonitor.internal.WorkerDetail;

/**
 * A {@link Fact} as the generated {@link FactRecord} of the internal schema, and back: the one
 * mapping between the typed value the stages use and the form it is written in.
 */
final class FactRecords {

  private FactRecords() {}

  /** {@code fact} as a record; without its event id when {@code withEventId} is false. */
  static FactRecord of(Fact fact, boolean withEventId) {
    boolean normalized =
        fact.amount() != fact.reportedAmount() || !fact.amountUnit().equals(fact.reportedUnit());
    return new FactRecord(
        withEventId ? fact.eventId() : null,
        fact.sourceKind(),
        fact.sourceName(),
        fact.eventTime(),
        fact.origin(),
        fact.destination(),
        fact.references(),
        fact.namedParties(),
        fact.reportedAmount(),
        fact.reportedUnit(),
        normalized ? fact.amount() : null,
        normalized ? fact.amountUnit() : null,
        detail(fact.detail()),
        corroboration(fact.corroboration()));
  }

  /** The fact of {@code record}, with {@code eventId} when the record carries none. */
  static Fact fact(FactRecord record, String eventId) {
    Double amount = record.getAmount();
    String amountUnit = record.getAmountUnit();
    return new Fact(
        record.getEventId() != null ? record.getEventId() : eventId,
        record.getSourceKind(),
        record.getSourceName(),
        record.getEventTime(),
        record.getOrigin(),
        record.getDestination(),
        record.getReferences(),
        record.getParties(),
        amount == null ? record.getReportedAmount() : amount,
        amountUnit == null ? record.getReportedUnit() : amountUnit,
        record.getReportedAmount(),
        record.getReportedUnit(),
        detail(record.getDetail()),
        corroboration(record.getCorroboration()));
  }

  private static Object detail(Detail detail) {
    if (detail instanceof Detail.Tanker t) {
      return new TankerDetail(
          t.productClass(),
          t.product(),
          t.shipToShip(),
          t.vesselImo(),
          t.vesselName(),
          t.vesselFlag(),
          t.counterpartVesselImo(),
          t.counterpartVesselName(),
          t.counterpartVesselFlag(),
          t.dischargePort());
    }
    if (detail instanceof Detail.Containers c) {
      return new ContainerDetail(
          c.cargoCategory(), c.transportMode(), c.routeStart(), c.routeEnd(), c.carriers());
    }
    if (detail instanceof Detail.Arms a) {
      return new ArmsDetail(a.system(), a.category());
    }
    if (detail instanceof Detail.Troops t) {
      return new TroopDetail(t.unit());
    }
    if (detail instanceof Detail.Workers w) {
      return new WorkerDetail(w.sector());
    }
    if (detail instanceof Detail.Vessel v) {
      return new VesselActivityDetail(
          v.activity(),
          v.mmsi(),
          v.imo(),
          v.name(),
          v.flag(),
          v.area(),
          v.endTime(),
          v.description());
    }
    if (detail instanceof Detail.Component c) {
      return new ComponentDetail(
          c.weaponType(),
          c.weaponDesignation(),
          c.recoveredAt(),
          c.recoveredBy(),
          c.maker(),
          c.makerCountry(),
          c.partNumber(),
          c.marking(),
          c.dateCode(),
          c.manufactured(),
          c.hsCode(),
          c.function(),
          c.page());
    }
    Detail.Payment p = (Detail.Payment) detail;
    return new PaymentDetail(p.senderBank(), p.receiverBank(), p.intermediaryBanks());
  }

  private static Detail detail(Object record) {
    if (record instanceof TankerDetail t) {
      return new Detail.Tanker(
          t.getProductClass(),
          t.getProduct(),
          t.getShipToShip(),
          t.getVesselImo(),
          t.getVesselName(),
          t.getVesselFlag(),
          t.getCounterpartVesselImo(),
          t.getCounterpartVesselName(),
          t.getCounterpartVesselFlag(),
          t.getDischargePort());
    }
    if (record instanceof ContainerDetail c) {
      return new Detail.Containers(
          c.getCargoCategory(),
          c.getTransportMode(),
          c.getRouteStart(),
          c.getRouteEnd(),
          c.getCarriers());
    }
    if (record instanceof ArmsDetail a) {
      return new Detail.Arms(a.getSystem(), a.getCategory());
    }
    if (record instanceof TroopDetail t) {
      return new Detail.Troops(t.getUnit());
    }
    if (record instanceof WorkerDetail w) {
      return new Detail.Workers(w.getSector());
    }
    if (record instanceof PaymentDetail p) {
      return new Detail.Payment(p.getSenderBank(), p.getReceiverBank(), p.getIntermediaryBanks());
    }
    if (record instanceof VesselActivityDetail v) {
      return new Detail.Vessel(
          v.getActivity(),
          v.getMmsi(),
          v.getImo(),
          v.getName(),
          v.getFlag(),
          v.getArea(),
          v.getEndTime(),
          v.getDescription());
    }
    if (record instanceof ComponentDetail c) {
      return new Detail.Component(
          c.getWeaponType(),
          c.getWeaponDesignation(),
          c.getRecoveredAt(),
          c.getRecoveredBy(),
          c.getMaker(),
          c.getMakerCountry(),
          c.getPartNumber(),
          c.getMarking(),
          c.getDateCode(),
          c.getManufactured(),
          c.getHsCode(),
          c.getFunction(),
          c.getPage());
    }
    throw new IllegalArgumentException("not a fact detail: " + record);
  }

  private static CorroborationRecord corroboration(Corroboration c) {
    return c == null
        ? null
        : new CorroborationRecord(
            c.deliveryId(),
            c.deliveryTime(),
            c.countedBefore(),
            c.counted(),
            c.observationsBefore(),
            c.eventIds(),
            c.sourcesBefore(),
            c.sources());
  }

  private static Corroboration corroboration(CorroborationRecord c) {
    return c == null
        ? null
        : new Corroboration(
            c.getDeliveryId(),
            c.getDeliveryTime(),
            c.getCountedBefore(),
            c.getCounted(),
            c.getObservationsBefore(),
            c.getEventIds(),
            c.getSourcesBefore(),
            c.getSources());
  }
}
