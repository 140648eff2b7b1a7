package io.transfermonitor.schemas;

import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.ComponentFinding;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.VesselActivity;
import io.transfermonitor.model.WorkerDispatch;
import org.apache.avro.specific.SpecificRecord;

/** The generated class of each event kind, and the header every event record carries. */
public final class EventTypes {

  private EventTypes() {}

  public static Class<? extends SpecificRecord> recordClass(EventKind kind) {
    return switch (kind) {
      case TANKER_DELIVERY -> TankerDelivery.class;
      case CONTAINER_SHIPMENT -> ContainerShipment.class;
      case ARMS_TRANSFER -> ArmsTransfer.class;
      case TROOP_DEPLOYMENT -> TroopDeployment.class;
      case WORKER_DISPATCH -> WorkerDispatch.class;
      case FINANCIAL_TRANSFER -> FinancialTransfer.class;
      case VESSEL_ACTIVITY -> VesselActivity.class;
      case COMPONENT_FINDING -> ComponentFinding.class;
    };
  }

  /** The event kind of a generated event record. */
  public static EventKind kindOf(SpecificRecord event) {
    for (EventKind kind : EventKind.values()) {
      if (recordClass(kind).isInstance(event)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("not an event record: " + event.getSchema().getFullName());
  }

  /** The {@code header} field of any event record. */
  public static EventHeader headerOf(SpecificRecord event) {
    Object header = event.get(event.getSchema().getField("header").pos());
    if (header instanceof EventHeader h) {
      return h;
    }
    throw new IllegalArgumentException(
        "record " + event.getSchema().getFullName() + " has no EventHeader");
  }
}
