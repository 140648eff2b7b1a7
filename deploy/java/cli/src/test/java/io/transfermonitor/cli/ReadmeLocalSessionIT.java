package io.transfermonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.transfermonitor.testkit.ProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's local session ("A local session against a long-running stack") works as printed, in
 * order, on an empty data directory: its command lines are read from the README itself, so the
 * README cannot drift from what works. {@code stack} and {@code run} run in threads of this JVM
 * (two terminals), the rest one after the other. Only what keeps the test's files and ports to
 * itself is added: a fresh data directory for the stack, a state directory of its own and no
 * dashboard or metrics port for the monitor, and an idle timeout for the alerts tail. The recipe
 * needs the stack's default ports, 9092 and 8081; the test is skipped, saying so, when something
 * else holds them.
 */
class ReadmeLocalSessionIT {

  private static final Path ROOT = ProjectFiles.root();
  private static final String HEADING = "A local session against a long-running stack:";

  @TempDir Path dir;

  @Test
  void shouldRunTheReadmeLocalSessionAsPrinted() throws Exception {
    assumeThat(free(9092) && free(8081))
        .as("ports 9092 and 8081 must be free: the README's local session uses the defaults")
        .isTrue();
    List<List<String>> steps = readmeSession();
    assertThat(steps)
        .extracting(s -> String.join(" ", s.subList(0, Math.min(2, s.size()))))
        .containsExactly(
            "stack",
            "run",
            "alerts --from-beginning",
            "designations load",
            "ingest " + ROOT.resolve("producers/examples/osint-tanker-sightings/sightings.csv"),
            "cases list",
            "cases suppress");
    Path runSettings = dir.resolve("run.properties");
    Files.writeString(runSettings, "tm.state.dir=" + dir.resolve("streams") + "\n");

    Background stack = Background.start(with(steps.get(0), "--data-dir", dir.resolve("tm-data")));
    Background monitor = null;
    try {
      stack.awaitOut("Press Ctrl-C to stop.");
      monitor =
          Background.start(
              with(
                  steps.get(1),
                  "--config",
                  runSettings.toString(),
                  "--dashboard-port",
                  "-1",
                  "--metrics-port",
                  "-1"));
      monitor.awaitOut("Press Ctrl-C to stop.");
      // the comment "creates topics, applies default rules" holds beside a running stack
      assertThat(monitor.printed())
          .contains("Found a running stack at 127.0.0.1:9092")
          .containsPattern("Published the \\d+ default rules to tm.reference.rules");

      CliRun designations = step(steps.get(3));
      assertThat(designations.out()).contains("published to tm.reference.designations");
      step(steps.get(4));

      // the case the README suppresses is one that its own steps open
      List<String> suppress = steps.get(6);
      String caseId = suppress.get(2);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(() -> assertThat(step(steps.get(5)).out()).contains(caseId));
      step(suppress);
      assertThat(step(steps.get(5)).out()).containsPattern(caseId + "\\s+SUPPRESSED");

      // terminal 3, read last: the alerts those cases were opened by
      CliRun alerts = step(with(steps.get(2), "--idle-timeout", "3"));
      assertThat(alerts.out()).contains(caseId.substring(0, caseId.indexOf('/')));
    } finally {
      if (monitor != null) {
        monitor.stop();
      }
      stack.stop();
    }
  }

  /** The command lines of the README's local session, without the launcher and the comments. */
  static List<List<String>> readmeSession() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int at = lines.indexOf(HEADING);
    assertThat(at).as("the README has the section '%s'", HEADING).isNotNegative();
    assertThat(lines.get(at + 2)).isEqualTo("```");
    List<List<String>> commands = new ArrayList<>();
    StringBuilder command = new StringBuilder();
    for (int i = at + 3; !lines.get(i).startsWith("```"); i++) {
      String line = lines.get(i).replaceAll("\\s+#.*$", "").strip();
      boolean continued = line.endsWith("\\");
      command.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continued) {
        commands.add(words(command.toString()));
        command.setLength(0);
      }
    }
    return commands;
  }

  /** The words of a shell command line: launcher dropped, quotes honoured, files made absolute. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : line.strip().toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    assertThat(words.get(0)).isEqualTo("./transfer-monitor");
    return words.subList(1, words.size()).stream()
        .map(w -> w.contains("/") && Files.exists(ROOT.resolve(w)) ? ROOT.resolve(w).toString() : w)
        .toList();
  }

  private static List<String> with(List<String> command, Object... more) {
    List<String> all = new ArrayList<>(command);
    for (Object m : more) {
      all.add(m.toString());
    }
    return all;
  }

  private static CliRun step(List<String> command) {
    CliRun run = CliRun.of(command.toArray(String[]::new));
    assertThat(run.exit()).as("%s failed: %s%s", command, run.out(), run.err()).isZero();
    return run;
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A long-running command (another terminal) in a thread of this JVM. */
  private record Background(Thread thread, StringWriter out, StringWriter err, AtomicInteger exit) {

    static Background start(List<String> command) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      AtomicInteger exit = new AtomicInteger(-1);
      CommandLine cli = TransferMonitor.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      Thread thread =
          new Thread(() -> exit.set(cli.execute(command.toArray(String[]::new))), command.get(0));
      thread.start();
      return new Background(thread, out, err, exit);
    }

    String printed() {
      synchronized (out) {
        return out.toString();
      }
    }

    void awaitOut(String text) {
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () -> {
                assertThat(thread.isAlive() || printed().contains(text))
                    .as("%s ended (exit %d): %s %s", thread.getName(), exit.get(), printed(), err)
                    .isTrue();
                return printed().contains(text);
              });
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join(30_000);
    }
  }
}
