package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The encounter search, on the partitions of the cells (key = cell id, after a repartition of the
 * slow positions away from ports): each cell's {@link Encounters} in the store {@code
 * encounter-cells}. An encounter is reported when its vessels stop meeting: by a later position of
 * the cell, or by a check that ends the contacts silent for longer than allowed: every minute of
 * the wall clock, and whenever the positions read have run on by that silence since the last check
 * (a backlog read in minutes runs through days of positions: its contacts end by position time, not
 * hours later). Out, keyed by finding id: the encounter with its event ({@link
 * AisEvents#encounter}), the vessels known by what they last said of themselves and by the
 * register.
 *
 * <p><b>Time order across track tasks.</b> A cell's pings come from the track tasks of every
 * partition of the positions, each in its own time order, but one task may have read hours further
 * than another (a backlog, a task that started later), and a ping pairs only with the other
 * vessels' latest ones ({@link Encounters}): paired as they come, a ping of the task ahead would
 * find no ping of its time from the one behind. So the search keeps, per track task, how far it has
 * read (its pings and its {@link AisOutput.Tick}s), and pairs a ping at once only when it is less
 * than half the pairing tolerance ahead of the slowest task; otherwise it holds it in the {@code
 * encounter-held} store (keyed by time, cell and vessel) and pairs the held pings in time order as
 * the slowest task reads on. Contacts end by the slowest task's time too. A task that says it is
 * idle, or that has not been heard from for two checks of the wall clock, is not waited for. With
 * one partition of positions, or partitions read at one pace as a live feed is, nothing is held.
 */
public final class EncounterProcessor implements Processor<String, AisOutput, String, AisOutput> {

  /** What the vessels said of themselves, the most recent few thousand kept in memory. */
  private static final int KNOWN_VESSELS = 4_096;

  private static final int TIME_DIGITS = 15;
  private static final long LATEST_TIME = 999_999_999_999_999L;

  private final String cellsStore;
  private final String heldStore;
  private final AisSettings settings;
  private final AisStage stage;
  private final MonitorMetrics metrics;
  private final Map<String, AisOutput.CellPing> said =
      new LinkedHashMap<>(KNOWN_VESSELS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AisOutput.CellPing> eldest) {
          return size() > KNOWN_VESSELS;
        }
      };

  /** How far each track task has read, by its partition. */
  private final Map<Integer, Source> sources = new HashMap<>();

  private ProcessorContext<String, AisOutput> context;
  private KeyValueStore<String, Encounters> cells;
  private KeyValueStore<String, AisOutput> held;
  private VesselRegister register;
  private AisEvents events;
  private long newestSeen = Long.MIN_VALUE;
  private long streamTime = Long.MIN_VALUE;
  private long checkedAt = Long.MIN_VALUE;
  private long nextRelease = Long.MAX_VALUE;

  /** No held ping is older than this (the start of the held store's live keys). */
  private long oldestHeld = Long.MAX_VALUE;

  /** How far one track task has read, whether it says it is idle, when it was last heard from. */
  private static final class Source {
    long newest = Long.MIN_VALUE;
    boolean idle;
    long heardAt;
  }

  public EncounterProcessor(String cellsStore, String heldStore, AisStage stage) {
    this.cellsStore = cellsStore;
    this.heldStore = heldStore;
    this.stage = stage;
    this.settings = stage.settings();
    this.metrics = stage.metrics();
  }

  @Override
  public void init(ProcessorContext<String, AisOutput> context) {
    this.context = context;
    this.cells = context.getStateStore(cellsStore);
    this.held = context.getStateStore(heldStore);
    this.register = stage.register(context);
    this.events = stage.events();
    try (KeyValueIterator<String, AisOutput> first = held.all()) {
      if (first.hasNext()) {
        nextRelease = timeOf(first.next().key);
        oldestHeld = nextRelease;
      }
    }
    context.schedule(
        settings.encounterCheckInterval(),
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          release();
          expire();
        });
  }

  @Override
  public void process(Record<String, AisOutput> record) {
    if (record.value() instanceof AisOutput.Tick tick) {
      heard(tick.source(), tick.time(), tick.idle());
      release();
      expireIfRunOn();
      return;
    }
    if (!(record.value() instanceof AisOutput.CellPing cellPing) || record.key() == null) {
      return;
    }
    Ping ping = cellPing.ping();
    heard(cellPing.source(), ping.time(), false);
    said.put(ping.mmsi(), cellPing);
    release(); // the held pings now due come first: they are older
    if (ping.time() <= readByAll() + slack()) {
      pair(record.key(), ping, record.timestamp());
    } else {
      held.put(heldKey(ping.time(), record.key(), ping.mmsi()), cellPing);
      nextRelease = Math.min(nextRelease, ping.time());
      oldestHeld = Math.min(oldestHeld, ping.time());
    }
    expireIfRunOn();
  }

  /** How far ahead of the slowest track task a ping is still paired as it comes. */
  private long slack() {
    return settings.encounters().pairingTolerance().toMillis() / 2;
  }

  private void pair(String key, Ping ping, long timestamp) {
    Encounters cell = cells.get(key);
    if (cell == null) {
      cell = new Encounters(key, settings.cells(), settings.encounters());
    }
    List<Encounter> ended = cell.accept(ping);
    keep(key, cell);
    report(ended, timestamp);
  }

  private void heard(int source, long time, boolean idle) {
    newestSeen = Math.max(newestSeen, time);
    if (source == AisOutput.UNKNOWN_SOURCE) {
      return; // from a monitor that did not say: paired as it comes
    }
    Source s = sources.computeIfAbsent(source, k -> new Source());
    s.newest = Math.max(s.newest, time);
    s.idle = idle;
    s.heardAt = context.currentSystemTimeMs();
  }

  /**
   * The position time every track task waited for has read to: the least of their newest, or no
   * limit when none is waited for.
   */
  private long readByAll() {
    long stale = context.currentSystemTimeMs() - 2 * settings.encounterCheckInterval().toMillis();
    long least = Long.MAX_VALUE;
    for (Source s : sources.values()) {
      if (!s.idle && s.heardAt >= stale) {
        least = Math.min(least, s.newest);
      }
    }
    // contacts end by the time every task waited for has read to, never further than any has read
    streamTime = Math.max(streamTime, Math.min(least, newestSeen));
    return least;
  }

  /** Pairs the held pings the slowest track task has now read near, in time order. */
  private void release() {
    long least = readByAll();
    if (oldestHeld == Long.MAX_VALUE) {
      return; // nothing held
    }
    long upTo = least == Long.MAX_VALUE ? Long.MAX_VALUE : least + slack();
    if (upTo < nextRelease) {
      return;
    }
    long now = context.currentSystemTimeMs();
    List<String> released = new ArrayList<>();
    // from the oldest time held, not from the store's start: the store's start is the deleted
    // entries of every earlier release, which a scan would have to step over each time
    try (KeyValueIterator<String, AisOutput> due =
        held.range(timePrefix(oldestHeld), timePrefix(upTo) + "~")) {
      while (due.hasNext()) {
        KeyValue<String, AisOutput> entry = due.next();
        released.add(entry.key);
        oldestHeld = timeOf(entry.key);
        if (entry.value instanceof AisOutput.CellPing cellPing) {
          pair(cellOf(entry.key), cellPing.ping(), now);
        }
      }
    }
    released.forEach(held::delete);
    long next = Long.MAX_VALUE;
    try (KeyValueIterator<String, AisOutput> rest =
        held.range(timePrefix(oldestHeld), timePrefix(Long.MAX_VALUE) + "~")) {
      if (rest.hasNext()) {
        next = timeOf(rest.next().key);
      }
    }
    oldestHeld = next;
    nextRelease = next;
  }

  private static String heldKey(long time, String cell, String mmsi) {
    return timePrefix(time) + cell + "|" + mmsi;
  }

  /** The start of every held key of {@code time}: the time, zero-padded, and a bar. */
  private static String timePrefix(long time) {
    String digits = Long.toString(Math.min(LATEST_TIME, Math.max(0, time)));
    return "0".repeat(TIME_DIGITS - digits.length()) + digits + "|";
  }

  private static long timeOf(String heldKey) {
    return Long.parseLong(heldKey.substring(0, heldKey.indexOf('|')));
  }

  private static String cellOf(String heldKey) {
    return heldKey.substring(heldKey.indexOf('|') + 1, heldKey.lastIndexOf('|'));
  }

  /** Checks the contacts when the positions read have run on by a contact's longest silence. */
  private void expireIfRunOn() {
    if (checkedAt == Long.MIN_VALUE
        || streamTime - checkedAt >= settings.encounters().maxSilence().toMillis()) {
      expire();
    }
  }

  private void expire() {
    if (streamTime == Long.MIN_VALUE) {
      return;
    }
    checkedAt = streamTime;
    long now = context.currentSystemTimeMs();
    try (KeyValueIterator<String, Encounters> all = cells.all()) {
      while (all.hasNext()) {
        KeyValue<String, Encounters> entry = all.next();
        List<Encounter> ended = entry.value.expire(streamTime);
        if (!ended.isEmpty()) {
          keep(entry.key, entry.value);
          report(ended, now);
        }
      }
    }
  }

  private void keep(String key, Encounters cell) {
    if (cell.isEmpty()) {
      cells.delete(key);
    } else {
      cells.put(key, cell);
    }
  }

  private void report(List<Encounter> ended, long timestamp) {
    for (Encounter e : ended) {
      AisEvents.Made made = events.encounter(e, vessel(e.lowerMmsi()), vessel(e.higherMmsi()));
      metrics.aisFinding(made.finding().getKind().toString());
      context.forward(new Record<>(e.id(), new AisOutput.Found(made), timestamp));
    }
  }

  private Vessel vessel(String mmsi) {
    AisOutput.CellPing last = said.get(mmsi);
    return last == null
        ? register.vessel(mmsi, null, null, null)
        : register.vessel(mmsi, last.imo(), last.name(), last.shipType());
  }
}
