package io.transfermonitor.streams.screen;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells the screening tasks that the global {@code designations} store has changed, so they build
 * their {@link ScreeningList} again before the next event rather than on a timer: a delisting stops
 * matches, and a new designation applies, from the very next event. One per topology instance,
 * shared by the global store's updater (which counts every change) and the screening processors
 * (which compare the count with the one their list was built at). A missed or extra count only
 * costs a rebuild from the store, which stays the one source of truth.
 */
public final class DesignationChanges {

  private final AtomicLong changes = new AtomicLong();

  /** Counts one change of the store. */
  void changed() {
    changes.incrementAndGet();
  }

  /** How many changes have been counted so far. */
  long count() {
    return changes.get();
  }
}
