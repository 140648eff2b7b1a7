package io.transfermonitor.streams.ais;

import static io.transfermonitor.streams.ais.Tracks.HOUR;
import static io.transfermonitor.streams.ais.Tracks.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.VesselFindingKind;
import io.transfermonitor.model.VesselRecord;
import io.transfermonitor.schemas.registry.InMemorySchemaRegistry;
import io.transfermonitor.schemas.serde.AvroSerde;
import io.transfermonitor.streams.MockStores;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import io.transfermonitor.streams.reference.ReferenceChanges;
import io.transfermonitor.streams.screen.DesignationChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The encounter search fed by two track tasks that have read to different times, as on a backlog
 * read from two partitions of positions: a ping is paired only once both have read as far.
 */
class EncounterProcessorTest {

  private static final long T0 = Instant.parse("2024-05-07T00:00:00Z").toEpochMilli();
  private static final String A = "273000001";
  private static final String B = "445000001";

  private final AisSettings settings = AisSettings.of(new Gazetteer(List.of(), List.of()));
  private final MockProcessorContext<String, AisOutput> context = new MockProcessorContext<>();
  private EncounterProcessor processor = newProcessor();
  private KeyValueStore<String, Encounters> cells;
  private KeyValueStore<String, HeldChunk> held;

  private EncounterProcessor newProcessor() {
    return newProcessor(settings);
  }

  private EncounterProcessor newProcessor(AisSettings settings) {
    return new EncounterProcessor(
        "encounter-cells",
        "encounter-held",
        new AisStage(
            "vessels",
            "designations",
            settings,
            new ReferenceChanges(),
            new DesignationChanges(),
            MonitorMetrics.inMemory()));
  }

  @BeforeEach
  void init() {
    context.setCurrentSystemTimeMs(Instant.parse("2026-12-07T00:00:00Z").toEpochMilli());
    var registry = InMemorySchemaRegistry.scope("encounter-processor-test");
    MockStores.keyValue(context, "vessels", AvroSerde.forValue(registry, VesselRecord.class));
    MockStores.keyValue(context, "designations", AvroSerde.forValue(registry, Designation.class));
    cells =
        MockStores.keyValue(
            context,
            "encounter-cells",
            new EncountersSerde(settings.cells(), settings.encounters()));
    held = MockStores.keyValue(context, "encounter-held", new HeldChunk.Form());
    processor.init(context);
  }

