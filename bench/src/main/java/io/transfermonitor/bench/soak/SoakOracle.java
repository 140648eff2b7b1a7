package io.transfermonitor.bench.soak;

import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.schemas.EventTypes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the monitor must make of a soak's input, worked out from the input alone with plain
 * arithmetic on the default rule set's published figures, and none of the monitor's classes: the
 * total of every cap ledger, and the id of every alert of the rules it models (refined petroleum
 * and crude caps, the arms embargo, military assistance with its personnel levels, overseas
 * workers, ship-to-ship transfers). Each event id counts once, however often it is sent.
 */
public final class SoakOracle {

  static final String REFINED = "unscr-2397-refined-petroleum-cap";
  static final String CRUDE = "unscr-2397-crude-oil-cap";
  static final String ARMS = "unscr-1718-arms-embargo";
  static final String TROOPS = "unscr-1718-military-assistance";
  static final String WORKERS = "unscr-2397-overseas-workers";
  static final String SHIP_TO_SHIP = "unscr-2375-ship-to-ship";

  /** The rules whose alerts the oracle predicts; others are reported apart. */
  public static final Set<String> MODELLED =
      Set.of(REFINED, CRUDE, ARMS, TROOPS, WORKERS, SHIP_TO_SHIP);

  private static final Map<String, Double> REFINED_LEVELS =
      Map.of("NOTICE_75", 0.75, "NOTICE_90", 0.90, "CEASE_SUPPLY_95", 0.95, "BREACH", 1.00);
  private static final Map<String, Double> CRUDE_LEVELS =
      Map.of("NOTICE_75", 0.75, "NOTICE_90", 0.90, "BREACH", 1.00);
  private static final Map<String, Double> PERSONNEL_LEVELS =
      Map.of("PERSONNEL_1000", 1000.0, "PERSONNEL_10000", 10000.0);

  private final Map<String, Double> capTotals = new TreeMap<>();
  private final Map<String, Double> personnel = new TreeMap<>();
  private final Set<String> alerts = new TreeSet<>();
  private final Set<String> eventIds = new HashSet<>();

  /** Works out the outcome of {@code input}, in any order. */
  public static SoakOracle of(List<SpecificRecord> input) {
    SoakOracle oracle = new SoakOracle();
    input.forEach(oracle::count);
    oracle.levels();
    return oracle;
  }

  /** Cap ledger key ({@code rule/periodStart/basis}) to its exact total in barrels. */
  public Map<String, Double> capTotals() {
    return capTotals;
  }

  /** Every alert id the modelled rules must raise, each once. */
  public Set<String> alerts() {
    return alerts;
  }

  /** The ids of the good events: none of them belongs on the rejected topic. */
  public Set<String> eventIds() {
    return eventIds;
  }

  private void count(SpecificRecord event) {
    EventHeader h = EventTypes.headerOf(event);
    if (!eventIds.add(h.getEventId())) {
      return; // a re-send
    }
    String id = h.getEventId();
    boolean prk = "PRK".equals(h.getOrigin()) || "PRK".equals(h.getDestination());
    if (event instanceof TankerDelivery t) {
      tanker(t, h);
    } else if (event instanceof ContainerShipment c && prk && banned(c.getCargoCategory())) {
      alerts.add(ARMS + "/" + id);
    } else if (event instanceof ArmsTransfer && prk) {
      alerts.add(ARMS + "/" + id);
    } else if (event instanceof TroopDeployment d && prk) {
      alerts.add(TROOPS + "/" + id);
      personnel.merge(
          TROOPS + "/" + yearStart(h) + "/" + basis(h.getSourceKind()),
          (double) d.getPersonnel(),
          Double::sum);
    } else if (event instanceof WorkerDispatch && "PRK".equals(h.getOrigin())) {
      alerts.add(WORKERS + "/" + id);
    }
  }

  private void tanker(TankerDelivery t, EventHeader h) {
    if (t.getShipToShip()
        && ("PRK".equals(t.getVesselFlag()) || "PRK".equals(t.getCounterpartVesselFlag()))) {
      alerts.add(SHIP_TO_SHIP + "/" + h.getEventId());
    }
    if (!"PRK".equals(h.getDestination())) {
      return;
    }
    String basis = basis(h.getSourceKind());
    if (t.getProductClass() == ProductClass.CRUDE) {
      capTotals.merge(CRUDE + "/" + crudePeriodStart(h) + "/" + basis, barrels(t), Double::sum);
    } else if (t.getProductClass() == ProductClass.REFINED) {
      capTotals.merge(REFINED + "/" + yearStart(h) + "/" + basis, barrels(t), Double::sum);
    }
  }

  /** Levels are reached by the final total whatever the order: totals only grow. */
  private void levels() {
    capTotals.forEach(
        (ledger, total) -> {
          boolean crude = ledger.startsWith(CRUDE + "/");
          double limit = crude ? 4_000_000 : 500_000;
          (crude ? CRUDE_LEVELS : REFINED_LEVELS)
              .forEach(
                  (label, share) -> {
                    if (total >= share * limit) {
                      alerts.add(ledger + "/" + label);
                    }
                  });
        });
    personnel.forEach(
        (ledger, total) ->
            PERSONNEL_LEVELS.forEach(
                (label, level) -> {
                  if (total >= level) {
                    alerts.add(ledger + "/" + label);
                  }
                }));
  }

  private static boolean banned(CargoCategory c) {
    return c == CargoCategory.MUNITIONS
        || c == CargoCategory.ARMS
        || c == CargoCategory.MISSILES
        || c == CargoCategory.MILITARY_EQUIPMENT;
  }

  /** The default rules count ESTIMATED evidence as OBSERVED. */
  private static String basis(SourceKind kind) {
    return kind == SourceKind.REPORTED ? "REPORTED" : "OBSERVED";
  }

  /** The workload's quantities are whole barrels, or tons of diesel (7.5) and gasoline (8.5). */
  private static double barrels(TankerDelivery t) {
    if (t.getUnit().equals("BARREL")) {
      return t.getQuantity();
    }
    return t.getQuantity() * (t.getProduct().equals("GASOLINE") ? 8.5 : 7.5);
  }

  private static LocalDate day(EventHeader h) {
    return h.getEventTime().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String yearStart(EventHeader h) {
    return day(h).withDayOfYear(1).toString();
  }

  /** Crude periods run from 22 December. */
  private static String crudePeriodStart(EventHeader h) {
    LocalDate d = day(h);
    LocalDate anchor = LocalDate.of(d.getYear(), 12, 22);
    return (d.isBefore(anchor) ? anchor.minusYears(1) : anchor).toString();
  }
}
