package io.transfermonitor.bench.soak;

import io.transfermonitor.cli.TransferMonitor;
import io.transfermonitor.embedded.EmbeddedStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The monitor instances of a soak, each {@code transfer-monitor run} in a JVM of its own against
 * the soak's cluster, with its own state directory and a static membership id ({@code
 * tm.instance.id}), so that one can be killed with SIGKILL and started again on its state, or on an
 * emptied one. Output goes to {@code logs/monitor-<i>.log}, appended across restarts.
 */
final class MonitorInstances implements AutoCloseable {

  private static final String RUNNING = " running against ";

  private final List<String> command;
  private final List<String> jvmOptions = new ArrayList<>();
  private final String prefix;
  private final String appId;
  private final Path workDir;
  private final Process[] processes;
  private final int[] runningLinesSeen;
  private final Map<String, String> env;

  MonitorInstances(
      int count,
      String bootstrapServers,
      String registryUrl,
      String prefix,
      String appId,
      Path workDir,
      String heap,
      Map<String, String> env) {
    this.env = Map.copyOf(env);
    this.prefix = prefix;
    this.appId = appId;
    this.workDir = workDir;
    this.processes = new Process[count];
    this.runningLinesSeen = new int[count];
    this.command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap,
            "-cp",
            System.getProperty("java.class.path"),
            TransferMonitor.class.getName(),
            "run",
            "-b",
            bootstrapServers,
            "--schema-registry-url",
            registryUrl,
            "--metrics-port",
            "-1",
            "--dashboard-port",
            "-1");
  }

  int count() {
    return processes.length;
  }

  /**
   * Makes a class-data archive (AppCDS) of the classes a monitor loads up to running, as the
   * launcher does for {@code run} (docs/reliability.md): one monitor of its own application id runs
   * until it says it is running and is stopped with SIGTERM, which writes the archive; every
   * instance started after maps it. Returns the archive's size in bytes, or -1 (and starts the
   * instances without one) when none was written.
   */
  long makeClassArchive(Duration timeout) throws InterruptedException {
    Path archive = workDir.resolve("monitor.jsa");
    Path log = workDir.resolve("logs").resolve("class-archive.log");
    List<String> archiving = new ArrayList<>(command);
    archiving.addAll(1, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off"));
    ProcessBuilder builder =
        new ProcessBuilder(archiving)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("TM_"));
    builder.environment().putAll(env);
    builder.environment().put("TM_TOPIC_PREFIX", prefix);
    // an id that does not start with the soak's: its internal topics (the AIS ticks it wrote
    // before it stopped) must not count as the soak's records still to process
    builder.environment().put("TM_APPLICATION_ID", "class-archive-" + appId);
    builder.environment().put("TM_STATE_DIR", workDir.resolve("state-class-archive").toString());
    Process process;
    try {
      Files.createDirectories(log.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the class-archive run", e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline && process.isAlive() && !says(log, RUNNING)) {
        Thread.sleep(200);
      }
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    if (!Files.exists(archive)) {
      return -1;
    }
    jvmOptions.add("-XX:SharedArchiveFile=" + archive);
    jvmOptions.add("-Xlog:cds=off");
    try {
      return Files.size(archive);
    } catch (IOException e) {
      return -1;
    }
  }

  private static boolean says(Path log, String text) {
    try {
      return Files.exists(log)
          && Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .anyMatch(l -> l.contains(text));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /** Starts instance {@code i} (0-based), on an emptied state directory when {@code empty}. */
  void start(int i, boolean empty) {
    Path state = workDir.resolve("state-" + i);
    if (empty) {
      EmbeddedStack.deleteRecursively(state);
    }
    List<String> started = new ArrayList<>(command);
    started.addAll(1, jvmOptions);
    ProcessBuilder builder =
        new ProcessBuilder(started)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log(i).toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("TM_"));
    builder.environment().putAll(env);
    builder.environment().put("TM_TOPIC_PREFIX", prefix);
    builder.environment().put("TM_APPLICATION_ID", appId);
    builder.environment().put("TM_STATE_DIR", state.toString());
    builder.environment().put("TM_INSTANCE_ID", appId + "-" + i);
    try {
      Files.createDirectories(workDir.resolve("logs"));
      runningLinesSeen[i] = runningLines(i);
      processes[i] = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start monitor instance " + i, e);
    }
  }

  /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
  void kill(int i) throws InterruptedException {
    processes[i].destroyForcibly();
    processes[i].waitFor();
  }

  /** Whether instance {@code i} has said it is running since it was last started. */
  boolean isRunning(int i) {
    return processes[i].isAlive() && runningLines(i) > runningLinesSeen[i];
  }

  /** Waits until instance {@code i} says it is running; false if it died or took too long. */
  boolean awaitRunning(int i, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (isRunning(i)) {
        return true;
      }
      if (!processes[i].isAlive()) {
        return false;
      }
      Thread.sleep(100);
    }
    return false;
  }

  boolean allAlive() {
    for (Process p : processes) {
      if (p == null || !p.isAlive()) {
        return false;
      }
    }
    return true;
  }

  Path log(int i) {
    return workDir.resolve("logs").resolve("monitor-" + i + ".log");
  }

  private int runningLines(int i) {
    Path log = log(i);
    if (!Files.exists(log)) {
      return 0;
    }
    try {
      return (int)
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(l -> l.contains(RUNNING))
              .count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** Stops every instance in order (SIGTERM, then SIGKILL after 30 s). */
  @Override
  public void close() {
    List<Process> alive = new ArrayList<>();
    for (Process p : processes) {
      if (p != null && p.isAlive()) {
        p.destroy();
        alive.add(p);
      }
    }
    for (Process p : alive) {
      try {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
