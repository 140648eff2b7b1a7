package io.transfermonitor.streams.ais;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.streams.reference.ReferenceChanges;
import io.transfermonitor.streams.screen.DesignationChanges;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What the monitor knows of vessels besides their AIS: the register ({@code vessels load}) by IMO
 * number and by MMSI, and the designated vessels by IMO number, each read from its global store
 * into memory and built again after the store changed. One per task (the global stores are small: a
 * register of some tens of thousands of vessels, a list of some hundreds of designated ones).
 */
final class VesselRegister {

  private final KeyValueStore<String, VesselRecord> register;
  private final ReferenceChanges registerChanges;
  private final KeyValueStore<String, Designation> designations;
  private final DesignationChanges designationChanges;
  private Map<String, VesselRecord> byImo = Map.of();
  private Map<String, VesselRecord> byMmsi = Map.of();
  private Map<String, Designation> designatedByImo = Map.of();
  private long registerBuiltAt = -1;
  private long designationsBuiltAt = -1;

  VesselRegister(
      KeyValueStore<String, VesselRecord> register,
      ReferenceChanges registerChanges,
      KeyValueStore<String, Designation> designations,
      DesignationChanges designationChanges) {
    this.register = register;
    this.registerChanges = registerChanges;
    this.designations = designations;
    this.designationChanges = designationChanges;
  }

  /** What is known of the vessel of {@code track}: its own words, the register's, the lists'. */
  Vessel vessel(VesselTrack track) {
    return vessel(track.mmsi(), track.imo(), track.name(), track.shipType());
  }

  /** What is known of the vessel {@code mmsi} that sent {@code imo}, {@code name}, {@code type}. */
  Vessel vessel(String mmsi, String imo, String name, Integer aisShipType) {
    refresh();
    VesselRecord entry = imo == null ? null : byImo.get(imo);
    if (entry == null) {
      entry = byMmsi.get(mmsi);
    }
    String knownImo = imo != null ? imo : entry == null ? null : entry.getImo();
    String flag =
        entry != null && entry.getFlag() != null ? entry.getFlag() : Mid.country(mmsi).orElse(null);
    Designation designation = knownImo == null ? null : designatedByImo.get(knownImo);
    return new Vessel(
        mmsi,
        knownImo,
        name != null ? name : entry == null ? null : entry.getName(),
        flag,
        entry == null ? null : entry.getFlag(),
        aisShipType,
        entry == null ? null : entry.getShipType(),
        entry == null ? null : entry.getDeadweightTonnes(),
        designation == null ? null : designation.getDesignationId());
  }

  private void refresh() {
    long registerCount = registerChanges.count();
    if (registerCount != registerBuiltAt) {
      Map<String, VesselRecord> imos = new HashMap<>();
      Map<String, VesselRecord> mmsis = new HashMap<>();
      try (KeyValueIterator<String, VesselRecord> it = register.all()) {
        it.forEachRemaining(
            entry -> {
              VesselRecord v = entry.value;
              if (v.getImo() != null) {
                imos.put(v.getImo(), v);
              }
              if (v.getMmsi() != null) {
                mmsis.put(v.getMmsi(), v);
              }
            });
      }
      byImo = imos;
      byMmsi = mmsis;
      registerBuiltAt = registerCount;
    }
    long designationCount = designationChanges.count();
    if (designationCount != designationsBuiltAt) {
      Map<String, Designation> imos = new HashMap<>();
      try (KeyValueIterator<String, Designation> it = designations.all()) {
        it.forEachRemaining(
            entry -> {
              for (Identifier id : entry.value.getIdentifiers()) {
                if (id.getScheme() == IdentifierScheme.IMO) {
                  String digits = id.getValue().replaceAll("[^0-9]", "");
                  if (!digits.isEmpty()) {
                    imos.put(digits, entry.value);
                  }
                }
              }
            });
      }
      designatedByImo = imos;
      designationsBuiltAt = designationCount;
    }
  }
}
