package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Designation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The designations of the global {@code designations} store as a {@link ScreeningList}, built again
 * whenever {@link DesignationChanges} has counted a change since the last build: what every event
 * is screened against, reporting matches from {@code floor} on. Building reads the whole store
 * (about a thousand records for the UN list). One per stream thread ({@link
 * DesignationChanges#current}).
 */
final class CurrentDesignations {

  private KeyValueStore<String, Designation> store;
  private final DesignationChanges changes;
  private final double floor;
  private ScreeningList list;
  private Map<String, Designation> byId = Map.of();
  private long builtAt = -1;

  CurrentDesignations(
      KeyValueStore<String, Designation> store, DesignationChanges changes, double floor) {
    this.store = store;
    this.changes = changes;
    this.floor = floor;
  }

  /**
   * Reads from {@code store} from now on: each task hands in its own handle on the one global store
   * when it starts, so a new handle is built from once, in case it is a new store altogether.
   */
  void readFrom(KeyValueStore<String, Designation> store) {
    if (store != this.store) {
      this.store = store;
      this.list = null;
    }
  }

  /** The list as the store holds it now. */
  ScreeningList list() {
    long count = changes.count();
    if (list == null || count != builtAt) {
      Map<String, Designation> all = new LinkedHashMap<>();
      try (KeyValueIterator<String, Designation> it = store.all()) {
        it.forEachRemaining(entry -> all.put(entry.key, entry.value));
      }
      byId = Map.copyOf(all);
      list = ScreeningList.of(all.values(), floor);
      builtAt = count;
    }
    return list;
  }

  /** The designations of {@link #list()} by reference number. */
  Map<String, Designation> byId() {
    list();
    return byId;
  }
}
