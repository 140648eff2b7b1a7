package io.transfermonitor.bench.soak;

import io.transfermonitor.model.ArmsCategory;
import io.transfermonitor.model.ArmsTransfer;
import io.transfermonitor.model.Bank;
import io.transfermonitor.model.CargoCategory;
import io.transfermonitor.model.ContainerShipment;
import io.transfermonitor.model.EventHeader;
import io.transfermonitor.model.FinancialTransfer;
import io.transfermonitor.model.ProductClass;
import io.transfermonitor.model.SourceKind;
import io.transfermonitor.model.TankerDelivery;
import io.transfermonitor.model.TransportMode;
import io.transfermonitor.model.TroopDeployment;
import io.transfermonitor.model.WorkerDispatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecord;

/**
 * The soak's input, seeded: events of every kind in send order, with re-sends of earlier events (3
 * %) and late events (5 % sent long after events dated later). Quantities are whole barrels, or
 * even tons of diesel and gasoline (7.5 and 8.5 bbl/t), so every total is an exact sum whatever the
 * order it is added in. Each observed tanker names a vessel of its own, so no two sightings can be
 * taken for one delivery.
 */
public final class SoakWorkload {

  static final long START = Instant.parse("2019-01-01T00:00:00Z").toEpochMilli();
  static final long SPAN = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli() - START;
  private static final SourceKind[] KINDS = SourceKind.values();
  private static final CargoCategory[] BANNED_CARGO = {
    CargoCategory.MUNITIONS, CargoCategory.ARMS, CargoCategory.MISSILES
  };

  private SoakWorkload() {}

  /** How much one period's total may reach against its cap, by period and basis. */
  private static final double[] CAP_SHARES = {0.5, 0.8, 0.92, 0.97, 1.3};

  /** {@code events} records (re-sends included) from {@code seed}. */
  public static List<SpecificRecord> generate(int events, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Scale scale = new Scale(events, seed);
    List<SpecificRecord> fresh = new ArrayList<>(events);
    List<SpecificRecord> out = new ArrayList<>(events);
    List<SpecificRecord> late = new ArrayList<>();
    for (int n = 0; out.size() + late.size() < events; n++) {
      double roll = random.nextDouble();
      if (roll < 0.03 && !fresh.isEmpty()) {
        out.add(fresh.get(random.nextInt(fresh.size()))); // the same event, sent again
        continue;
      }
      // event times rise through the stream, so a late event is one sent after later ones
      long time = START + (long) ((double) SPAN * out.size() / events);
      SpecificRecord event = event("soak-" + seed + "-" + n, time, random, scale);
      fresh.add(event);
      if (roll < 0.08) {
        late.add(event);
      } else {
        out.add(event);
      }
      if (!late.isEmpty() && random.nextDouble() < 0.05) {
        out.add(late.remove(0));
      }
    }
    out.addAll(late);
    return out;
  }

  /**
   * Mean quantities that bring each period's total near its cap (some below the first level, some
   * past the last), whatever the number of events.
   */
  private record Scale(int events, long seed) {
    /** Refined deliveries to the DPRK per basis and year. */
    double refinedPerPeriod() {
      return Math.max(1, events * 0.55 * 0.9 * 0.9 * 0.9 / 3 / 6.4);
    }

    double crudePerPeriod() {
      return Math.max(1, events * 0.55 * 0.1 * 0.9 / 3 / 6.4);
    }

    /** The share of the cap that the period of {@code time} on {@code basis} aims for. */
    double share(long time, SourceKind basis) {
      long year = time / (365L * 86_400_000L);
      int i = (int) Math.floorMod(year * 31 + basis.ordinal() * 7 + seed, CAP_SHARES.length);
      return CAP_SHARES[i];
    }

    /** A whole number of barrels around {@code mean}, at least 1. */
    static long around(double mean, SplittableRandom random) {
      return 1 + (long) (random.nextDouble() * 2 * Math.max(0, mean - 1));
    }
  }

  private static SpecificRecord event(String id, long time, SplittableRandom random, Scale scale) {
    double kind = random.nextDouble();
    if (kind < 0.55) {
      return tanker(id, time, random, scale);
    } else if (kind < 0.75) {
      return containers(id, time, random);
    } else if (kind < 0.80) {
      return arms(id, time, random);
    } else if (kind < 0.85) {
      return troops(id, time, random);
    } else if (kind < 0.92) {
      return workers(id, time, random);
    }
    return payment(id, time, random);
  }

