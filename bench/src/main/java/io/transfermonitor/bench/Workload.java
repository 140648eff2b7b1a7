package io.transfermonitor.bench;

import io.transfermonitor.bench.WorkloadRecord.Flavor;
import io.transfermonitor.model.ArmsCategory;
import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.Bank;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ComponentFinding;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.EventKind;
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
import io.transfermonitor.model.VesselActivity;
import io.transfermonitor.model.VesselActivityType;
import io.transfermonitor.model.WorkerDispatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;

/**
 * A deterministic stream of benchmark records: events of every kind in the {@link EventMix}, naming
 * vessels and parties from pools of the configured size, with event times spread over September
 * 2023 to April 2025 (a few arrive months late), plus re-sends of recent events and invalid
 * records. Nothing is held but a small ring of recent events to re-send, so any size streams in
 * constant memory. The same {@link WorkloadShape} yields the same records in the same order.
 */
public final class Workload implements Iterator<WorkloadRecord> {

  private static final long START = Instant.parse("2023-09-01T00:00:00Z").toEpochMilli();
  private static final long SPAN = Instant.parse("2025-04-30T00:00:00Z").toEpochMilli() - START;
  private static final long DAY = 86_400_000L;
  private static final int RESEND_RING = 4096;
  private static final String[] OTHER_COUNTRIES = {
    "CHN", "IRN", "SYR", "MMR", "BLR", "VNM", "MNG", "LAO", "KHM", "UGA", "SEN", "TZA"
  };
  private static final String[] FLAGS = {"RUS", "PRK", "PAN", "SLE", "TGO", "MNG", "CMR", "KNA"};
  private static final String[] REFINED = {"DIESEL", "GASOLINE", "FUEL_OIL", "KEROSENE", "LPG"};
  private static final String[] REFERENCES = {
    "000_56d5c5d3bd3102f0.txt", "001_104cb2ffc1c38c31.txt", "002_79eea7d80fcbe56c.txt"
  };
  private static final Bank[] BANKS = {
    new Bank("Foreign Trade Bank", "FTBDKPPY", "PRK"),
    new Bank("Korea Kwangson Banking Corporation", null, "PRK"),
    new Bank("MRB Bank", null, "GEO"),
    new Bank("Bank of China Dandong", "BKCHCNBJ", "CHN"),
    new Bank("Sberbank", "SABRRUMM", "RUS")
  };

  private final WorkloadShape shape;
  private final EventMix mix;
  private final SplittableRandom random;
  private final WorkloadRecord[] ring = new WorkloadRecord[RESEND_RING];
  private long produced;
  private long fresh;

  public Workload(WorkloadShape shape, EventMix mix) {
    this.shape = shape;
    this.mix = mix;
    this.random = new SplittableRandom(shape.seed());
  }

  @Override
  public boolean hasNext() {
    return produced < shape.events();
  }

