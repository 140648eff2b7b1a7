package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Designation;
import io.transfermonitor.model.Party;
import io.transfermonitor.streams.dedupe.SeenEvent;
import io.transfermonitor.streams.fact.Fact;
import io.transfermonitor.streams.metrics.MonitorMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The screening stage. In: de-duplicated facts keyed by event id. Out: one {@link ScreeningHit} per
 * event and designation that one of its parties matches at or above the threshold, keyed by event
 * id. Best matches below it but at or above the near-miss score are counted, never forwarded.
 *
 * <p>Stores: the global {@code designations} (read, through {@link CurrentDesignations}); {@code
 * events}, the window store in which the re-send check remembers every event as a {@link
 * SeenEvent}, stamped with the wall clock: this stage adds the designations an event has hit to its
 * entry, and rescreens the entries; {@code designations-rescreened}, the {@link DesignationVersion}
 * of each designation this task has rescreened its events against.
 *
 * <p>Rescreening: a wall-clock punctuation compares the designations with the versions this task
 * has rescreened against; a new or changed one is screened against every event of the index, and
 * each event it now matches, and had not hit before, raises a retroactive hit. Global store
 * processors cannot forward records, so the rescreen runs here, on the task that holds the events.
 * Hits are remembered per event, so neither rescreens nor replays raise one twice.
 */
public final class ScreeningProcessor implements Processor<String, Fact, String, ScreeningHit> {

  private final String designationsStore;
  private final String eventsStore;
  private final String rescreenedStore;
  private final DesignationChanges changes;
  private final ScreeningSettings settings;
  private final MonitorMetrics metrics;
  private ProcessorContext<String, ScreeningHit> context;
  private CurrentDesignations current;
  private WindowStore<String, SeenEvent> screened;
  private KeyValueStore<String, Long> rescreened;
  private long rescreenedAt = -1;

  public ScreeningProcessor(
      String designationsStore,
      String eventsStore,
      String rescreenedStore,
      DesignationChanges changes,
      ScreeningSettings settings,
      MonitorMetrics metrics) {
    this.designationsStore = designationsStore;
    this.eventsStore = eventsStore;
    this.rescreenedStore = rescreenedStore;
    this.changes = changes;
    this.settings = settings;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, ScreeningHit> context) {
    this.context = context;
    KeyValueStore<String, Designation> designations = context.getStateStore(designationsStore);
    // the list reports no match this stage would not use: none below a near miss
    this.current =
        changes.current(designations, Math.max(ScreeningList.FLOOR, settings.nearMiss()));
    this.screened = context.getStateStore(eventsStore);
    this.rescreened = context.getStateStore(rescreenedStore);
    context.schedule(settings.rescreenInterval(), PunctuationType.WALL_CLOCK_TIME, this::rescreen);
  }

  @Override
  public void process(Record<String, Fact> record) {
    Fact fact = record.value();
    List<Party> parties = fact.parties();
    if (parties.isEmpty()) {
      return;
    }
    long now = context.currentSystemTimeMs();
    metrics.partiesScreened(parties.size());
    Set<String> hit = new LinkedHashSet<>();
    for (Found found : best(current.list(), parties)) {
      if (found.match.score() >= settings.threshold()) {
        context.forward(record.withValue(found.hit(fact, false, now)));
        metrics.screeningMatch(found.match.method(), false);
        hit.add(found.match.designationId());
      } else {
        metrics.nearMiss(found.match.method());
      }
    }
    if (!hit.isEmpty()) {
      // the re-send check remembered the event a moment ago, at this same wall-clock time
      SeenEvent entry = screened.fetch(record.key(), now);
      SeenEvent base = entry == null ? SeenEvent.first(fact, -1, -1) : entry;
      screened.put(record.key(), base.withAlerted(hit), now);
    }
  }

  /** Screens the index against every designation this task has not rescreened against yet. */
  private void rescreen(long now) {
    long count = changes.count();
    if (count == rescreenedAt) {
      return;
    }
    Map<String, Designation> fresh = notRescreenedYet();
    if (!fresh.isEmpty()) {
      ScreeningList narrowed = current.list().narrowedTo(fresh.values());
      List<KeyValue<Windowed<String>, SeenEvent>> updates = new ArrayList<>();
      long lookBack = settings.lookBack().toMillis();
      try (KeyValueIterator<Windowed<String>, SeenEvent> events =
          screened.fetchAll(now - lookBack, now + lookBack)) {
        while (events.hasNext()) {
          KeyValue<Windowed<String>, SeenEvent> entry = events.next();
          SeenEvent updated = rescreen(entry.key.key(), entry.value, narrowed, now);
          if (updated != entry.value) {
            updates.add(KeyValue.pair(entry.key, updated));
          }
        }
      }
      // written after the scan, so the scan never sees its own updates
      updates.forEach(u -> screened.put(u.key.key(), u.value, u.key.window().start()));
      fresh.forEach((id, designation) -> rescreened.put(id, DesignationVersion.of(designation)));
      metrics.rescreened(fresh.size());
    }
    rescreenedAt = count;
  }

  private SeenEvent rescreen(String eventId, SeenEvent event, ScreeningList list, long now) {
    if (event.fact().parties().isEmpty()) {
      return event;
    }
    Fact fact = event.fact().withEventId(eventId);
    Set<String> hit = new HashSet<>();
    for (Found found : best(list, fact.parties())) {
      String id = found.match.designationId();
      if (found.match.score() >= settings.threshold() && !event.alerted().contains(id)) {
        context.forward(new Record<>(eventId, found.hit(fact, true, now), now));
        metrics.screeningMatch(found.match.method(), true);
        hit.add(id);
      }
    }
    return hit.isEmpty() ? event : event.withAlerted(hit);
  }

  /** New and changed designations; the versions of delisted ones are forgotten. */
  private Map<String, Designation> notRescreenedYet() {
    Map<String, Designation> now = current.byId();
    List<String> gone = new ArrayList<>();
    Map<String, Long> versions = new LinkedHashMap<>();
    try (KeyValueIterator<String, Long> it = rescreened.all()) {
      it.forEachRemaining(entry -> versions.put(entry.key, entry.value));
    }
    versions.keySet().stream().filter(id -> !now.containsKey(id)).forEach(gone::add);
    gone.forEach(rescreened::delete);
    Map<String, Designation> fresh = new LinkedHashMap<>();
    now.forEach(
        (id, designation) -> {
          Long version = versions.get(id);
          if (version == null || version != DesignationVersion.of(designation)) {
            fresh.put(id, designation);
          }
        });
    return fresh;
  }

  /** The best match of {@code parties} for each designation scoring at least a near miss. */
  private List<Found> best(ScreeningList list, List<Party> parties) {
    Map<String, Found> best = null;
    for (Party party : parties) {
      for (DesignationMatch match : list.screen(party)) {
        if (best == null) {
          best = new LinkedHashMap<>();
        }
        if (match.score() >= settings.nearMiss()) {
          best.merge(
              match.designationId(),
              new Found(party, match),
              (a, b) -> b.match.score() > a.match.score() ? b : a);
        }
      }
    }
    return best == null ? List.of() : List.copyOf(best.values());
  }

  private record Found(Party party, DesignationMatch match) {
    ScreeningHit hit(Fact fact, boolean retroactive, long now) {
      return new ScreeningHit(fact, party, match, retroactive, now);
    }
  }
}
