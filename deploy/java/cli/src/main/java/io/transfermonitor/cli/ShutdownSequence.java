package io.transfermonitor.cli;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * Closes what a long-running command opened, last opened first, once: on Ctrl-C (a JVM shutdown
 * hook) or when the command ends. One hook for all, because the JVM runs separate hooks in no
 * particular order, and the monitor must stop before the broker it talks to.
 */
final class ShutdownSequence implements AutoCloseable {

  private final Deque<AutoCloseable> open = new ConcurrentLinkedDeque<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook = new Thread(this::closeAll, "tm-shutdown");

  ShutdownSequence() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Registers {@code resource} to be closed before everything registered earlier. */
  <T extends AutoCloseable> T add(T resource) {
    open.push(resource);
    return resource;
  }

  /**
   * Blocks until Ctrl-C, or until the thread is interrupted (a command run inside another program,
   * such as a test), which closes everything first.
   */
  void awaitInterrupt() throws InterruptedException {
    try {
      closed.await();
    } catch (InterruptedException e) {
      close();
      throw e;
    }
  }

  private synchronized void closeAll() {
    AutoCloseable next;
    while ((next = open.poll()) != null) {
      try {
        next.close();
      } catch (Exception e) {
        LoggerFactory.getLogger(ShutdownSequence.class).warn("error while stopping", e);
      }
    }
    closed.countDown();
  }

  @Override
  public void close() {
    closeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running
    }
  }
}
