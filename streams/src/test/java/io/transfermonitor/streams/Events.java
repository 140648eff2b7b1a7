package io.transfermonitor.streams;

import io.transfermonitor.model.ArmsCategory;
import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.Bank;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ComponentFinding;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.RouteLeg;
import io.transfermonitor.model.Rule;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.producers.rules.RuleFile;
import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.testkit.ProjectFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events and rules for tests. */
public final class Events {

  public static final String REFINED_CAP = "unscr-2397-refined-petroleum-cap";
  public static final String CRUDE_CAP = "unscr-2397-crude-oil-cap";

  private Events() {}

  /** The default rule set as shipped in deploy/config/rules.yaml. */
  public static List<Rule> defaultRules() {
    return RuleFile.load(ProjectFiles.of("deploy", "config", "rules.yaml"));
  }

  public static Rule defaultRule(String id) {
    return defaultRules().stream().filter(r -> r.getRuleId().equals(id)).findFirst().orElseThrow();
  }

  public static EventHeader header(
      String id, SourceKind kind, String time, String from, String to) {
    return EventHeader.newBuilder()
        .setEventId(id)
        .setSourceName("test source")
        .setSourceKind(kind)
        .setEventTime(Instant.parse(time))
        .setOrigin(from)
        .setDestination(to)
        .setReferences(List.of("seed-000"))
        .build();
  }

  /** Refined petroleum from Russia to the DPRK, in barrels, observed. */
  public static TankerDelivery refined(String id, String time, double barrels) {
    return tanker(id, SourceKind.OBSERVED, time, ProductClass.REFINED, "DIESEL", barrels, "BARREL");
  }

  /** Refined petroleum reported supplied to the DPRK by {@code origin}, in barrels. */
  public static TankerDelivery reported(String id, String time, double barrels, String origin) {
    TankerDelivery t =
        tanker(id, SourceKind.REPORTED, time, ProductClass.REFINED, "DIESEL", barrels, "BARREL");
    t.getHeader().setOrigin(origin);
    t.getHeader().setSourceName("1718 Committee refined petroleum table");
    return t;
  }

  /**
   * Refined petroleum from Russia observed delivered to the DPRK by the vessel {@code imo} at
   * {@code port} (null: none given), seen by {@code source}.
   */
  public static TankerDelivery sighting(
      String id, String time, double barrels, String imo, String port, String source) {
    TankerDelivery t = refined(id, time, barrels);
    t.setVesselImo(imo);
    t.setDischargePort(port);
    t.getHeader().setSourceName(source);
    return t;
  }

  /**
   * Observation {@code id} by "AIS" at {@code time} of vessel 9000001 at Nampo ({@code after} bbl),
   * as the corroboration stage hands it on: it corroborates delivery "a", first seen at {@code
   * deliveryTime} by "imagery" ({@code before} bbl).
   */
  public static Fact secondSighting(
      String id, String time, String deliveryTime, double before, double after) {
    Fact fact = Fact.of(sighting(id, time, after, "9000001", "Nampo", "AIS"));
    return fact.withCorroboration(
        new Corroboration(
            "a",
            Instant.parse(deliveryTime).toEpochMilli(),
            before,
            after,
            1,
            List.of("a", id),
            1,
            List.of("imagery", "AIS")));
  }

  public static TankerDelivery tanker(
      String id,
      SourceKind kind,
      String time,
      ProductClass productClass,
      String product,
      double quantity,
      String unit) {
    return TankerDelivery.newBuilder()
        .setHeader(header(id, kind, time, "RUS", "PRK"))
        .setVesselName("Test Tanker")
        .setVesselFlag("SLE")
        .setProductClass(productClass)
        .setProduct(product)
        .setQuantity(quantity)
        .setUnit(unit)
        .build();
  }

  public static ContainerShipment containers(
      String id, String time, CargoCategory cargo, int count) {
    return ContainerShipment.newBuilder()
        .setHeader(header(id, SourceKind.OBSERVED, time, "PRK", "RUS"))
        .setContainers(count)
        .setCargoCategory(cargo)
        .setTransportMode(TransportMode.SEA)
        .build();
  }

  public static ArmsTransfer arms(String id, String time, String from, String to) {
    return ArmsTransfer.newBuilder()
        .setHeader(header(id, SourceKind.OBSERVED, time, from, to))
        .setSystem("KN-23 (Hwasong-11)")
        .setCategory(ArmsCategory.BALLISTIC_MISSILE)
        .setQuantity(10)
        .build();
  }

  public static TroopDeployment troops(String id, String time, int personnel) {
    return TroopDeployment.newBuilder()
        .setHeader(header(id, SourceKind.OBSERVED, time, "PRK", "RUS"))
        .setPersonnel(personnel)
        .build();
  }

  /** A payment from a Russian bank to {@code bank} (with its BIC), reported. */
  public static FinancialTransfer payment(String id, String time, String bank, String bic) {
    return FinancialTransfer.newBuilder()
        .setHeader(header(id, SourceKind.REPORTED, time, "RUS", "PRK"))
        .setAmount(1_000_000)
        .setCurrency("RUB")
        .setSenderBank(new Bank("MRB Bank", null, "RUS"))
        .setReceiverBank(new Bank(bank, bic, "PRK"))
        .build();
  }

  /** Munitions containers by sea, then rail, through {@code places} in order. */
  public static ContainerShipment shipment(String id, String time, String... places) {
    List<RouteLeg> legs = new ArrayList<>();
    for (int i = 0; i + 1 < places.length; i++) {
      legs.add(
          new RouteLeg(
              places[i], places[i + 1], i == 0 ? TransportMode.SEA : TransportMode.RAIL, null));
    }
    return ContainerShipment.newBuilder(containers(id, time, CargoCategory.MUNITIONS, 100))
        .setCarrier("Angara")
        .setRouteLegs(legs)
        .build();
  }

  public static WorkerDispatch workers(String id, String time, int workers) {
    return WorkerDispatch.newBuilder()
        .setHeader(header(id, SourceKind.REPORTED, time, "PRK", "RUS"))
        .setWorkers(workers)
        .build();
  }

  /** A component of {@code maker} found in a short-range ballistic missile of DPRK origin. */
  public static ComponentFinding component(
      String id, String time, String maker, String country, String made, String hsCode) {
    return ComponentFinding.newBuilder()
        .setHeader(header(id, SourceKind.REPORTED, time, "PRK", "UKR"))
        .setWeaponType("short-range ballistic missile")
        .setWeaponDesignation("KN-23")
        .setRecoveredAt("Kharkiv")
        .setRecoveredBy("Examiner")
        .setMaker(maker)
        .setMakerCountry(country)
        .setPartNumber("P-" + id)
        .setMarking("logo")
        .setDateCode(made == null ? null : made.substring(0, 7))
        .setManufactured(made == null ? null : Instant.parse(made + "T00:00:00Z"))
        .setHsCode(hsCode)
        .setFunction("processor")
        .setPage("p. 1")
        .build();
  }
}
