package io.transfermonitor.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap of this JVM during one benchmark phase: the highest heap in use, sampled every
 * 50 ms, and the highest heap still in use right after a garbage collection (the live set, which is
 * what decides whether a heap limit is enough), from GC notifications. Also the time spent in GC
 * during the phase.
 */
public final class HeapWatch implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;
  private final long gcMillisAtStart = gcMillis();
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapWatch() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    sampler = new Thread(this::sample, "bench-heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts watching now. */
  public static HeapWatch start() {
    return new HeapWatch();
  }

  private void sample() {
    while (running) {
      peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long before = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (!isNonHeap(pool.getKey())) {
        before += pool.getValue().getUsed();
      }
    }
    long after = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (!isNonHeap(pool.getKey())) {
        after += pool.getValue().getUsed();
      }
    }
    peakUsed.accumulateAndGet(before, Math::max);
    peakAfterGc.accumulateAndGet(after, Math::max);
  }

  private static boolean isNonHeap(String pool) {
    return pool.contains("Metaspace") || pool.contains("Code") || pool.contains("Compressed");
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** Highest heap in use seen so far (includes garbage not yet collected). */
  public long peakUsedBytes() {
    return Math.max(peakUsed.get(), memory.getHeapMemoryUsage().getUsed());
  }

  /** Highest heap in use right after a collection; 0 when no collection ran. */
  public long peakLiveBytes() {
    return peakAfterGc.get();
  }

  /** Milliseconds spent in garbage collection since the watch started. */
  public long gcMillisSinceStart() {
    return gcMillis() - gcMillisAtStart;
  }

  /**
   * Heap in use right after a full collection requested now: the live set at this moment (the peak
   * after young collections also counts old-generation garbage not yet reclaimed).
   */
  public long liveNowBytes() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** The -Xmx of this JVM in bytes. */
  public long maxHeapBytes() {
    return memory.getHeapMemoryUsage().getMax();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
