package io.transfermonitor.streams.match;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells the tasks that the global {@code rules} store has changed, so each {@link RuleBook} decodes
 * its snapshot again before the next event instead of scanning the store for every event. One per
 * topology instance, shared by the global store's updater (which counts every change) and the
 * stages that match rules (which compare the count with the one their snapshot was taken at). A
 * missed or extra count only costs a rebuild from the store, which stays the one source of truth.
 */
public final class RuleChanges {

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