  private static TankerDelivery tanker(String id, long time, SplittableRandom random, Scale scale) {
    SourceKind basis = KINDS[random.nextInt(KINDS.length)];
    boolean crude = random.nextDouble() < 0.1;
    boolean shipToShip = random.nextDouble() < 0.03;
    boolean toPrk = random.nextDouble() < 0.9;
    TankerDelivery.Builder t =
        TankerDelivery.newBuilder()
            .setHeader(header(id, basis, time, "RUS", shipToShip ? null : toPrk ? "PRK" : "CHN"))
            .setVesselName("Soak tanker " + id)
            .setVesselFlag(shipToShip && random.nextBoolean() ? "PRK" : "SLE")
            .setShipToShip(shipToShip);
    if (shipToShip) {
      t.setCounterpartVesselName("Counterpart " + id).setCounterpartVesselFlag("PRK");
    }
    if (crude) {
      double mean = 4_000_000 * scale.share(time, basis) / scale.crudePerPeriod();
      return t.setProductClass(ProductClass.CRUDE)
          .setProduct("CRUDE")
          .setQuantity(Scale.around(mean, random))
          .setUnit("BARREL")
          .build();
    }
    t.setProductClass(ProductClass.REFINED);
    double mean = 500_000 * scale.share(time, basis) / scale.refinedPerPeriod();
    if (random.nextBoolean()) {
      return t.setProduct("DIESEL")
          .setQuantity(Scale.around(mean, random))
          .setUnit("BARREL")
          .build();
    }
    // even tons: 7.5 and 8.5 bbl/t make whole barrels
    boolean diesel = random.nextBoolean();
    long tons = 2 * Scale.around(mean / (diesel ? 15 : 17), random);
    return t.setProduct(diesel ? "DIESEL" : "GASOLINE")
        .setQuantity(tons)
        .setUnit("METRIC_TON")
        .build();
  }

  private static ContainerShipment containers(String id, long time, SplittableRandom random) {
    boolean banned = random.nextDouble() < 0.5;
    return ContainerShipment.newBuilder()
        .setHeader(header(id, SourceKind.OBSERVED, time, banned ? "PRK" : "CHN", "RUS"))
        .setContainers(1 + random.nextInt(200))
        .setCargoCategory(
            banned ? BANNED_CARGO[random.nextInt(BANNED_CARGO.length)] : CargoCategory.GENERAL)
        .setTransportMode(TransportMode.SEA)
        .build();
  }

  private static ArmsTransfer arms(String id, long time, SplittableRandom random) {
    boolean fromPrk = random.nextBoolean();
    return ArmsTransfer.newBuilder()
        .setHeader(
            header(id, SourceKind.OBSERVED, time, fromPrk ? "PRK" : "RUS", fromPrk ? "RUS" : "PRK"))
        .setSystem("KN-23")
        .setCategory(ArmsCategory.BALLISTIC_MISSILE)
        .setQuantity(1 + random.nextInt(20))
        .build();
  }

  private static TroopDeployment troops(String id, long time, SplittableRandom random) {
    SourceKind basis = random.nextBoolean() ? SourceKind.OBSERVED : SourceKind.REPORTED;
    return TroopDeployment.newBuilder()
        .setHeader(header(id, basis, time, "PRK", "RUS"))
        .setPersonnel(10 + random.nextInt(300))
        .build();
  }

  private static WorkerDispatch workers(String id, long time, SplittableRandom random) {
    boolean fromPrk = random.nextDouble() < 0.7;
    return WorkerDispatch.newBuilder()
        .setHeader(header(id, SourceKind.REPORTED, time, fromPrk ? "PRK" : "VNM", "RUS"))
        .setWorkers(1 + random.nextInt(500))
        .build();
  }

  private static FinancialTransfer payment(String id, long time, SplittableRandom random) {
    return FinancialTransfer.newBuilder()
        .setHeader(header(id, SourceKind.OBSERVED, time, "RUS", "GEO"))
        .setAmount(1_000 * (1 + random.nextInt(1_000)))
        .setCurrency("RUB")
        .setSenderBank(new Bank("Soak sender bank", null, "RUS"))
        .setReceiverBank(new Bank("Soak receiver bank", null, "GEO"))
        .build();
  }

  private static EventHeader header(String id, SourceKind kind, long time, String from, String to) {
    return EventHeader.newBuilder()
        .setEventId(id)
        .setSourceName("soak")
        .setSourceKind(kind)
        .setEventTime(Instant.ofEpochMilli(time))
        .setOrigin(from)
        .setDestination(to)
        .build();
  }
}
