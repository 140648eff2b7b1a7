package io.transfermonitor.streams.corroborate;

import io.transfermonitor.streams.fact.Corroboration;
import io.transfermonitor.streams.fact.Fact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
   * it changed; a vessel's in the order they were read. Reads the whole store.
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
          byRead.forEach(
              (readAt, batch) -> {
                long storedAt = batch.get(0).observation().storedAt();
                if (!pick.test(readAt, storedAt)) {
                  return;
                }
                if (probe.isEmpty()) {
                  unreadable[0] += batch.size();
                  return;
                }
                picked.add(arrival(imo, readAt, storedAt, batch, held));
              });
        });
    return new Picked(picked, unreadable[0]);
  }

  /**
   * {@code batch}, read at {@code readAt} among {@code held}: grouped with the observations read
   * before it that were not forgotten when it came, against those alone.
   */
  private Arrival arrival(
      String imo,
      long readAt,
      long storedAt,
      List<HeldObservation> batch,
      List<HeldObservation> held) {
    long forgetBefore = storedAt - retention.toMillis();
    List<Observation> before = new ArrayList<>();
    for (HeldObservation h : held) {
      if (h.readAt() < readAt && h.observation().storedAt() >= forgetBefore) {
        before.add(h.observation());
      }
    }
    List<Observation> brought = batch.stream().map(HeldObservation::observation).toList();
    List<Observation> after = new ArrayList<>(before);
    after.addAll(brought);
    List<Delivery> grouped = Deliveries.group(before, rule);
    List<Delivery> regrouped = Deliveries.group(after, rule);
    Map<String, String> identities = new HashMap<>();
    grouped.forEach(d -> identities.put(d.id(), d.identity()));
    regrouped.forEach(d -> identities.put(d.id(), d.identity()));
    return new Arrival(
        imo, readAt, storedAt, brought, Deliveries.changes(grouped, regrouped), identities);
  }
}
