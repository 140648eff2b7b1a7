package io.transfermonitor.producers.scenario;

import io.transfermonitor.model.ArmsCategory;
import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.Bank;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.Identifier;
import io.transfermonitor.model.IdentifierScheme;
import io.transfermonitor.model.Party;
import io.transfermonitor.model.PartyRole;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.RouteLeg;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.WorkerDispatch;
import io.transfermonitor.producers.jsonl.EventJson;
import io.transfermonitor.schemas.EventTypes;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Generates the bundled seed scenario ({@code scenarios/seed-2023-2025.jsonl}): the September 2023
 * to April 2025 timeline of the seed documents, each total the seeds give split into individual
 * events (see the README beside the file for how). Deterministic: the same code writes the same
 * bytes. Only needed to regenerate the file; replay reads the committed resource.
 *
 * <p>Run: {@code java ... SeedScenario [output.jsonl]} (default: the resource path in this module).
 */
public final class SeedScenario {

  static final String SEED_000 = "seed:000_56d5c5d3bd3102f0.txt";
  static final String SEED_002 = "seed:002_79eea7d80fcbe56c.txt";
  static final String SEED_003 = "seed:003_df0ca1a027a46cc6.txt";
  static final String SEED_004 = "seed:004_e8dcd649e99094e2.txt";

  static final String MSMT = "MSMT first report (29 May 2025)";
  static final String WHITE_HOUSE = "US White House satellite imagery briefing (October 2023)";
  static final String TANKER_TRACKING = "Think-tank tanker tracking (satellite imagery)";
  static final String COMMITTEE_1718 = "1718 Committee refined petroleum table";

  private static final String ID_PREFIX = "seed-2023-2025/";

  private SeedScenario() {}

