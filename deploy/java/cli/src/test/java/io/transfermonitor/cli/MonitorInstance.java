package io.transfermonitor.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code transfer-monitor run} in a JVM of its own, from the jar users ship, with its output in
 * a file; its dashboard on a free port it prints at start.
 */
final class MonitorInstance implements AutoCloseable {

  static final Path JAR = Path.of("target", "transfer-monitor.jar");
  private static final Pattern DASHBOARD = Pattern.compile("(?m)^\\s+dashboard (http://\\S+/)$");

  private final Process process;
  private final Path output;
  private String dashboardUrl;

  private MonitorInstance(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code run} with {@code args}, its output in {@code dir/<name>.out}. */
  static MonitorInstance start(Path dir, String name, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.add("run");
    command.addAll(args);
    Path output = dir.resolve(name + ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    return new MonitorInstance(process, output);
  }

  /** Waits until it prints its dashboard address and reports running. */
  MonitorInstance awaitRunning(Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("the monitor stopped: " + printed());
              }
              Matcher m = DASHBOARD.matcher(printed());
              if (m.find()) {
                dashboardUrl = m.group(1);
              }
              return dashboardUrl != null && printed().contains("Press Ctrl-C to stop.");
            });
    return this;
  }

  String dashboardUrl() {
    return dashboardUrl;
  }

  String printed() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