  @Test
  void shouldFindTheEncounterOfTwoVesselsWhoseTrackTasksAreHoursApart() {
    // given two vessels side by side for 2 h 10 min, A read by the task of partition 0, B by that
    // of partition 1, and partition 0's task six hours ahead of partition 1's when B's pings come
    List<Ping> pings = Tracks.sideBySide(A, B, 38.45, 124.05, T0, T0 + 130 * MINUTE, 150);
    List<Ping> fromA = of(pings, A);
    List<Ping> fromB = of(pings, B);

    // when both tasks have begun to read, partition 0 sends all of A's pings and reads on for six
    // hours, and only then partition 1 sends B's, and both read on past the encounter's end
    tick(T0 - 2 * HOUR, 0, false);
    tick(T0 - 2 * HOUR, 1, false);
    fromA.forEach(p -> send(p, 0));
    tick(T0 + 8 * HOUR, 0, false);
    fromB.forEach(p -> send(p, 1));
    tick(T0 + 8 * HOUR, 1, false);

    // then the encounter of the two is found, once
    List<AisEvents.Made> found = encounters();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).finding().getMmsi().toString()).isEqualTo(A);
    assertThat(found.get(0).finding().getOtherMmsi().toString()).isEqualTo(B);
    assertThat(heldPings()).isZero();
  }

  @Test
  void shouldWaitAtStartForATrackTaskNotHeardFromYet() {
    // given a search told that two tasks read the positions, started afresh
    processor = newProcessor(settings.withTrackTasks(2));
    processor.init(context);
    List<Ping> pings = Tracks.sideBySide(A, B, 38.45, 124.05, T0, T0 + 130 * MINUTE, 150);

    // when partition 0's task reads all of A's pings (and on) before partition 1's has said a
    // word, as on a backlog where one task's first poll comes back a little later
    of(pings, A).forEach(p -> send(p, 0));
    tick(T0 + 8 * HOUR, 0, false);

    // then nothing is paired yet: A's pings wait for the other task
    assertThat(heldPings()).isPositive();
    assertThat(encounters()).isEmpty();

    // when partition 1's task reads B's pings and on
    of(pings, B).forEach(p -> send(p, 1));
    tick(T0 + 8 * HOUR, 1, false);

    // then the encounter is found from its start, once, as if both had read at one pace
    List<AisEvents.Made> found = encounters();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).finding().getStart().toEpochMilli()).isLessThan(T0 + 10 * MINUTE);
    assertThat(heldPings()).isZero();
  }

  @Test
  void shouldStopWaitingForATrackTaskSilentForTwoChecksOfTheWallClock() {
    // given a search told that two tasks read the positions, one of which never says a word
    processor = newProcessor(settings.withTrackTasks(2));
    processor.init(context);
    List<Ping> fromA = of(Tracks.sideBySide(A, B, 38.45, 124.05, T0, T0 + 130 * MINUTE, 150), A);
    fromA.forEach(p -> send(p, 0));
    assertThat(heldPings()).isPositive();

    // when two checks of the wall clock pass and partition 0's task reads on
    context.setCurrentSystemTimeMs(
        context.currentSystemTimeMs() + 2 * settings.encounterCheckInterval().toMillis() + 1);
    tick(T0 + 8 * HOUR, 0, false);

    // then its pings are paired (alone: no encounter), not held for ever
    assertThat(heldPings()).isZero();
  }

  @Test
  void shouldHoldThePingsOfTheTaskAheadUntilTheOtherHasReadAsFar() {
    // given both tasks heard from, partition 1's at T0
    tick(T0, 1, false);
    List<Ping> fromA = of(Tracks.sideBySide(A, B, 38.45, 124.05, T0, T0 + 130 * MINUTE, 150), A);

    // when partition 0 sends A's pings of the next two hours
    fromA.forEach(p -> send(p, 0));

    // then the cells hold the slow ones (those the search takes) until partition 1 reads on
    int held = heldPings();
    assertThat(held).isPositive();
    tick(T0 + HOUR, 1, false);
    assertThat(heldPings()).isLessThan(held).isPositive();
    tick(T0 + 3 * HOUR, 1, false);
    assertThat(heldPings()).isZero();
  }

  @Test
  void shouldNotWaitForATaskThatSaysItIsIdle() {
    // given partition 1's task heard from once, then idle
    tick(T0, 1, false);
    tick(T0, 1, true);

    // when partition 0 sends A's pings
    of(Tracks.sideBySide(A, B, 38.45, 124.05, T0, T0 + 130 * MINUTE, 150), A)
        .forEach(p -> send(p, 0));

    // then they are paired as they come
    assertThat(heldPings()).isZero();
  }

  @Test
  void shouldPairAsTheyComeThePingsOfOneTask() {
    // given one partition of positions: the pings of both vessels from the same task, in time order
    List<Ping> pings =
        new ArrayList<>(Tracks.sideBySide(A, B, 38.45, 124.05, T0, T0 + 130 * MINUTE, 150));
    pings.sort(Comparator.comparingLong(Ping::time));

    // when
    pings.forEach(p -> send(p, 0));
    tick(T0 + 8 * HOUR, 0, false);

    // then nothing waits, and the encounter is found
    assertThat(heldPings()).isZero();
    assertThat(encounters()).hasSize(1);
  }

  @Test
  void shouldKeepTheHeldPingsInAFewStoreEntriesNotOnePerPing() {
    // given both tasks heard from, partition 1's at T0
    tick(T0, 1, false);

    // when partition 0 sends six hours of pings of two vessels side by side, all held
    List<Ping> fromA =
        new ArrayList<>(Tracks.sideBySide(A, B, 38.45, 124.05, T0, T0 + 6 * HOUR, 150));
    fromA.sort(Comparator.comparingLong(Ping::time));
    fromA.forEach(p -> send(p, 0));

    // then the store, whose every entry a commit writes to the changelog, holds them in chunks
    // and a mark: a few entries for hundreds of pings
    int pings = heldPings();
    assertThat(pings).isGreaterThan(300);
    assertThat(storeEntries()).isLessThanOrEqualTo(pings / HeldChunk.CAPACITY + 2);

    // and once both read on, the pings are paired and the chunks deleted
    tick(T0 + 8 * HOUR, 0, false);
    tick(T0 + 8 * HOUR, 1, false);
    assertThat(heldPings()).isZero();
    assertThat(storeEntries()).isLessThanOrEqualTo(1); // the mark
    assertThat(encounters()).hasSize(1);
  }

  @Test
  void shouldFindTheSameEncounterWhenRestartedWhileHoldingPings() {
    // given the run of the first test, uninterrupted
    List<Ping> pings = Tracks.sideBySide(A, B, 38.45, 124.05, T0, T0 + 130 * MINUTE, 150);
    tick(T0 - 2 * HOUR, 0, false);
    tick(T0 - 2 * HOUR, 1, false);
    of(pings, A).forEach(p -> send(p, 0));
    tick(T0 + 8 * HOUR, 0, false);
    of(pings, B).forEach(p -> send(p, 1));
    tick(T0 + 8 * HOUR, 1, false);
    List<AisEvents.Made> uninterrupted = encounters();
    assertThat(uninterrupted).hasSize(1);

    // when the same run is restarted twice from its stores: once with A's pings all held, once
    // halfway through pairing them
    processor = newProcessor();
    init();
    context.resetForwards();
    tick(T0 - 2 * HOUR, 0, false);
    tick(T0 - 2 * HOUR, 1, false);
    of(pings, A).forEach(p -> send(p, 0));
    tick(T0 + 8 * HOUR, 0, false);
    int heldBefore = heldPings();
    assertThat(heldBefore).isPositive();
    restart();
    assertThat(heldPings()).isEqualTo(heldBefore);
    List<Ping> fromB = of(pings, B);
    fromB.stream().filter(p -> p.time() <= T0 + 65 * MINUTE).forEach(p -> send(p, 1));
    assertThat(heldPings()).isPositive().isLessThan(heldBefore);
    restart();
    fromB.stream().filter(p -> p.time() > T0 + 65 * MINUTE).forEach(p -> send(p, 1));
    tick(T0 + 8 * HOUR, 1, false);

    // then the encounter is found once, with the same start, end and figures
    List<AisEvents.Made> restarted = encounters();
    assertThat(restarted).hasSize(1);
    assertThat(restarted.get(0).finding()).isEqualTo(uninterrupted.get(0).finding());
    assertThat(heldPings()).isZero();
  }

  @Test
  void shouldReadBackAHeldPingAnEarlierMonitorStoredOnItsOwn() {
    // given the store of an earlier monitor: one cell ping per key (time, cell, vessel)
    tick(T0, 1, false);
    Ping ping = Tracks.sideBySide(A, B, 38.45, 124.05, T0 + HOUR, T0 + 2 * HOUR, 150).get(0);
    String cell = settings.cells().home(ping.lat(), ping.lon());
    byte[] old =
        new CellPingSerde()
            .serializer()
            .serialize("t", new AisOutput.CellPing(ping, null, null, null, 0));
    String key = String.format("%015d|%s|%s", ping.time(), cell, ping.mmsi());
    held.put(key, new HeldChunk.Form().deserializer().deserialize("t", old));

    // when the monitor restarts on it and partition 1 reads past it
    restart();
    tick(T0 + 3 * HOUR, 1, false);

    // then it was held and is paired now: its entry deleted
    assertThat(held.get(key)).isNull();
  }

  private void restart() {
    processor = newProcessor();
    processor.init(context);
  }

  private static List<Ping> of(List<Ping> pings, String mmsi) {
    return pings.stream()
        .filter(p -> p.mmsi().equals(mmsi))
        .sorted(Comparator.comparingLong(Ping::time))
        .toList();
  }

  /** A position as the track task of {@code source} sends it: to every cell that must see it. */
  private void send(Ping ping, int source) {
    for (String cell :
        Encounters.cellsFor(ping, settings.encounters(), settings.gazetteer(), settings.cells())) {
      processor.process(
          new Record<>(cell, new AisOutput.CellPing(ping, null, null, null, source), ping.time()));
    }
  }

  private void tick(long time, int source, boolean idle) {
    processor.process(
        new Record<>(TrackProcessor.TICK_KEY, new AisOutput.Tick(time, source, idle), time));
  }

  /** The encounters reported as ended (not the reports on reaching the minimum duration). */
  private List<AisEvents.Made> encounters() {
    return context.forwarded().stream()
        .map(f -> f.record().value())
        .filter(v -> v instanceof AisOutput.Found)
        .map(v -> ((AisOutput.Found) v).made())
        .filter(m -> m.finding().getKind() == VesselFindingKind.ENCOUNTER)
        .filter(m -> m.finding().getEnd() != null)
        .toList();
  }

  /** The held pings a restore would read back: those of the stored chunks newer than the mark. */
  private int heldPings() {
    HeldChunk mark = held.get("released");
    long released = mark == null ? Long.MIN_VALUE : mark.released();
    int count = 0;
    try (var all = held.all()) {
      while (all.hasNext()) {
        HeldChunk chunk = all.next().value;
        if (!chunk.isMark()) {
          count +=
              (int)
                  chunk.pings().stream().filter(h -> h.cellPing().ping().time() > released).count();
        }
      }
    }
    return count;
  }

  private int storeEntries() {
    int count = 0;
    try (var all = held.all()) {
      while (all.hasNext()) {
        all.next();
        count++;
      }
    }
    return count;
  }
}
