package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * than half the pairing tolerance ahead of the slowest task; otherwise it holds it, and pairs the
 * held pings in time order as the slowest task reads on. Contacts end by the slowest task's time
 * too.
 *
 * <p><b>Holding cheaply.</b> The held pings are kept in memory in time order; their durable copy,
 * for a restore after a crash, is the {@code encounter-held} store, written in {@link HeldChunk}s
 * of up to {@value HeldChunk#CAPACITY} pings in the order they were held, and one mark saying up to
 * which position time the held pings have been paired. The store is cached, so a commit writes the
 * chunks that changed and the mark once each, not a changelog record per held ping (a ping held
 * across one commit used to cost a put and a delete). The mark only rises, and pings of its time or
 * older are paired as they come, never held; so at every commit the held pings are exactly those of
 * the stored chunks newer than the mark, and a chunk all of whose pings are that old is deleted. A
 * restore reads them back (with exactly-once, the store, the cells and the offsets of the commit
 * match). A task that says it is idle, or that has not been heard from for two checks of the wall
 * clock, is not waited for. When it starts, the search waits until it has heard from as many track
 * tasks as the positions have partitions ({@link AisSettings#trackTasks}), for at most two checks
 * of the wall clock: each task says how far it has read at least once a check. With one partition
 * of positions, or partitions read at one pace as a live feed is, nothing is held.
 */
public final class EncounterProcessor implements Processor<String, AisOutput, String, AisOutput> {

  /** What the vessels said of themselves, the most recent few thousand kept in memory. */
  private static final int KNOWN_VESSELS = 4_096;

  private static final int TIME_DIGITS = 15;
  private static final long LATEST_TIME = 999_999_999_999_999L;

  /** The held store's keys: its chunks, and the mark of what has been paired. */
  private static final String CHUNK_PREFIX = "chunk|";

  private static final String MARK_KEY = "released";

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

  /** The held pings in time order, key = time, cell and vessel. */
  private final TreeMap<String, HeldChunk.Held> pending = new TreeMap<>();

  /** The stored chunks that still hold a ping not yet paired, by key. */
  private final Map<String, HeldChunk> chunks = new HashMap<>();

  private ProcessorContext<String, AisOutput> context;
  private KeyValueStore<String, Encounters> cells;
  private KeyValueStore<String, HeldChunk> held;
  private VesselRegister register;
  private AisEvents events;
  private long newestSeen = Long.MIN_VALUE;
  private long streamTime = Long.MIN_VALUE;
  private long checkedAt = Long.MIN_VALUE;

  /** When this task started (wall clock): how long it still waits to hear from every track task. */
  private long startedAt;

  /** Every held ping of this position time or older has been paired (the stored mark). */
  private long released = Long.MIN_VALUE;

  /** The chunk pings are held in now, and its key; the next chunk's number. */
  private HeldChunk open;

  private String openKey;
  private long nextChunk;

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
    this.startedAt = context.currentSystemTimeMs();
    restore();
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
      if (!pending.isEmpty()) {
        mark(); // how far the tasks have read, for a restore while pings are held
      }
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
    if (ping.time() <= Math.max(plusSlack(readByAll()), released)) {
      pair(record.key(), ping, record.timestamp());
    } else {
      hold(record.key(), cellPing);
    }
    expireIfRunOn();
  }

  /** {@code least} plus the slack, no limit staying no limit. */
  private long plusSlack(long least) {
    return least > Long.MAX_VALUE - slack() ? Long.MAX_VALUE : least + slack();
  }

  private void hold(String cell, AisOutput.CellPing cellPing) {
    Ping ping = cellPing.ping();
    if (open == null || open.full()) {
      open = HeldChunk.chunk();
      openKey = chunkKey(nextChunk++);
      chunks.put(openKey, open);
    }
    open.add(cell, cellPing);
    held.put(openKey, open); // cached: the changelog gets the chunk once per commit
    pending.put(heldKey(ping.time(), cell, ping.mmsi()), new HeldChunk.Held(cell, cellPing));
    mark();
  }

  /**
   * Stores the mark: up to which time the held pings are paired, and how far each track task has
   * read (cached: once per commit). A restore waits for the tasks from there; a task's time stored
   * a little behind its real one only holds a few more pings until it is heard from again.
   */
  private void mark() {
    Map<Integer, Long> read = new HashMap<>();
    sources.forEach((partition, s) -> read.put(partition, s.newest));
    held.put(MARK_KEY, HeldChunk.mark(released, read));
  }

  /** Reads back the held pings the store keeps: those of its chunks newer than its mark. */
  private void restore() {
    List<KeyValue<String, HeldChunk>> stored = new ArrayList<>();
    try (KeyValueIterator<String, HeldChunk> all = held.all()) {
      all.forEachRemaining(stored::add);
    }
    for (KeyValue<String, HeldChunk> entry : stored) {
      if (entry.value.isMark()) {
        released = Math.max(released, entry.value.released());
        // waited for as if just heard from: until they are, or two checks of the wall clock pass
        entry.value.sources().forEach((partition, time) -> heard(partition, time, false));
        newestSeen = Long.MIN_VALUE;
      } else if (entry.key.startsWith(CHUNK_PREFIX)) {
        nextChunk = Math.max(nextChunk, chunkNumber(entry.key) + 1);
      }
    }
    for (KeyValue<String, HeldChunk> entry : stored) {
      if (entry.value.isMark()) {
        continue;
      }
      if (entry.value.newest() <= released) {
        held.delete(entry.key);
        continue;
      }
      chunks.put(entry.key, entry.value);
      for (HeldChunk.Held h : entry.value.pings()) {
        // an earlier monitor's entry names its cell in its key
        String cell = h.cell() != null ? h.cell() : cellOf(entry.key);
        Ping ping = h.cellPing().ping();
        if (ping.time() > released) {
          pending.put(
              heldKey(ping.time(), cell, ping.mmsi()), new HeldChunk.Held(cell, h.cellPing()));
        }
      }
    }
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
    report(cell, ended, timestamp);
    keep(key, cell);
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
    long now = context.currentSystemTimeMs();
    long stale = now - 2 * settings.encounterCheckInterval().toMillis();
    if (sources.size() < settings.trackTasks() && startedAt >= stale) {
      // a task that has not read its first position yet is the slowest of all: on a backlog its
      // first pings would otherwise meet those of a task that began a few seconds earlier and has
      // read hours further
      return Long.MIN_VALUE;
    }
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
    if (pending.isEmpty()) {
      return; // nothing held
    }
    long upTo = plusSlack(least);
    if (upTo < timeOf(pending.firstKey())) {
      return;
    }
    long now = context.currentSystemTimeMs();
    long newestReleased = released;
    while (!pending.isEmpty() && timeOf(pending.firstKey()) <= upTo) {
      HeldChunk.Held due = pending.pollFirstEntry().getValue();
      Ping ping = due.cellPing().ping();
      newestReleased = Math.max(newestReleased, ping.time());
      pair(due.cell(), ping, now);
    }
    if (newestReleased == released) {
      return;
    }
    released = newestReleased;
    mark();
    for (var it = chunks.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, HeldChunk> chunk = it.next();
      if (chunk.getValue().newest() <= released) {
        held.delete(chunk.getKey());
        it.remove();
        if (chunk.getValue() == open) {
          open = null;
        }
      }
    }
  }

  private static String chunkKey(long number) {
    String digits = Long.toString(number);
    return CHUNK_PREFIX + "0".repeat(Math.max(0, 19 - digits.length())) + digits;
  }

  private static long chunkNumber(String key) {
    return Long.parseLong(key.substring(CHUNK_PREFIX.length()));
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
          report(entry.value, ended, now);
          keep(entry.key, entry.value);
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

  /**
   * Reports the encounters {@code cell} has just returned. Each is judged a ship-to-ship transfer
   * or not at every report, by what is known of its vessels then: one that was none when it reached
   * the minimum duration becomes one at its end when a vessel of it has since been registered as
   * the DPRK's or designated. Its event goes out at the first report that finds it one, never again
   * under its id ({@link Encounters#counted}).
   */
  private void report(Encounters cell, List<Encounter> ended, long timestamp) {
    for (Encounter e : ended) {
      AisEvents.Made made =
          events.encounter(
              e,
              vessel(e.lowerMmsi()),
              backFromDark(e.lowerMmsi()),
              vessel(e.higherMmsi()),
              backFromDark(e.higherMmsi()));
      if (e.counted()) {
        made = made.findingOnly(); // its event went out with an earlier report of this id
      } else if (made.event().isPresent()) {
        cell.counted(e);
      }
      metrics.aisFinding(made.finding().getKind().toString());
      context.forward(new Record<>(e.id(), new AisOutput.Found(made), timestamp));
    }
  }

  /** When the vessel came back from its latest dark period, as its newest ping said; or null. */
  private Long backFromDark(String mmsi) {
    AisOutput.CellPing last = said.get(mmsi);
    return last == null ? null : last.backFromDark();
  }

  private Vessel vessel(String mmsi) {
    AisOutput.CellPing last = said.get(mmsi);
    return last == null
        ? register.vessel(mmsi, null, null, null)
        : register.vessel(mmsi, last.imo(), last.name(), last.shipType());
  }
}
