package io.transfermonitor.streams.reference;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the changes of a global store of reference data (the vessel register, the priority list,
 * the makers table), so the tasks that keep a view of it in memory (the AIS stage's vessel
 * register, {@link ComponentReferences}) build it again before their next use rather than on a
 * timer. One per topology instance, shared by the store's updater and the tasks. A store restored
 * at start counts nothing, but a view is built on first use anyway.
 */
public final class ReferenceChanges {

  private final AtomicLong changes = new AtomicLong();

  /** Counts one change. */
  public void changed() {
    changes.incrementAndGet();
  }

  /** How many changes were counted so far. */
  public long count() {
    return changes.get();
  }
}