  public static void main(String[] args) throws IOException {
    Path out =
        Path.of(
            args.length > 0
                ? args[0]
                : "producers/src/main/resources/scenarios/seed-2023-2025.jsonl");
    Files.createDirectories(out.toAbsolutePath().getParent());
    List<SpecificRecord> events = events();
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (SpecificRecord event : events) {
        writer.write(EventJson.write(event));
        writer.write('\n');
      }
    }
    System.out.println("wrote " + events.size() + " events to " + out);
  }

  /** Every event of the scenario, ordered by event time (then id). */
  public static List<SpecificRecord> events() {
    List<SpecificRecord> events = new ArrayList<>();
    containerWaves(events);
    missilesAndArtillery(events);
    rounds(events);
    russiaToDprk(events);
    troops(events);
    observedPetroleum(events);
    reportedPetroleum(events);
    workers(events);
    payments(events);
    events.sort(
        Comparator.comparing((SpecificRecord e) -> EventTypes.headerOf(e).getEventTime())
            .thenComparing(e -> EventTypes.headerOf(e).getEventId()));
    return events;
  }

  // ---- containers: > 1,000 by October 2023, > 20,000 in total --------------------------------

  private static void containerWaves(List<SpecificRecord> events) {
    int[] firstWave = {120, 150, 140, 160, 130, 170, 150, 180}; // 1,200 by 26 Oct 2023
    for (int i = 0; i < firstWave.length; i++) {
      Instant time = day(2023, 9, 7).plus(Duration.ofDays(7L * i));
      events.add(
          container(
              "container-shipment/first-wave-" + two(i + 1),
              WHITE_HOUSE,
              time,
              firstWave[i],
              0.8,
              List.of(SEED_003, SEED_002)));
    }
    // 19,200 more from November 2023 to March 2025: three consignments a month, 340-419 each,
    // the last one taking the remainder so the total is exactly 20,400
    int remaining = 19_200;
    int n = 17 * 3;
    for (int i = 0; i < n; i++) {
      int size = i == n - 1 ? remaining : 340 + (i * 29) % 80;
      remaining -= size;
      LocalDate month = LocalDate.of(2023, 11, 1).plusMonths(i / 3);
      Instant time = day(month.getYear(), month.getMonthValue(), 3 + 9 * (i % 3));
      events.add(
          container(
              "container-shipment/" + month.toString().substring(0, 7) + "-" + (i % 3 + 1),
              MSMT,
              time,
              size,
              0.7,
              List.of(SEED_000, SEED_002)));
    }
  }

  private static ContainerShipment container(
      String id,
      String source,
      Instant time,
      int containers,
      double confidence,
      List<String> refs) {
    return ContainerShipment.newBuilder()
        .setHeader(header(id, source, SourceKind.OBSERVED, time, "PRK", "RUS", confidence, refs))
        .setContainers(containers)
        .setCargoCategory(CargoCategory.MUNITIONS)
        .setTransportMode(TransportMode.SEA)
        .setCarrier("Russian-flagged cargo ship")
        .setRouteLegs(
            List.of(
                new RouteLeg("Rajin", "Dunai", TransportMode.SEA, "Russian-flagged cargo ship"),
                new RouteLeg("Dunai", "Tikhoretsk", TransportMode.RAIL, null)))
        .build();
  }

  // ---- missiles (>= 100 in 2024), launchers, heavy artillery, anti-tank missiles ------------

  private static void missilesAndArtillery(List<SpecificRecord> events) {
    events.add(
        arms(
            "arms-transfer/kn-23-2023-12",
            day(2023, 12, 14),
            "PRK",
            "RUS",
            "KN-23 (Hwasong-11) short-range ballistic missile",
            ArmsCategory.BALLISTIC_MISSILE,
            6,
            "UNITS",
            List.of(SEED_004)));
    int[] missiles2024 = {8, 10, 12, 10, 9, 11, 10, 12, 10, 12}; // 104 in 2024
    for (int i = 0; i < missiles2024.length; i++) {
      Instant time = day(2024, 1 + i, 10 + (i % 3) * 5);
      events.add(
          arms(
              "arms-transfer/kn-23-2024-" + two(i + 1),
              time,
              "PRK",
              "RUS",
              "KN-23 (Hwasong-11) short-range ballistic missile",
              ArmsCategory.BALLISTIC_MISSILE,
              missiles2024[i],
              "UNITS",
              List.of(SEED_000, SEED_002, SEED_004)));
    }
    for (int i = 0; i < 2; i++) {
      events.add(
          arms(
              "arms-transfer/tel-2024-" + two(i + 1),
              day(2024, 3 + 4 * i, 20),
              "PRK",
              "RUS",
              "transporter erector launcher (TEL) for KN-23",
              ArmsCategory.MISSILE_LAUNCHER,
              4,
              "SYSTEMS",
              List.of(SEED_002)));
    }
    for (int i = 0; i < 3; i++) {
      events.add(
          arms(
              "arms-transfer/heavy-artillery-brigade-" + (i + 1),
              day(2024, 5 + 2 * i, 5),
              "PRK",
              "RUS",
              "heavy artillery components for one brigade",
              ArmsCategory.ARTILLERY,
              1,
              "UNITS",
              List.of(SEED_000, SEED_002)));
    }
    events.add(
        arms(
            "arms-transfer/anti-tank-missiles-2024",
            day(2024, 8, 12),
            "PRK",
            "RUS",
            "anti-tank guided missiles",
            ArmsCategory.ANTI_TANK_MISSILE,
            1,
            "UNITS",
            List.of(SEED_000, SEED_002)));
  }

  // ---- about 9 million artillery and rocket rounds, September 2023 - March 2025 ------------

  private static void rounds(List<SpecificRecord> events) {
    int months = 19;
    long remaining = 9_000_000;
    for (int i = 0; i < months; i++) {
      LocalDate month = LocalDate.of(2023, 9, 1).plusMonths(i);
      long size = i == months - 1 ? remaining : 430_000 + (i * 17_000L) % 90_000;
      remaining -= size;
      boolean rockets = i % 4 == 3;
      events.add(
          arms(
              "arms-transfer/rounds-" + month.toString().substring(0, 7),
              day(month.getYear(), month.getMonthValue(), 20),
              "PRK",
              "RUS",
              rockets ? "122 mm rocket-launcher rounds" : "152 mm and 122 mm artillery shells",
              rockets ? ArmsCategory.ROCKET_AMMUNITION : ArmsCategory.ARTILLERY_AMMUNITION,
              size,
              "ROUNDS",
              List.of(SEED_000)));
    }
  }

  // ---- Russia -> DPRK since November 2024 --------------------------------------------------

  private static void russiaToDprk(List<SpecificRecord> events) {
    List<String> refs = List.of(SEED_002, SEED_000);
    events.add(
        arms(
            "arms-transfer/rus-air-defence-2024-11",
            day(2024, 11, 22),
            "RUS",
            "PRK",
            "short-range air-defence systems",
            ArmsCategory.AIR_DEFENCE,
            2,
            "BATTERIES",
            refs));
    events.add(
        arms(
            "arms-transfer/rus-electronic-warfare-2024-12",
            day(2024, 12, 9),
            "RUS",
            "PRK",
            "electronic-warfare and jamming systems",
            ArmsCategory.ELECTRONIC_WARFARE,
            3,
            "SYSTEMS",
            refs));
    events.add(
        arms(
            "arms-transfer/rus-air-defence-2025-01",
            day(2025, 1, 27),
            "RUS",
            "PRK",
            "short-range air-defence systems",
            ArmsCategory.AIR_DEFENCE,
            1,
            "BATTERIES",
            refs));
    events.add(
        arms(
            "arms-transfer/rus-missile-data-2025-02",
            day(2025, 2, 18),
            "RUS",
            "PRK",
            "ballistic-missile performance and combat-use data",
            ArmsCategory.TECHNOLOGY,
            1,
            "UNITS",
            refs));
    events.add(
        arms(
            "arms-transfer/rus-electronic-warfare-2025-03",
            day(2025, 3, 24),
            "RUS",
            "PRK",
            "electronic-warfare systems and operating know-how",
            ArmsCategory.ELECTRONIC_WARFARE,
            2,
            "SYSTEMS",
            refs));
  }

  private static ArmsTransfer arms(
      String id,
      Instant time,
      String origin,
      String destination,
      String system,
      ArmsCategory category,
      long quantity,
      String unit,
      List<String> refs) {
    return ArmsTransfer.newBuilder()
        .setHeader(header(id, MSMT, SourceKind.OBSERVED, time, origin, destination, 0.8, refs))
        .setSystem(system)
        .setCategory(category)
        .setQuantity(quantity)
        .setQuantityUnit(unit)
        .build();
  }

  // ---- troops: 11,500 late 2024, 3,200 in Q1 2025 ------------------------------------------

  private static void troops(List<SpecificRecord> events) {
    int[][] late2024 = {
      {10, 8, 1500}, {10, 16, 2000}, {10, 23, 2500}, {11, 1, 2500}, {11, 15, 1500}, {12, 5, 1500}
    };
    for (int[] d : late2024) {
      events.add(troop(day(2024, d[0], d[1]), d[2]));
    }
    int[][] q1 = {{1, 20, 1100}, {2, 15, 1000}, {3, 10, 1100}};
    for (int[] d : q1) {
      events.add(troop(day(2025, d[0], d[1]), d[2]));
    }
  }

  private static TroopDeployment troop(Instant time, int personnel) {
    String id = "troop-deployment/" + time.toString().substring(0, 10);
    return TroopDeployment.newBuilder()
        .setHeader(
            header(
                id,
                MSMT,
                SourceKind.OBSERVED,
                time,
                "PRK",
                "RUS",
                0.8,
                List.of(SEED_000, SEED_002)))
        .setPersonnel(personnel)
        .setUnit(null)
        .setRole("COMBAT")
        .build();
  }

  // ---- refined petroleum, OBSERVED: 40 deliveries March-October 2024 -------------------------

  static final String[] TANKERS = {
    "Kumsu 1", "Unha 5", "Chilbo 2", "Mirae 9", "Haebit 3", "Sindo 4", "Ryusong 6", "Tanbi 8"
  };

  private static void observedPetroleum(List<SpecificRecord> events) {
    for (int i = 0; i < 40; i++) {
      Instant time = day(2024, 3, 2).plus(Duration.ofDays(6L * i)).plus(Duration.ofHours(6));
      double barrels = 25_000 + ((i * 7L) % 11) * 500;
      boolean shipToShip = i == 11 || i == 27;
      String vessel = TANKERS[i % TANKERS.length];
      TankerDelivery.Builder delivery =
          TankerDelivery.newBuilder()
              .setHeader(
                  header(
                      "tanker-delivery/observed-2024-" + two(i + 1),
                      TANKER_TRACKING,
                      SourceKind.OBSERVED,
                      time,
                      "RUS",
                      "PRK",
                      0.8,
                      List.of(SEED_000, SEED_002)))
              .setVesselName(vessel)
              .setVesselFlag("PRK")
              .setProductClass(ProductClass.REFINED)
              .setProduct(i % 3 == 2 ? "GASOLINE" : "DIESEL")
              .setQuantity(barrels)
              .setUnit("BARREL")
              .setLoadingPort(shipToShip ? null : "Vostochny")
              .setDischargePort(i % 2 == 0 ? "Nampo" : "Chongjin")
              .setShipToShip(shipToShip);
      if (shipToShip) {
        delivery.setCounterpartVesselName("Sever 12").setCounterpartVesselFlag("RUS");
      }
      events.add(delivery.build());
    }
  }

  // ---- refined petroleum, REPORTED: monthly entries of 2024, about 300,000 barrels -----------

  private static void reportedPetroleum(List<SpecificRecord> events) {
    for (int month = 1; month <= 12; month++) {
      String product;
      double quantity;
      String unit;
      switch (month) {
        case 3, 9 -> {
          product = "DIESEL";
          quantity = 5_200; // x 7.5 bbl/t = 39,000 bbl
          unit = "METRIC_TON";
        }
        case 6, 12 -> {
          product = "GASOLINE";
          quantity = 1_800; // x 8.5 bbl/t = 15,300 bbl
          unit = "METRIC_TON";
        }
        default -> {
          product = "REFINED_UNSPECIFIED";
          quantity = 24_000;
          unit = "BARREL";
        }
      }
      Instant time = day(2024, month, 1);
      EventHeader header =
          header(
              "tanker-delivery/reported-2024-" + two(month),
              COMMITTEE_1718,
              SourceKind.REPORTED,
              time,
              "RUS",
              "PRK",
              1.0,
              List.of(SEED_000));
      header.setReportTime(time.plus(Duration.ofDays(75)));
      events.add(
          TankerDelivery.newBuilder()
              .setHeader(header)
              .setProductClass(ProductClass.REFINED)
              .setProduct(product)
              .setQuantity(quantity)
              .setUnit(unit)
              .build());
    }
  }

  // ---- workers: 8,000 visa applications in 2024 ---------------------------------------------

  private static void workers(List<SpecificRecord> events) {
    int[] batches = {400, 550, 450, 600, 500, 500, 450, 550, 500, 600, 450, 500, 550, 450, 500};
    String[] sectors = {"CONSTRUCTION", "CONSTRUCTION", "MANUFACTURING", "CONSTRUCTION"};
    int remaining = 8_000;
    for (int i = 0; i <= batches.length; i++) {
      int workers = i == batches.length ? remaining : batches[i];
      remaining -= workers;
      Instant time = day(2024, 1 + (i * 12) / 16, 1 + (i % 2) * 14);
      events.add(
          WorkerDispatch.newBuilder()
              .setHeader(
                  header(
                      "worker-dispatch/visa-applications-2024-" + two(i + 1),
                      MSMT,
                      SourceKind.OBSERVED,
                      time,
                      "PRK",
                      "RUS",
                      0.7,
                      List.of(SEED_000, SEED_002)))
              .setWorkers(workers)
              .setSector(sectors[i % sectors.length])
              .build());
    }
  }

  // ---- payments: rouble accounts at MRB bank via FTB (KPe.047) and KKBC (KPe.025) -----------

  static final String FTB = "Foreign Trade Bank";
  static final String KKBC = "Korea Kwangson Banking Corporation";
  static final String MRB = "Mezhdunarodnyi Raschetnyi Bank (MRB)";

  private static void payments(List<SpecificRecord> events) {
    double[] amounts = {48_500_000, 62_000_000, 39_750_000, 71_200_000, 55_000_000, 66_300_000};
    for (int i = 0; i < amounts.length; i++) {
      boolean viaFtb = i % 2 == 0;
      String bank = viaFtb ? FTB : KKBC;
      String unRef = viaFtb ? "KPe.047" : "KPe.025";
      Instant time = day(2024, 2 + 2 * i, 14);
      Party dprkBank =
          new Party(
              PartyRole.BANK,
              bank,
              List.of(new Identifier(IdentifierScheme.UN_REFERENCE, unRef)),
              "PRK");
      Party mrb = new Party(PartyRole.INTERMEDIARY_BANK, MRB, List.of(), null);
      events.add(
          FinancialTransfer.newBuilder()
              .setHeader(
                  header(
                      "financial-transfer/mrb-rouble-2024-" + two(i + 1),
                      MSMT,
                      SourceKind.OBSERVED,
                      time,
                      "RUS",
                      "PRK",
                      0.7,
                      List.of(SEED_002, SEED_000),
                      List.of(dprkBank, mrb)))
              .setAmount(amounts[i])
              .setCurrency("RUB")
              .setSenderBank(new Bank(MRB, null, null))
              .setReceiverBank(new Bank(bank, null, "PRK"))
              .setIntermediaryBanks(List.of())
              .build());
    }
  }

  // ---- shared -------------------------------------------------------------------------------

  private static EventHeader header(
      String id,
      String source,
      SourceKind kind,
      Instant time,
      String origin,
      String destination,
      double confidence,
      List<String> refs) {
    return header(id, source, kind, time, origin, destination, confidence, refs, List.of());
  }

  private static EventHeader header(
      String id,
      String source,
      SourceKind kind,
      Instant time,
      String origin,
      String destination,
      double confidence,
      List<String> refs,
      List<Party> parties) {
    return EventHeader.newBuilder()
        .setEventId(ID_PREFIX + id)
        .setSourceName(source)
        .setSourceKind(kind)
        .setEventTime(time)
        .setReportTime(null)
        .setOrigin(origin)
        .setDestination(destination)
        .setConfidence(confidence)
        .setReferences(refs)
        .setParties(parties)
        .build();
  }

  private static Instant day(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
