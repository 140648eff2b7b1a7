package io.transfermonitor.streams.fact;

import io.transfermonitor.model.ArmsCategory;
import io.transfermonitor.model.Bank;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.EventKind;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.model.VesselActivityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What only one kind of event has, beside the common part of a {@link Fact}: one record per event
 * kind, sealed, so a stage that reads a kind's fields says which kind it reads. Each tells the
 * words that name what moved ({@link #subject()}) and the parties it names itself (vessels,
 * carriers, banks), which screening adds to the parties of the event's header.
 */
public sealed interface Detail {

  EventKind kind();

  /** A few words naming what moved, e.g. "152 mm shells (MISSILE)" or "DIESEL by vessel X". */
  String subject();

  /** The parties this detail names, in the order an alert cites them. */
  default List<Party> parties() {
    return List.of();
  }

  /** How the goods moved, or null when the kind does not say. */
  default TransportMode transportMode() {
    return null;
  }

  /** A tanker delivery of refined petroleum or crude oil. */
  record Tanker(
      ProductClass productClass,
      String product,
      boolean shipToShip,
      String vesselImo,
      String vesselName,
      String vesselFlag,
      String counterpartVesselImo,
      String counterpartVesselName,
      String counterpartVesselFlag,
      String dischargePort)
      implements Detail {

    @Override
    public EventKind kind() {
      return EventKind.TANKER_DELIVERY;
    }

    @Override
    public String subject() {
      return product + (vesselName == null ? "" : " by vessel " + vesselName);
    }

    @Override
    public List<Party> parties() {
      List<Party> vessels = new ArrayList<>(2);
      addVessel(vessels, vesselName, vesselImo, vesselFlag);
      addVessel(vessels, counterpartVesselName, counterpartVesselImo, counterpartVesselFlag);
      return vessels;
    }

    @Override
    public TransportMode transportMode() {
      return TransportMode.SEA;
    }

    private static void addVessel(List<Party> to, String name, String imo, String flag) {
      if (name == null && imo == null) {
        return;
      }
      List<Identifier> ids =
          imo == null ? List.of() : List.of(new Identifier(IdentifierScheme.IMO, imo));
      to.add(new Party(PartyRole.VESSEL, name == null ? "IMO " + imo : name, ids, flag));
    }
  }

  /**
   * A container shipment.
   *
   * @param routeStart where the first leg of the route starts, or null
   * @param routeEnd where the last leg ends, or null
   * @param carriers the main carrier, then the carrier of each leg, as named (blank ones are no
   *     party)
   */
  record Containers(
      CargoCategory cargoCategory,
      TransportMode transportMode,
      String routeStart,
      String routeEnd,
      List<String> carriers)
      implements Detail {

    public Containers {
      carriers = carriers == null ? List.of() : List.copyOf(carriers);
    }

    @Override
    public EventKind kind() {
      return EventKind.CONTAINER_SHIPMENT;
    }

    @Override
    public String subject() {
      return cargoCategory.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public List<Party> parties() {
      List<Party> named = new ArrayList<>(carriers.size());
      for (String carrier : carriers) {
        if (carrier != null && !carrier.isBlank()) {
          named.add(new Party(PartyRole.CARRIER, carrier, List.of(), null));
        }
      }
      return named;
    }
  }

  /** An arms transfer. */
  record Arms(String system, ArmsCategory category) implements Detail {

    @Override
    public EventKind kind() {
      return EventKind.ARMS_TRANSFER;
    }

    @Override
    public String subject() {
      return system + " (" + category + ")";
    }
  }

  /** A troop deployment; {@code unit} is the military unit, if known. */
  record Troops(String unit) implements Detail {

    @Override
    public EventKind kind() {
      return EventKind.TROOP_DEPLOYMENT;
    }

    @Override
    public String subject() {
      return unit == null ? "the armed forces" : unit;
    }
  }

  /** A dispatch of workers. */
  record Workers(String sector) implements Detail {

    @Override
    public EventKind kind() {
      return EventKind.WORKER_DISPATCH;
    }

    @Override
    public String subject() {
      return "sector " + sector;
    }
  }

  /** A payment, with the banks it passed through. */
  record Payment(Bank senderBank, Bank receiverBank, List<Bank> intermediaryBanks)
      implements Detail {

    public Payment {
      intermediaryBanks = intermediaryBanks == null ? List.of() : List.copyOf(intermediaryBanks);
    }

    @Override
    public EventKind kind() {
      return EventKind.FINANCIAL_TRANSFER;
    }

    @Override
    public String subject() {
      return "payment";
    }

    @Override
    public List<Party> parties() {
      List<Party> banks = new ArrayList<>(2 + intermediaryBanks.size());
      addBank(banks, PartyRole.BANK, senderBank);
      addBank(banks, PartyRole.BANK, receiverBank);
      intermediaryBanks.forEach(b -> addBank(banks, PartyRole.INTERMEDIARY_BANK, b));
      return banks;
    }

    private static void addBank(List<Party> to, PartyRole role, Bank bank) {
      if (bank == null) {
        return;
      }
      List<Identifier> ids =
          bank.getBic() == null
              ? List.of()
              : List.of(new Identifier(IdentifierScheme.BIC, bank.getBic()));
      to.add(new Party(role, bank.getName(), ids, bank.getCountry()));
    }
  }

  /**
   * What a vessel did: a dark period, an identity anomaly, a designated vessel's position; found in
   * AIS by the monitor's own detectors or reported by a source.
   *
   * @param activity what it did
   * @param mmsi its MMSI, or null
   * @param imo its IMO number, or null
   * @param name its name, or null
   * @param flag its flag, ISO alpha-3, or null
   * @param area the area of interest or port it concerns, or null
   * @param endTime when it ended (epoch millis), or null
   * @param description one sentence saying what was seen, or null
   */
  record Vessel(
      VesselActivityType activity,
      String mmsi,
      String imo,
      String name,
      String flag,
      String area,
      Long endTime,
      String description)
      implements Detail {

    @Override
    public EventKind kind() {
      return EventKind.VESSEL_ACTIVITY;
    }

    @Override
    public String subject() {
      String what = activity.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
      return what + " of vessel " + key() + (area == null ? "" : " (" + area + ")");
    }

    /** How cases know the vessel: {@code IMO:<number>} when known, else {@code MMSI:<number>}. */
    public String key() {
      return imo != null ? "IMO:" + imo : "MMSI:" + mmsi;
    }

    @Override
    public List<Party> parties() {
      if (name == null && imo == null) {
        return List.of();
      }
      List<Identifier> ids =
          imo == null ? List.of() : List.of(new Identifier(IdentifierScheme.IMO, imo));
      return List.of(new Party(PartyRole.VESSEL, name == null ? "IMO " + imo : name, ids, flag));
    }

    @Override
    public TransportMode transportMode() {
      return TransportMode.SEA;
    }
  }

  /**
   * A component found in a recovered weapon: the item, the component and where the report says it.
   *
   * @param manufactured when the component was made as its date code says (epoch millis, the first
   *     day of the period the code names), or null
   */
  record Component(
      String weaponType,
      String weaponDesignation,
      String recoveredAt,
      String recoveredBy,
      String maker,
      String makerCountry,
      String partNumber,
      String marking,
      String dateCode,
      Long manufactured,
      String hsCode,
      String function,
      String page)
      implements Detail {

    @Override
    public EventKind kind() {
      return EventKind.COMPONENT_FINDING;
    }

    @Override
    public String subject() {
      return maker + (partNumber == null ? "" : " " + partNumber) + " in " + item();
    }

    /** The recovered item as reported: "short-range ballistic missile KN-23". */
    public String item() {
      return weaponType + (weaponDesignation == null ? "" : " " + weaponDesignation);
    }
  }
}
