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
  private final EncounterProcessor processor =
      new EncounterProcessor(
          "encounter-cells",
          "encounter-held",
          new AisStage(
              "vessels",
              "designations",
              settings,
              new ReferenceChanges(),
              new DesignationChanges(),
              MonitorMetrics.inMemory()));
  private KeyValueStore<String, Encounters> cells;
  private KeyValueStore<String, AisOutput> held;

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
    held = MockStores.keyValue(context, "encounter-held", new CellPingSerde());
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

  private List<AisEvents.Made> encounters() {
    return context.forwarded().stream()
        .map(f -> f.record().value())
        .filter(v -> v instanceof AisOutput.Found)
        .map(v -> ((AisOutput.Found) v).made())
        .filter(m -> m.finding().getKind() == VesselFindingKind.ENCOUNTER)
        .toList();
  }

  private int heldPings() {
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
