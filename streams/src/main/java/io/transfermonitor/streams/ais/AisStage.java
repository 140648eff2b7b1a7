package io.transfermonitor.streams.ais;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import io.transfermonitor.streams.reference.ReferenceChanges;
import io.transfermonitor.streams.screen.DesignationChanges;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What every AIS processor shares: the global stores it reads (the vessel register and the
 * designations) with the counters of their changes, the settings and the metrics. One per topology.
 *
 * @param vesselsStore the global store of the vessel register
 * @param designationsStore the global store of the designations
 * @param settings the AIS settings
 * @param registerChanges counts the register's changes
 * @param designationChanges counts the designations' changes
 * @param metrics the monitor's counters
 */
public record AisStage(
    String vesselsStore,
    String designationsStore,
    AisSettings settings,
    ReferenceChanges registerChanges,
    DesignationChanges designationChanges,
    MonitorMetrics metrics) {

  /** The register and the designated vessels, read from the global stores of {@code context}. */
  VesselRegister register(ProcessorContext<?, ?> context) {
    KeyValueStore<String, VesselRecord> vessels = context.getStateStore(vesselsStore);
    KeyValueStore<String, Designation> designations = context.getStateStore(designationsStore);
    return new VesselRegister(vessels, registerChanges, designations, designationChanges);
  }

  /** How findings become events, with these settings. */
  AisEvents events() {
    return new AisEvents(settings.events(), settings.gazetteer());
  }
}
