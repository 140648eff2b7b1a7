package io.transfermonitor.streams.corroborate;

import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What each arrival of observations changed about its vessel's deliveries, read back from the
 * {@code vessel-observations} store for a rule recount (docs/rules.md): every observation there
 * says where its vessel's task read it (the offset of the batch that brought it), and a grouping
 * depends only on the set of observations grouped, so what a batch changed is the difference
 * between grouping the vessel's observations read before it and those read up to it. That is what
 * {@link Corroborator} counted when the batch came, without anything written per observation for
 * it.
 *
 * <p>The batches of a vessel and identity are replayed in the order they were read, each
 * observation with the time of its delivery then, so a batch regroups only the deliveries it can
 * change ({@link Deliveries#reach}), as {@link Corroborator} does, not everything read before it.
 *
 * <p>Only what the store holds is read back: observations forgotten after the retention are not,
 * and an arrival is grouped, as it was, without those stored more than the retention before it.
 */
public final class DeliveryHistory {

  /** Which arrivals to read back, by where and when they were read, before their changes. */
  @FunctionalInterface
  public interface Pick {
    /**
     * @param readAt the offset of their batch; -1 for the observations stored without one
     * @param storedAt when the task stored them, epoch millis (wall clock)
     */
    boolean test(long readAt, long storedAt);
  }

  /**
   * One batch's observations of one vessel and identity, and what they changed.
   *
   * @param imo the vessel
   * @param readAt the offset of their batch; -1 for the observations stored without one, together
   * @param storedAt when the task stored them, epoch millis
   * @param observations the observations the batch brought, by event time
   * @param changes each delivery they changed, as {@link Deliveries#changes} tells it
   * @param identities the identity each delivery changed counts as (its head's), by delivery id
   */
  public record Arrival(
      String imo,
      long readAt,
      long storedAt,
      List<Observation> observations,
      List<Corroboration> changes,
      Map<String, String> identities) {

    public Arrival {
      observations = List.copyOf(observations);
      changes = List.copyOf(changes);
      identities = Map.copyOf(identities);
    }

    /**
     * The fact that counts {@code change}, one of its changes: an observation of this arrival in
     * the delivery changed (so it is cited), else the first of them; with what the store keeps of
     * it, counted as the delivery's head counts (as {@link Corroborator} counted it live: a
     * sighting of a ship-to-ship transfer counts with its delivery's route).
     */
    public Optional<Fact> factOf(Corroboration change) {
      Observation cited =
          observations.stream()
              .filter(o -> change.eventIds().contains(o.eventId()))
              .findFirst()
              .orElse(observations.get(0));
      String identity = identities.get(change.deliveryId());
      return CorroborationRule.fact(imo, cited)
          .map(f -> identity == null ? f : CorroborationRule.countedAs(f, identity))
          .map(f -> f.withCorroboration(change));
    }
  }

  /**
   * The arrivals read back.
   *
   * @param arrivals each with what it changed
   * @param unreadable observations picked whose identity could not be read back (not in {@code
   *     arrivals}: which rules take them is not known)
   */
  public record Picked(List<Arrival> arrivals, long unreadable) {}

  private final VesselLog vessels;
  private final CorroborationRule rule;
  private final Duration retention;

  /**
   * @param store the {@code vessel-observations} store
   * @param rule when observations are one delivery
   * @param retention how long an observation is kept
   */
  public DeliveryHistory(
      KeyValueStore<String, HeldObservation> store, CorroborationRule rule, Duration retention) {
    this.vessels = new VesselLog(store);
    this.rule = rule;
    this.retention = retention;
  }

  /** The latest offset an observation held was read at; -1 when none says. Reads the store. */
  public long lastRead() {
    return vessels.lastRead();
  }

  /**
   * The arrivals {@code pick} takes, of the vessels and identities whose observations {@code scope}
   * takes (one fact of each is tried: an identity holds every field a scope reads), each with what
   * it changed; a vessel's in the order they were read. Reads the whole store; regroups only the
   * vessels and identities with a batch picked, each batch as {@link Corroborator} did: the
   * deliveries it can change ({@link Deliveries#reach}), not the vessel's whole history.
   */
  public Picked arrivals(Predicate<Fact> scope, Pick pick) {
    List<Arrival> picked = new ArrayList<>();
    long[] unreadable = {0};
    vessels.forEachVessel(
        (imo, held) -> {
          Optional<Fact> probe = CorroborationRule.fact(imo, held.get(0).observation());
          if (probe.isPresent() && !scope.test(probe.get())) {
            return;
          }
          Map<Long, List<HeldObservation>> byRead = new TreeMap<>();
          held.forEach(h -> byRead.computeIfAbsent(h.readAt(), r -> new ArrayList<>()).add(h));
          List<Long> wanted = new ArrayList<>();
          Set<Long> wantedSet = new HashSet<>();
          byRead.forEach(
              (readAt, batch) -> {
                if (pick.test(readAt, batch.get(0).observation().storedAt())) {
                  wanted.add(readAt);
                  wantedSet.add(readAt);
                }
              });
          if (probe.isEmpty()) {
            wanted.forEach(readAt -> unreadable[0] += byRead.get(readAt).size());
            return;
          }
          if (wanted.isEmpty()) {
            return;
          }
          long last = wanted.get(wanted.size() - 1);
          Replay replay = new Replay();
          for (Map.Entry<Long, List<HeldObservation>> entry : byRead.entrySet()) {
            long readAt = entry.getKey();
            List<HeldObservation> batch = entry.getValue();
            long storedAt = batch.get(0).observation().storedAt();
            Arrival arrival = replay.arrive(imo, readAt, storedAt, batch);
            if (wantedSet.contains(readAt)) {
              picked.add(arrival);
            }
            if (readAt == last) {
              break;
            }
          }
        });
    return new Picked(picked, unreadable[0]);
  }

  /**
   * One vessel and identity's batches again, in the order they were read, with the time of each
   * observation's delivery then: each batch is grouped with the observations read before it that
   * were not forgotten when it came, as grouping all of those does, but only from its {@link
   * Deliveries#reach} on, where it can change something; an observation forgotten (or, when a batch
   * was stored earlier than the one before, no longer forgotten) regroups from its own.
   */
  private final class Replay {
    /** The observations read before the batch and not forgotten, with their delivery's time. */
    private final TreeMap<Observation, Long> present = new TreeMap<>(Observation.BY_TIME);

    /** The same, by when they were stored. */
    private final TreeSet<Observation> byStored = new TreeSet<>(STORED);

    /** Those read before the batch and forgotten, by when they were stored. */
    private final TreeSet<Observation> forgotten = new TreeSet<>(STORED);

    Arrival arrive(String imo, long readAt, long storedAt, List<HeldObservation> batch) {
      long forgetBefore = storedAt - retention.toMillis();
      while (!byStored.isEmpty() && byStored.first().storedAt() < forgetBefore) {
        Observation gone = byStored.pollFirst();
        forgotten.add(gone);
        regroup(List.of(gone), List.of(gone), true);
      }
      while (!forgotten.isEmpty() && forgotten.last().storedAt() >= forgetBefore) {
        Observation back = forgotten.pollLast();
        regroup(List.of(back), List.of(), false);
      }
      List<Observation> brought = batch.stream().map(HeldObservation::observation).toList();
      Regrouped regrouped = regroup(brought, List.of(), false);
      Map<String, String> identities = new HashMap<>();
      regrouped.before().forEach(d -> identities.put(d.id(), d.identity()));
      regrouped.after().forEach(d -> identities.put(d.id(), d.identity()));
      return new Arrival(
          imo,
          readAt,
          storedAt,
          brought,
          Deliveries.changes(regrouped.before(), regrouped.after()),
          identities);
    }

    /**
     * Adds {@code changed} to the observations present (or takes {@code gone} away, which are
     * {@code changed}), regrouping those of the deliveries started from the earliest reach of
     * {@code changed} on, and keeps the time of each one's delivery after.
     */
    private Regrouped regroup(List<Observation> changed, List<Observation> gone, boolean remove) {
      long reach = Long.MAX_VALUE;
      for (Observation o : changed) {
        reach = Math.min(reach, Deliveries.reach(o, rule));
      }
      long from = reach;
      List<Observation> region = new ArrayList<>();
      Observation scanFrom =
          new Observation("", reach - rule.window().toMillis(), null, null, "", 0, 0);
      present
          .tailMap(scanFrom, true)
          .forEach(
              (o, deliveryTime) -> {
                if (deliveryTime >= from) {
                  region.add(o);
                }
              });
      List<Observation> then = new ArrayList<>(region);
      if (remove) {
        then.removeAll(gone);
        gone.forEach(present::remove);
      } else {
        then.addAll(changed);
        for (Observation o : changed) {
          byStored.add(o);
        }
      }
      List<Delivery> before = Deliveries.group(region, rule);
      List<Delivery> after = Deliveries.group(then, rule);
      for (Delivery d : after) {
        d.observations().forEach(o -> present.put(o, d.time()));
      }
      return new Regrouped(before, after);
    }
  }

  private record Regrouped(List<Delivery> before, List<Delivery> after) {}

  private static final Comparator<Observation> STORED =
      Comparator.comparingLong(Observation::storedAt).thenComparing(Observation.BY_TIME);
}
