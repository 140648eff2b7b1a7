package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.metrics.MonitorMetrics;
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
 * the cell, or by a check that ends, as of the newest position time this task has read, the
 * contacts silent for longer than allowed: every minute of the wall clock, and whenever the
 * positions read have run on by that silence since the last check (a backlog read in minutes runs
 * through days of positions: its contacts end by position time, not hours later). Out, keyed by
 * finding id: the encounter with its event ({@link AisEvents#encounter}), the vessels known by what
 * they last said of themselves and by the register.
 */
public final class EncounterProcessor implements Processor<String, AisOutput, String, AisOutput> {

  /** What the vessels said of themselves, the most recent few thousand kept in memory. */
  private static final int KNOWN_VESSELS = 4_096;

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
  private ProcessorContext<String, AisOutput> context;
  private KeyValueStore<String, Encounters> cells;
  private VesselRegister register;
  private AisEvents events;
  private long newest = Long.MIN_VALUE;
  private long checkedAt = Long.MIN_VALUE;

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
    context.schedule(
        settings.encounterCheckInterval(), PunctuationType.WALL_CLOCK_TIME, now -> expire());
  }

  @Override
  public void process(Record<String, AisOutput> record) {
    if (record.value() instanceof AisOutput.Tick tick) {
      newest = Math.max(newest, tick.time());
      expireIfRunOn();
      return;
    }
    if (!(record.value() instanceof AisOutput.CellPing cellPing) || record.key() == null) {
      return;
    }
    Ping ping = cellPing.ping();
    newest = Math.max(newest, ping.time());
    said.put(ping.mmsi(), cellPing);
    Encounters cell = cells.get(record.key());
    if (cell == null) {
      cell = new Encounters(record.key(), settings.cells(), settings.encounters());
    }
    List<Encounter> ended = cell.accept(ping);
    keep(record.key(), cell);
    report(ended, record.timestamp());
    expireIfRunOn();
  }

  /** Checks the contacts when the positions read have run on by a contact's longest silence. */
  private void expireIfRunOn() {
    if (checkedAt == Long.MIN_VALUE
        || newest - checkedAt >= settings.encounters().maxSilence().toMillis()) {
      expire();
    }
  }

  private void expire() {
    if (newest == Long.MIN_VALUE) {
      return;
    }
    checkedAt = newest;
    long now = context.currentSystemTimeMs();
    try (KeyValueIterator<String, Encounters> all = cells.all()) {
      while (all.hasNext()) {
        KeyValue<String, Encounters> entry = all.next();
        List<Encounter> ended = entry.value.expire(newest);
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
