package io.transfermonitor.bench;

/**
 * What a generated workload looks like.
 *
 * @param events how many records to write, re-sends and invalid ones included
 * @param vessels distinct vessels (IMO numbers) tanker deliveries name
 * @param parties distinct parties (shippers, consignees, payers, employers) events name
 * @param seed seed of the generator: the same shape gives the same records, byte for byte
 * @param idPrefix prefix of every event id, so workloads written to the same topics never collide
 * @param duplicateRate share of records that re-send an earlier event with the same id
 * @param invalidRate share of records that decode but break a domain rule (negative quantity,
 *     unknown unit)
 * @param garbageRate share of records that are not Avro at all
 */
public record WorkloadShape(
    long events,
    int vessels,
    int parties,
    long seed,
    String idPrefix,
    double duplicateRate,
    double invalidRate,
    double garbageRate) {

  public WorkloadShape {
    if (events < 0) {
      throw new IllegalArgumentException("events must not be negative, was " + events);
    }
    if (vessels < 1 || parties < 1) {
      throw new IllegalArgumentException("vessels and parties must be at least 1");
    }
    if (duplicateRate < 0 || invalidRate < 0 || garbageRate < 0) {
      throw new IllegalArgumentException("rates must not be negative");
    }
    if (duplicateRate + invalidRate + garbageRate >= 1) {
      throw new IllegalArgumentException("duplicate + invalid + garbage rates must be below 1");
    }
  }

  /** The benchmark's input: 2 % re-sends, 0.4 % invalid events, 0.05 % undecodable bytes. */
  public static WorkloadShape backlog(long events, int vessels, int parties, long seed) {
    return new WorkloadShape(events, vessels, parties, seed, "bench", 0.02, 0.004, 0.0005);
  }

  /** Clean, unique events for the latency probe, ids prefixed {@code prefix}. */
  public static WorkloadShape clean(
      long events, int vessels, int parties, long seed, String prefix) {
    return new WorkloadShape(events, vessels, parties, seed, prefix, 0, 0, 0);
  }
}
