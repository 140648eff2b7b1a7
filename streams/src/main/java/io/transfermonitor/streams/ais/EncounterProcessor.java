package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.util.HashMap;
import java.util.Iterator;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * than another (a backlog, a task that started later): paired as they come, a ping of the task
 * ahead would find no ping of the same time from the one behind. So the search keeps, per track
 * task, how far it has read (its pings and its {@link AisOutput.Tick}s), and pairs a ping at once
 * only when every task has read as far as its time; otherwise the cell holds it ({@link
 * Encounters#hold}) until they have. A task that says it is idle, or that has not been heard from
 * for two checks of the wall clock, is not waited for; a ping that comes later than that time is
 * paired at once, as it comes. Contacts end by that time too, the slowest task's. A cell holds at
 * most {@value #MAX_HELD} pings; past that its oldest are paired early. With one partition of
 * positions every ping is paired as it comes.
 */
public final class EncounterProcessor implements Processor<String, AisOutput, String, AisOutput> {

  private static final Logger LOG = LoggerFactory.getLogger(EncounterProcessor.class);

  /** What the vessels said of themselves, the most recent few thousand kept in memory. */
  private static final int KNOWN_VESSELS = 4_096;

  /** The most pings a cell holds for the slowest track task. */
  static final int MAX_HELD = 2_000;

  private final String cellsStore;
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

  /** The cells holding pings, with the time of the oldest they hold. */
  private final Map<String, Long> holding = new HashMap<>();

  private ProcessorContext<String, AisOutput> context;
  private KeyValueStore<String, Encounters> cells;
  private VesselRegister register;
  private AisEvents events;
  private long newestSeen = Long.MIN_VALUE;
  private long streamTime = Long.MIN_VALUE;
  private long checkedAt = Long.MIN_VALUE;
  private long nextRelease = Long.MAX_VALUE;
  private boolean warnedFull;

  /** How far one track task has read, whether it says it is idle, when it was last heard from. */
  private static final class Source {
    long newest = Long.MIN_VALUE;
    boolean idle;
    long heardAt;
  }

  public EncounterProcessor(String cellsStore, AisStage stage) {
    this.cellsStore = cellsStore;
    this.stage = stage;
    this.settings = stage.settings();
    this.metrics = stage.metrics();
  }

  @Override
  public void init(ProcessorContext<String, AisOutput> context) {
    this.context = context;
    this.cells = context.getStateStore(cellsStore);
    this.register = stage.register(context);
    this.events = stage.events();
    try (KeyValueIterator<String, Encounters> all = cells.all()) {
      while (all.hasNext()) {
        KeyValue<String, Encounters> entry = all.next();
        entry.value.pending().stream()
            .findFirst()
            .ifPresent(oldest -> waitFor(entry.key, oldest.time()));
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
    Encounters cell = cells.get(record.key());
    if (cell == null) {
      cell = new Encounters(record.key(), settings.cells(), settings.encounters());
    }
    List<Encounter> ended;
    if (ping.time() <= readByAll()) {
      ended = cell.accept(ping);
    } else {
      cell.hold(ping);
      waitFor(record.key(), ping.time());
      ended = cell.held() > MAX_HELD ? releaseOldest(record.key(), cell) : List.of();
    }
    keep(record.key(), cell);
    report(ended, record.timestamp());
    release();
    expireIfRunOn();
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

  private void waitFor(String cell, long oldestHeld) {
    holding.merge(cell, oldestHeld, Math::min);
    nextRelease = Math.min(nextRelease, oldestHeld);
  }

  /** Pairs the held pings every track task has now read past, cell by cell, oldest first. */
  private void release() {
    long upTo = readByAll();
    if (upTo < nextRelease) {
      return;
    }
    long now = context.currentSystemTimeMs();
    nextRelease = Long.MAX_VALUE;
    for (Iterator<Map.Entry<String, Long>> it = holding.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> waiting = it.next();
      if (waiting.getValue() > upTo) {
        nextRelease = Math.min(nextRelease, waiting.getValue());
        continue;
      }
      Encounters cell = cells.get(waiting.getKey());
      if (cell == null) {
        it.remove();
        continue;
      }
      List<Encounter> ended = cell.release(upTo);
      keep(waiting.getKey(), cell);
      report(ended, now);
      if (cell.held() == 0) {
        it.remove();
      } else {
        long oldest = cell.pending().iterator().next().time();
        waiting.setValue(oldest);
        nextRelease = Math.min(nextRelease, oldest);
      }
    }
  }

  private List<Encounter> releaseOldest(String key, Encounters cell) {
    if (!warnedFull) {
      warnedFull = true;
      LOG.warn(
          "cell {} holds more than {} pings waiting for the slowest track task ({}): pairing its"
              + " oldest now, out of time order with that task's (said once per task)",
          key,
          MAX_HELD,
          sources.entrySet().stream()
              .filter(e -> !e.getValue().idle)
              .min(Map.Entry.comparingByValue((a, b) -> Long.compare(a.newest, b.newest)))
              .map(e -> "partition " + e.getKey())
              .orElse("none"));
    }
    List<Encounter> ended = cell.releaseOldest(MAX_HELD);
    holding.put(key, cell.pending().iterator().next().time());
    return ended;
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
