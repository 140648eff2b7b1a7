package io.transfermonitor.streams.ais;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the changes of a global store (the vessel register), so the tasks that keep a view of it
 * in memory ({@link VesselRegister}) build it again before their next use rather than on a timer.
 * One per topology instance, shared by the store's updater and the tasks. A store restored at start
 * counts nothing, but a view is built on first use anyway.
 */
public final class ReferenceChanges {

  private final AtomicLong changes = new AtomicLong();

  /** Counts one change. */
  void changed() {
    changes.incrementAndGet();
  }

  /** How many changes were counted so far. */
  long count() {
    return changes.get();
  }
}
