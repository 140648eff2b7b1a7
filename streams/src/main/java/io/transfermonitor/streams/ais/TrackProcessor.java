package io.transfermonitor.streams.ais;

import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The AIS track stage, on the partitions of the positions (key = MMSI): each vessel's {@link
 * VesselTrack} in the store {@code vessel-tracks} (one entry per vessel, cached, so its changelog
 * takes one record per vessel and commit rather than per position). A position runs the per-vessel
 * detectors (track filter, port visits, dark periods); a voyage message updates what the vessel
 * says of itself. Out, keyed by finding id or cell: findings with their events ({@link AisEvents}),
 * a designated vessel's position once a day, and the slow positions away from ports that the
 * encounter search needs, once per cell that must see them ({@link Cells#cellsFor}), and ticks that
 * tell every partition of the encounter search how far this task has read ({@link AisOutput.Tick}):
 * whenever that has moved on by {@link #TICK_EVERY} of position time, and on the wall clock with
 * whether the task read anything since. A wall-clock punctuation reports vessels dark for longer
 * than the gap, judged by the newest position time this task has read (stream time of the
 * positions, so a replay of 2023 is judged in 2023).
 */
public final class TrackProcessor implements Processor<String, AisInput, String, AisOutput> {

  /**
   * How far the position time moves on between two ticks a task sends as it reads: the cells pair a
   * position as it comes up to five minutes ahead of the slowest task (half the pairing tolerance),
   * so a tick more often would tell them nothing they act on.
   */
  static final long TICK_EVERY = Duration.ofMinutes(5).toMillis();

  /** How soon a task with nothing to read tells the encounter search so, once, as it starts. */
  private static final Duration ANNOUNCE_AFTER = Duration.ofSeconds(1);

  /** The key of a tick: any key would do, the partitioner sends it to every partition. */
  public static final String TICK_KEY = "tick";

  private final String tracksStore;
  private final AisSettings settings;
  private final AisStage stage;
  private final MonitorMetrics metrics;
  private ProcessorContext<String, AisOutput> context;
  private KeyValueStore<String, VesselTrack> tracks;
  private VesselRegister register;
  private AisEvents events;
  private Cells cells;
  private long newest = Long.MIN_VALUE;
  private int source = AisOutput.UNKNOWN_SOURCE;
  private long tickedAt = Long.MIN_VALUE;
  private long positionsSinceClockTick;

  public TrackProcessor(String tracksStore, AisStage stage) {
    this.tracksStore = tracksStore;
    this.stage = stage;
    this.settings = stage.settings();
    this.metrics = stage.metrics();
  }

  @Override
  public void init(ProcessorContext<String, AisOutput> context) {
    this.context = context;
    this.tracks = context.getStateStore(tracksStore);
    this.register = stage.register(context);
    this.events = stage.events();
    this.cells = settings.cells();
    this.source = context.taskId().partition();
    Duration every = settings.darkCheckInterval();
    context.schedule(every, PunctuationType.WALL_CLOCK_TIME, now -> checkDark());
    context.schedule(
        settings.encounterCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::tickOnTheClock);
    // the encounter search waits at start until every track task has said a word: one with no
    // position to read says so a second after it starts, not a check interval later
    Cancellable[] first = new Cancellable[1];
    first[0] =
        context.schedule(
            ANNOUNCE_AFTER,
            PunctuationType.WALL_CLOCK_TIME,
            now -> {
              first[0].cancel();
              if (newest == Long.MIN_VALUE) {
                tick(true, now);
              }
            });
  }

  @Override
  public void process(Record<String, AisInput> record) {
    String mmsi = record.key();
    if (mmsi == null || record.value() == null) {
      return;
    }
    VesselTrack track = tracks.get(mmsi);
    if (track == null) {
      track = new VesselTrack(settings.detectors(), mmsi);
    }
    if (record.value() instanceof AisInput.Position position) {
      position(track, position.ping(), record.timestamp());
    } else if (record.value() instanceof AisInput.Voyage v) {
      track
          .acceptVoyage(v.imo(), v.draughtMetres(), v.destination())
          .ifPresent(
              sighting ->
                  context.forward(
                      new Record<>(
                          sighting.imo(), new AisOutput.Sighting(sighting), record.timestamp())));
      track.acceptIdentity(v.name(), v.shipType());
    }
    tracks.put(mmsi, track);
  }

  private void position(VesselTrack track, Ping raw, long timestamp) {
    metrics.aisPosition();
    newest = Math.max(newest, raw.time());
    positionsSinceClockTick++;
    VesselTrack.Step step = track.take(raw);
    Ping ping = step.ping();
    for (AisFinding finding : step.findings()) {
      forward(track, finding, ping, timestamp);
    }
    if (!step.taken()) {
      return; // not taken into the track: a duplicate, a late or too old position, a jump
    }
    Vessel vessel = register.vessel(track);
    if (track.firstCheckAgainst(vessel.registerFlag())) {
      IdentityAnomaly.flagMismatch(track.mmsi(), vessel.registerFlag(), ping.time())
          .ifPresent(anomaly -> forward(track, anomaly, ping, timestamp));
    }
    if (vessel.designated() && track.firstDesignatedSightingOfDay(ping.time())) {
      var seen = events.designatedSeen(vessel, ping);
      context.forward(
          new Record<>(
              seen.getHeader().getEventId(),
              new AisOutput.Event(seen.getHeader().getEventId(), seen),
              timestamp));
    }
    List<String> feed =
        Encounters.cellsFor(ping, settings.encounters(), settings.gazetteer(), cells);
    if (!feed.isEmpty()) {
      AisOutput cellPing =
          new AisOutput.CellPing(
              ping, track.imo(), track.name(), track.shipType(), source, track.backFromDark());
      for (String cell : feed) {
        context.forward(new Record<>(cell, cellPing, timestamp));
      }
    }
    if (tickedAt == Long.MIN_VALUE || newest - tickedAt >= TICK_EVERY) {
      tick(false, timestamp);
    }
  }

  private void forward(VesselTrack track, AisFinding finding, Ping at, long timestamp) {
    AisEvents.Made made;
    if (finding instanceof PortCall call) {
      made = events.portCall(call, register.vessel(track), track.callCountryBefore());
    } else if (finding instanceof DarkPeriod dark) {
      made = events.darkPeriod(dark, register.vessel(track));
    } else if (finding instanceof IdentityAnomaly anomaly) {
      // a jump's other place is the track's own position, which the jump did not move
      Ping other = anomaly.kind() == IdentityAnomaly.Kind.POSITION_JUMP ? track.last() : null;
      made = events.identity(anomaly, register.vessel(track), at, other);
      if (anomaly.kind() == IdentityAnomaly.Kind.POSITION_JUMP
          && made.event().isPresent()
          && !track.firstJumpEventOfDay(anomaly.time())) {
        made = made.findingOnly();
      }
    } else {
      PositionDropped dropped = (PositionDropped) finding;
      metrics.aisPositionDropped(dropped.reason().toString().toLowerCase(Locale.ROOT));
      return;
    }
    metrics.aisFinding(made.finding().getKind().toString());
    context.forward(
        new Record<>(made.finding().getFindingId(), new AisOutput.Found(made), timestamp));
  }

  /**
   * Tells the encounter search how far this task has read, and whether it read anything since the
   * last tick of the clock: a task with nothing to read does not hold the cells back.
   */
  private void tickOnTheClock(long now) {
    // a task that never read a position is idle: nothing of it to wait for
    tick(newest == Long.MIN_VALUE || positionsSinceClockTick == 0, now);
    positionsSinceClockTick = 0;
  }

  private void tick(boolean idle, long timestamp) {
    tickedAt = newest;
    context.forward(new Record<>(TICK_KEY, new AisOutput.Tick(newest, source, idle), timestamp));
  }

  /** Vessels dark for longer than the gap, as of the newest position this task has read. */
  private void checkDark() {
    if (newest == Long.MIN_VALUE) {
      return;
    }
    long now = context.currentSystemTimeMs();
    try (KeyValueIterator<String, VesselTrack> all = tracks.all()) {
      while (all.hasNext()) {
        KeyValue<String, VesselTrack> entry = all.next();
        VesselTrack track = entry.value;
        List<AisFinding> found = track.check(newest);
        if (!found.isEmpty()) {
          for (AisFinding finding : found) {
            forward(track, finding, track.last(), now);
          }
          tracks.put(entry.key, track);
        }
      }
    }
  }
}