  @Override
  public WorkloadRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    double u = random.nextDouble();
    long index = produced++;
    if (u < shape.garbageRate()) {
      return garbage();
    }
    u -= shape.garbageRate();
    if (u < shape.duplicateRate() && fresh > 0) {
      WorkloadRecord original = ring[(int) (random.nextLong(Math.min(fresh, RESEND_RING)))];
      return new WorkloadRecord(
          original.kind(), original.key(), original.event(), null, Flavor.DUPLICATE);
    }
    u -= shape.duplicateRate();
    boolean invalid = u >= 0 && u < shape.invalidRate();
    EventKind kind = invalid ? EventKind.TANKER_DELIVERY : mix.pick(random.nextDouble());
    String id = shape.idPrefix() + "-" + Long.toString(index, 36) + "-" + kindCode(kind);
    EventHeader header = header(id, kind, index);
    if (invalid) {
      return new WorkloadRecord(kind, id, invalidTanker(header), null, Flavor.INVALID);
    }
    WorkloadRecord record = new WorkloadRecord(kind, id, event(kind, header), null, Flavor.VALID);
    ring[(int) (fresh++ % RESEND_RING)] = record;
    return record;
  }

  /**
   * The kinds whose topics get garbage: the seven the workload has always drawn from, so that a
   * kind added later (component findings) leaves the draws, and the measured runs, as they were.
   */
  private static final EventKind[] GARBAGE_KINDS =
      Arrays.stream(EventKind.values())
          .filter(k -> k != EventKind.COMPONENT_FINDING)
          .toArray(EventKind[]::new);

  private WorkloadRecord garbage() {
    byte[] bytes = new byte[8 + random.nextInt(40)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    bytes[0] = (byte) (1 + random.nextInt(255)); // never the 0x00 magic byte
    EventKind kind = GARBAGE_KINDS[random.nextInt(GARBAGE_KINDS.length)];
    return new WorkloadRecord(
        kind, shape.idPrefix() + "-garbage-" + produced, null, bytes, Flavor.GARBAGE);
  }

  private EventHeader header(String id, EventKind kind, long index) {
    long position = shape.events() == 0 ? 0 : SPAN * index / shape.events();
    long eventTime = START + position + random.nextLong(-3 * DAY, 3 * DAY);
    if (random.nextInt(100) == 0) {
      eventTime -= random.nextLong(30 * DAY, 120 * DAY); // reported months late
    }
    SourceKind sourceKind = sourceKind();
    String[] route = route(kind);
    return EventHeader.newBuilder()
        .setEventId(id)
        .setSourceName(sourceName(kind, sourceKind))
        .setSourceKind(sourceKind)
        .setEventTime(Instant.ofEpochMilli(eventTime))
        .setReportTime(
            sourceKind == SourceKind.REPORTED
                ? Instant.ofEpochMilli(eventTime + random.nextLong(DAY, 60 * DAY))
                : null)
        .setOrigin(route[0])
        .setDestination(route[1])
        .setConfidence(sourceKind == SourceKind.REPORTED ? 1.0 : 0.5 + random.nextInt(50) / 100.0)
        .setReferences(List.of(REFERENCES[random.nextInt(REFERENCES.length)]))
        .setParties(parties(kind))
        .build();
  }

  private SourceKind sourceKind() {
    int r = random.nextInt(10);
    return r < 3 ? SourceKind.REPORTED : r < 8 ? SourceKind.OBSERVED : SourceKind.ESTIMATED;
  }

  private static String sourceName(EventKind kind, SourceKind sourceKind) {
    return switch (sourceKind) {
      case REPORTED -> "1718 Committee " + readable(kind) + " table";
      case OBSERVED -> "OSINT " + readable(kind) + " sightings";
      case ESTIMATED -> "Think-tank " + readable(kind) + " estimate";
    };
  }

  private String[] route(EventKind kind) {
    String other = OTHER_COUNTRIES[random.nextInt(OTHER_COUNTRIES.length)];
    int r = random.nextInt(100);
    return switch (kind) {
      case TANKER_DELIVERY ->
          r < 70
              ? new String[] {"RUS", "PRK"}
              : r < 95 ? new String[] {"CHN", "PRK"} : new String[] {"RUS", other};
      case CONTAINER_SHIPMENT, ARMS_TRANSFER ->
          r < 80
              ? new String[] {"PRK", "RUS"}
              : r < 90 ? new String[] {"RUS", "PRK"} : new String[] {"CHN", other};
      case TROOP_DEPLOYMENT -> new String[] {"PRK", "RUS"};
      case WORKER_DISPATCH -> r < 70 ? new String[] {"PRK", "RUS"} : new String[] {"PRK", other};
      case FINANCIAL_TRANSFER -> r < 60 ? new String[] {"RUS", "PRK"} : new String[] {other, "PRK"};
      case VESSEL_ACTIVITY -> new String[] {"PRK", "PRK"};
      case COMPONENT_FINDING -> new String[] {"PRK", "UKR"};
    };
  }

  private List<Party> parties(EventKind kind) {
    int count = 1 + random.nextInt(3);
    List<Party> parties = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int p = random.nextInt(shape.parties());
      PartyRole role = roleFor(kind, i);
      parties.add(
          new Party(
              role,
              partyName(p),
              List.of(new Identifier(IdentifierScheme.REGISTRATION, partyRegistration(p))),
              partyCountry(p)));
    }
    return parties;
  }

  private static PartyRole roleFor(EventKind kind, int i) {
    return switch (kind) {
      case TANKER_DELIVERY -> i == 0 ? PartyRole.VESSEL_OWNER : PartyRole.SUPPLIER;
      case CONTAINER_SHIPMENT, ARMS_TRANSFER -> i == 0 ? PartyRole.SHIPPER : PartyRole.CONSIGNEE;
      case TROOP_DEPLOYMENT -> PartyRole.MILITARY_UNIT;
      case WORKER_DISPATCH -> i == 0 ? PartyRole.RECRUITER : PartyRole.EMPLOYER;
      case FINANCIAL_TRANSFER -> i == 0 ? PartyRole.PAYER : PartyRole.PAYEE;
      case VESSEL_ACTIVITY -> PartyRole.VESSEL_OWNER;
      case COMPONENT_FINDING -> PartyRole.SUPPLIER;
    };
  }

  private SpecificRecord event(EventKind kind, EventHeader header) {
    return switch (kind) {
      case TANKER_DELIVERY -> tanker(header);
      case CONTAINER_SHIPMENT -> containers(header);
      case ARMS_TRANSFER -> arms(header);
      case TROOP_DEPLOYMENT -> troops(header);
      case WORKER_DISPATCH -> workers(header);
      case FINANCIAL_TRANSFER -> payment(header);
      case VESSEL_ACTIVITY -> vesselActivity(header);
      case COMPONENT_FINDING -> componentFinding(header);
    };
  }

  private TankerDelivery.Builder tankerBuilder(EventHeader header) {
    int v = random.nextInt(shape.vessels());
    boolean crude = random.nextInt(10) == 0;
    boolean tons = random.nextInt(10) < 3;
    boolean shipToShip = random.nextInt(10) == 0;
    int counterpart = random.nextInt(shape.vessels());
    return TankerDelivery.newBuilder()
        .setHeader(header)
        .setVesselImo(imo(v))
        .setVesselName(vesselName(v))
        .setVesselFlag(vesselFlag(v))
        .setProductClass(crude ? ProductClass.CRUDE : ProductClass.REFINED)
        .setProduct(crude ? "CRUDE" : REFINED[random.nextInt(REFINED.length)])
        .setQuantity(tons ? 300 + random.nextInt(7_700) : 2_000 + random.nextInt(58_000))
        .setUnit(tons ? "METRIC_TON" : "BARREL")
        .setLoadingPort(header.getOrigin().equals("RUS") ? "Vostochny" : "Dalian")
        .setDischargePort(random.nextBoolean() ? "Nampo" : "Chongjin")
        .setShipToShip(shipToShip)
        .setCounterpartVesselImo(shipToShip ? imo(counterpart) : null)
        .setCounterpartVesselName(shipToShip ? vesselName(counterpart) : null)
        .setCounterpartVesselFlag(shipToShip ? vesselFlag(counterpart) : null);
  }

  /** The name of party {@code p} of the pool, as every event naming it writes it. */
  static String partyName(int p) {
    return "Bench Trading Party " + p;
  }

  /** The registration number of party {@code p}. */
  static String partyRegistration(int p) {
    return "REG-" + p;
  }

  /** The country of party {@code p}. */
  static String partyCountry(int p) {
    return p % 5 == 0 ? "PRK" : p % 5 == 1 ? "RUS" : "CHN";
  }

  /** The name of vessel {@code v} of the pool. */
  static String vesselName(int vessel) {
    return "BENCH TANKER " + vessel;
  }

  /** The IMO number of vessel {@code v}: 9000000 and up. */
  static String imo(int vessel) {
    return Integer.toString(9_000_000 + vessel % 1_000_000);
  }

  /** The flag of vessel {@code v}. */
  static String vesselFlag(int vessel) {
    return FLAGS[vessel % FLAGS.length];
  }

  /** The BICs of the banks payments name. */
  static List<String> bankBics() {
    return Arrays.stream(BANKS).map(Bank::getBic).filter(Objects::nonNull).toList();
  }

  private TankerDelivery tanker(EventHeader header) {
    return tankerBuilder(header).build();
  }

  private TankerDelivery invalidTanker(EventHeader header) {
    TankerDelivery.Builder builder = tankerBuilder(header);
    if (random.nextBoolean()) {
      builder.setQuantity(-builder.getQuantity());
    } else {
      builder.setUnit("HOGSHEAD");
    }
    return builder.build();
  }

  private ContainerShipment containers(EventHeader header) {
    boolean toRussia = header.getDestination().equals("RUS");
    CargoCategory cargo =
        toRussia && random.nextInt(10) < 2
            ? (random.nextBoolean() ? CargoCategory.MUNITIONS : CargoCategory.MILITARY_EQUIPMENT)
            : CargoCategory.values()[4 + random.nextInt(CargoCategory.values().length - 4)];
    TransportMode mode = random.nextBoolean() ? TransportMode.SEA : TransportMode.RAIL;
    String carrier = "BENCH CARRIER " + random.nextInt(shape.vessels());
    return ContainerShipment.newBuilder()
        .setHeader(header)
        .setContainers(1 + random.nextInt(200))
        .setCargoCategory(cargo)
        .setTransportMode(mode)
        .setCarrier(carrier)
        .setRouteLegs(
            toRussia
                ? List.of(
                    new RouteLeg("Rajin", "Dunai", TransportMode.SEA, carrier),
                    new RouteLeg("Dunai", "Tikhoretsk", TransportMode.RAIL, null))
                : List.of())
        .build();
  }

  private ArmsTransfer arms(EventHeader header) {
    ArmsCategory category = ArmsCategory.values()[random.nextInt(ArmsCategory.values().length)];
    return ArmsTransfer.newBuilder()
        .setHeader(header)
        .setSystem(category == ArmsCategory.BALLISTIC_MISSILE ? "KN-23 (Hwasong-11)" : "152 mm")
        .setCategory(category)
        .setQuantity(1 + random.nextInt(5_000))
        .setQuantityUnit(category.name().endsWith("AMMUNITION") ? "ROUNDS" : "UNITS")
        .build();
  }

  private TroopDeployment troops(EventHeader header) {
    return TroopDeployment.newBuilder()
        .setHeader(header)
        .setPersonnel(50 + random.nextInt(2_950))
        .setUnit("Unit " + random.nextInt(40))
        .setRole(random.nextBoolean() ? "COMBAT" : "ENGINEERING")
        .build();
  }

  private WorkerDispatch workers(EventHeader header) {
    return WorkerDispatch.newBuilder()
        .setHeader(header)
        .setWorkers(5 + random.nextInt(300))
        .setSector(random.nextBoolean() ? "CONSTRUCTION" : "IT")
        .build();
  }

  private FinancialTransfer payment(EventHeader header) {
    return FinancialTransfer.newBuilder()
        .setHeader(header)
        .setAmount(1_000 + random.nextInt(10_000_000))
        .setCurrency("RUB")
        .setSenderBank(BANKS[random.nextInt(BANKS.length)])
        .setReceiverBank(BANKS[random.nextInt(BANKS.length)])
        .setIntermediaryBanks(
            random.nextInt(4) == 0 ? List.of(BANKS[random.nextInt(BANKS.length)]) : List.of())
        .build();
  }

  /** A dark period of one of the pool's vessels, as a patrol might report it. */
  /** Not in the realistic mix (weight 0): for a workload that asks for component findings. */
  private ComponentFinding componentFinding(EventHeader header) {
    int maker = random.nextInt(20);
    return ComponentFinding.newBuilder()
        .setHeader(header)
        .setWeaponType("short-range ballistic missile")
        .setMaker("Bench maker " + maker)
        .setMakerCountry(maker % 2 == 0 ? "USA" : "DEU")
        .setPartNumber("BM-" + random.nextInt(200))
        .setHsCode("8542.31")
        .build();
  }

  private VesselActivity vesselActivity(EventHeader header) {
    int v = random.nextInt(shape.vessels());
    return VesselActivity.newBuilder()
        .setHeader(header)
        .setActivity(VesselActivityType.DARK_PERIOD)
        .setVesselImo(imo(v))
        .setVesselName(vesselName(v))
        .setVesselFlag(vesselFlag(v))
        .setArea("West Korea Bay")
        .setDescription("no AIS position for " + (12 + random.nextInt(48)) + " h")
        .build();
  }

  private static String kindCode(EventKind kind) {
    return switch (kind) {
      case TANKER_DELIVERY -> "td";
      case CONTAINER_SHIPMENT -> "cs";
      case ARMS_TRANSFER -> "at";
      case TROOP_DEPLOYMENT -> "tp";
      case WORKER_DISPATCH -> "wd";
      case FINANCIAL_TRANSFER -> "ft";
      case VESSEL_ACTIVITY -> "va";
      case COMPONENT_FINDING -> "cf";
    };
  }

  private static String readable(EventKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
