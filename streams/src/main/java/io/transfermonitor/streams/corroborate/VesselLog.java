package io.transfermonitor.streams.corroborate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The observations of the vessels, one entry each in the {@code vessel-observations} store, keyed
 * {@code imo/group/eventTime/eventId} (the group of its identity as a short hash, the time
 * zero-padded: {@link CorroborationRule#group}, the identity itself but for ship-to-ship transfers,
 * grouped by product class), so the observations of one vessel and group from a time on are one
 * range scan, in event-time order. An arrival reads only the observations that can take part in its
 * regrouping, and writes itself and the few whose delivery changed, whatever the vessel's history.
 */
public final class VesselLog {

  private static final String END = "~";
  private static final int TIME_DIGITS = 15;
  private static final String ZEROS = "0".repeat(TIME_DIGITS);

  private final KeyValueStore<String, HeldObservation> store;

  VesselLog(KeyValueStore<String, HeldObservation> store) {
    this.store = store;
  }

  /**
   * The store: persistent, changelogged, not cached (an entry is written once, when its observation
   * arrives, and again only when its delivery changes), its values written through {@code guard}
   * (the monitor's size budget: a value over it is refused where it is put).
   */
  public static StoreBuilder<KeyValueStore<String, HeldObservation>> storeBuilder(
      String name, UnaryOperator<Serde<HeldObservation>> guard) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name),
            Serdes.String(),
            guard.apply(new HeldObservationSerde()))
        .withCachingDisabled();
  }

  /** Whether {@code observation} (same vessel, identity, time and id) is held already. */
  boolean holds(String imo, Observation observation) {
    return store.get(key(imo, observation)) != null;
  }

  /**
   * The observations of {@code imo} of the group of {@code identity} ({@link
   * CorroborationRule#group}: the identity itself, or for a ship-to-ship transfer every one of its
   * product class) from {@code from} (event time) on, in event-time order; those stored before
   * {@code forgetBefore} (wall clock) are deleted instead.
   */
  List<HeldObservation> from(String imo, String identity, long from, long forgetBefore) {
    List<HeldObservation> held = new ArrayList<>();
    List<String> forgotten = new ArrayList<>();
    String group = CorroborationRule.group(identity);
    String prefix = prefix(imo, identity);
    try (KeyValueIterator<String, HeldObservation> range =
        store.range(prefix + time(Math.max(0, from)), prefix + END)) {
      while (range.hasNext()) {
        KeyValue<String, HeldObservation> entry = range.next();
        HeldObservation h = withKey(entry.key.substring(prefix.length()), entry.value);
        if (!CorroborationRule.group(h.observation().identity()).equals(group)) {
          continue; // another group of the same short hash
        }
        if (h.observation().storedAt() < forgetBefore) {
          forgotten.add(entry.key);
        } else {
          held.add(h);
        }
      }
    }
    forgotten.forEach(store::delete);
    return held;
  }

  /** The latest offset an observation held was read at; -1 when none says. */
  long lastRead() {
    long last = -1;
    try (KeyValueIterator<String, HeldObservation> all = store.all()) {
      while (all.hasNext()) {
        last = Math.max(last, all.next().value.readAt());
      }
    }
    return last;
  }

  /**
   * Every observation held, one vessel and identity at a time ({@code visit} takes the IMO number
   * and the observations, in event-time order). Reads the whole store.
   */
  void forEachVessel(BiConsumer<String, List<HeldObservation>> visit) {
    String runPrefix = null;
    String runImo = null;
    Map<String, List<HeldObservation>> run = new LinkedHashMap<>();
    try (KeyValueIterator<String, HeldObservation> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, HeldObservation> entry = all.next();
        int imoEnd = entry.key.indexOf('/');
        int prefixEnd = entry.key.indexOf('/', imoEnd + 1) + 1;
        String prefix = entry.key.substring(0, prefixEnd);
        if (!prefix.equals(runPrefix)) {
          emit(runImo, run, visit);
          runPrefix = prefix;
          runImo = entry.key.substring(0, imoEnd);
        }
        HeldObservation held = withKey(entry.key.substring(prefixEnd), entry.value);
        // identities of the same short hash share a prefix: kept apart here
        run.computeIfAbsent(held.observation().identity(), id -> new ArrayList<>()).add(held);
      }
    }
    emit(runImo, run, visit);
  }

  private static void emit(
      String imo,
      Map<String, List<HeldObservation>> run,
      BiConsumer<String, List<HeldObservation>> visit) {
    run.values().forEach(held -> visit.accept(imo, held));
    run.clear();
  }

  void put(String imo, HeldObservation held) {
    store.put(key(imo, held.observation()), held);
  }

  private static String key(String imo, Observation o) {
    return prefix(imo, o.identity()) + time(o.eventTime()) + "/" + o.eventId();
  }

  private static String prefix(String imo, String identity) {
    return imo + "/" + Integer.toHexString(CorroborationRule.group(identity).hashCode()) + "/";
  }

  /**
   * {@code epochMillis} as the keys write it: zero-padded to {@link #TIME_DIGITS} digits, as {@code
   * String.format("%015d")} writes it, without the formatter's cost (it was 2 % of the stream
   * thread's samples, once per observation put and range).
   */
  static String time(long epochMillis) {
    if (epochMillis < 0) {
      // before 1970: the sign, then the padding; rare, so the formatter's own rule
      return String.format(Locale.ROOT, "%0" + TIME_DIGITS + "d", epochMillis);
    }
    String digits = Long.toString(epochMillis);
    return digits.length() >= TIME_DIGITS ? digits : ZEROS.substring(digits.length()) + digits;
  }

  /** {@code held} with the event time and id of its key, {@code timeAndId} ({@code time/id}). */
  private static HeldObservation withKey(String timeAndId, HeldObservation held) {
    long eventTime = Long.parseLong(timeAndId.substring(0, TIME_DIGITS));
    String eventId = timeAndId.substring(TIME_DIGITS + 1);
    Observation o = held.observation();
    return new HeldObservation(
        new Observation(
            eventId, eventTime, o.source(), o.port(), o.identity(), o.amount(), o.storedAt()),
        held.deliveryTime(),
        held.readAt());
  }
}
