package io.transfermonitor.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The nodes of a {@link ClusterLayout}, each a JVM of its own ({@link ClusterNode#main}), so one
 * can be stopped in order (SIGTERM) or crash (SIGKILL) and be started again on its data while the
 * others go on. Each node's output goes to {@code logDir/node-<id>.log}. What a soak and the
 * three-node integration test run the cluster as; the schema registry is the caller's.
 */
public final class ClusterProcesses implements AutoCloseable {

  private static final Duration READY = Duration.ofMinutes(5);

  private final ClusterLayout layout;
  private final String classpath;
  private final Path logDir;
  private final String heap;
  private final Process[] nodes;

  private ClusterProcesses(ClusterLayout layout, String classpath, Path logDir, String heap) {
    this.layout = layout;
    this.classpath = classpath;
    this.logDir = logDir;
    this.heap = heap;
    this.nodes = new Process[layout.nodes()];
  }

  /**
   * Starts every node of {@code layout} with {@code classpath} (one holding this module and Kafka's
   * server); returns once each says it is ready.
   *
   * @param heap the {@code -Xmx} of each node, e.g. {@code 512m}
   */
  public static ClusterProcesses start(
      ClusterLayout layout, String classpath, Path logDir, String heap) {
    ClusterProcesses cluster = new ClusterProcesses(layout, classpath, logDir, heap);
    try {
      Files.createDirectories(logDir);
      for (int id = 1; id <= layout.nodes(); id++) {
        cluster.launch(id);
      }
      for (int id = 1; id <= layout.nodes(); id++) {
        cluster.awaitReady(id);
      }
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException("cannot start the cluster's nodes", e);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  public ClusterLayout layout() {
    return layout;
  }

  public String bootstrapServers() {
    return layout.bootstrapServers();
  }

  /** SIGKILL: the node dies at once, unflushed, without telling anyone. */
  public void kill(int id) throws InterruptedException {
    Process p = nodes[id - 1];
    if (p != null) {
      p.destroyForcibly();
      p.waitFor();
      nodes[id - 1] = null;
    }
  }

  /** SIGTERM: the node moves its leadership away and shuts down in order. */
  public void terminate(int id) throws InterruptedException {
    Process p = nodes[id - 1];
    if (p != null) {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor();
      }
      nodes[id - 1] = null;
    }
  }

  /** Starts node {@code id} again on its data; returns once it says it is ready. */
  public void restart(int id) {
    try {
      launch(id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + id, e);
    }
    awaitReady(id);
  }

  public boolean isRunning(int id) {
    return nodes[id - 1] != null && nodes[id - 1].isAlive();
  }

  private void launch(int id) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(classpath);
    command.add(ClusterNode.class.getName());
    command.add("--node");
    command.add(String.valueOf(id));
    command.addAll(layout.asArguments());
    Path log = logFile(id);
    Files.deleteIfExists(log);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    nodes[id - 1] = builder.start();
  }

  private void awaitReady(int id) {
    Path log = logFile(id);
    String ready = "node " + id + " ready on ";
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      Process p = nodes[id - 1];
      if (p == null || !p.isAlive()) {
        throw new IllegalStateException("Kafka node " + id + " exited; see " + log);
      }
      try {
        if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(ready)) {
          return;
        }
        Thread.sleep(200);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while node " + id + " starts", e);
      }
    }
    throw new IllegalStateException(
        "Kafka node " + id + " not ready within " + READY + "; see " + log);
  }

  private Path logFile(int id) {
    return logDir.resolve("node-" + id + ".log");
  }

  /** Stops every node in order. */
  @Override
  public void close() {
    for (int id = 1; id <= nodes.length; id++) {
      Process p = nodes[id - 1];
      if (p != null) {
        p.destroy();
      }
    }
    for (int id = 1; id <= nodes.length; id++) {
      try {
        terminate(id);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
