package io.transfermonitor.streams.screen;

import io.transfermonitor.model.Designation;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Tells the screening tasks that the global {@code designations} store has changed, so they build
 * their {@link ScreeningList} again before the next event rather than on a timer: a delisting stops
 * matches, and a new designation applies, from the very next event. One per topology instance,
 * shared by the global store's updater (which counts every change) and the screening processors
 * (which compare the count with the one their list was built at). A missed or extra count only
 * costs a rebuild from the store, which stays the one source of truth.
 *
 * <p>It also holds the {@link CurrentDesignations} of each stream thread: every screening task
 * reads the same global store, so the tasks of one thread, which run one after the other, share one
 * list and its caches of recent names instead of building and warming one each.
 */
public final class DesignationChanges {

  private final AtomicLong changes = new AtomicLong();
  private final ThreadLocal<CurrentDesignations> perThread = new ThreadLocal<>();

  /** Counts one change of the store. */
  void changed() {
    changes.incrementAndGet();
  }

  /** How many changes have been counted so far. */
  public long count() {
    return changes.get();
  }

  /**
   * The designations of the calling stream thread, read from {@code store} (the global one),
   * reporting matches that score at least {@code floor} (the tasks of one topology all pass the
   * same).
   */
  CurrentDesignations current(KeyValueStore<String, Designation> store, double floor) {
    CurrentDesignations current = perThread.get();
    if (current == null) {
      current = new CurrentDesignations(store, this, floor);
      perThread.set(current);
    }
    current.readFrom(store);
    return current;
  }
}
