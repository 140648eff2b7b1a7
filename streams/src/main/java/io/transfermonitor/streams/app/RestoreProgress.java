package io.transfermonitor.streams.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log what a restore of state costs: after a start on an empty state directory, a move
 * of tasks, or a {@code kill -9} (under exactly-once, a store without a checkpoint is restored from
 * the start of its changelog), the monitor counts nothing on the tasks concerned until their stores
 * are restored. In: Kafka Streams' restore callbacks, on the threads that restore. Out: one INFO
 * line when a round of restores starts (how many store partitions, how many records), one at most
 * every {@code every} while it lasts, and one when the last of the round ends (records, time, the
 * largest store). A round is the restores that overlap in time.
 */
final class RestoreProgress implements StateRestoreListener {

  private static final Logger LOG = LoggerFactory.getLogger(RestoreProgress.class);
  private static final long NOTABLE_RECORDS = 10_000;
  private static final long NOTABLE_MS = 1_000;

  private final LongSupplier clock;
  private final long everyMs;
  private final Map<TopicPartition, long[]> active = new HashMap<>(); // {to restore, restored}
  private final Map<String, Long> restoredByStore = new HashMap<>();
  private long roundStart;
  private long roundPartitions;
  private long roundToRestore;
  private long roundRestored;
  private long lastReport;

  RestoreProgress(Duration every) {
    this(System::currentTimeMillis, every);
  }

  RestoreProgress(LongSupplier clock, Duration every) {
    this.clock = clock;
    this.everyMs = every.toMillis();
  }

  @Override
  public synchronized void onRestoreStart(
      TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    long now = clock.getAsLong();
    long toRestore = Math.max(0, endingOffset - startingOffset);
    if (active.isEmpty()) {
      roundStart = now;
      lastReport = now;
      roundPartitions = 0;
      roundToRestore = 0;
      roundRestored = 0;
      restoredByStore.clear();
      LOG.debug(
          "restoring state: {} from {} (offsets {} to {}), more may follow",
          storeName,
          partition,
          startingOffset,
          endingOffset);
    }
    active.put(partition, new long[] {toRestore, 0});
    roundPartitions++;
    roundToRestore += toRestore;
  }

  @Override
  public synchronized void onBatchRestored(
      TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
    long[] progress = active.get(partition);
    if (progress != null) {
      progress[1] += numRestored;
    }
    roundRestored += numRestored;
    restoredByStore.merge(storeName, numRestored, Long::sum);
    long now = clock.getAsLong();
    if (now - lastReport >= everyMs) {
      lastReport = now;
      LOG.info(
          "restoring state: {} of about {} records in {} store partition(s), {} s so far",
          roundRestored,
          roundToRestore,
          roundPartitions,
          seconds(now - roundStart));
    }
  }

  @Override
  public synchronized void onRestoreEnd(
      TopicPartition partition, String storeName, long totalRestored) {
    active.remove(partition);
    if (active.isEmpty()) {
      logRoundEnd("restored state");
    }
  }

  @Override
  public synchronized void onRestoreSuspended(
      TopicPartition partition, String storeName, long totalRestored) {
    active.remove(partition); // the task moved away or closed; its restore starts over elsewhere
    if (active.isEmpty()) {
      logRoundEnd("restore suspended (tasks moved or closed)");
    }
  }

  private void logRoundEnd(String what) {
    long took = clock.getAsLong() - roundStart;
    if (took < NOTABLE_MS && roundRestored < NOTABLE_RECORDS && !LOG.isDebugEnabled()) {
      return;
    }
    String largest =
        restoredByStore.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(e -> ", most in " + e.getKey() + " (" + e.getValue() + ")")
            .orElse("");
    String line =
        String.format(
            java.util.Locale.ROOT,
            "%s: %d records in %d store partition(s) in %s s%s",
            what,
            roundRestored,
            roundPartitions,
            seconds(took),
            largest);
    if (took < NOTABLE_MS && roundRestored < NOTABLE_RECORDS) {
      LOG.debug(line);
    } else {
      LOG.info(line);
    }
  }

  /** The records restored in the current or last round, for tests. */
  synchronized long restored() {
    return roundRestored;
  }

  /** Whether a round of restores is under way, for tests. */
  synchronized boolean restoring() {
    return !active.isEmpty();
  }

  private static String seconds(long ms) {
    return String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
  }
}
